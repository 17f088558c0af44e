// One decision status for every adapter (issue: the outline said "ingen beslutning nødvendig" where the CLI
// said nothing): the outline JSON, the editor's outline, the overview and the CLI's text all render it.
import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { decisionLabel, toOutline } from '../../server/src/core/outline';
import { overview } from '../../server/src/core/overview';
import { outlineAsText } from '../../server/src/cli/format';
import { itemDetail } from '../../server/src/features/symbols';
import { seedText } from './helpers';

describe('decision status, decided once', () => {
  const a = analyze(seedText('000_1bde0758b15ed079.txt'));
  const outline = toOutline('000.txt', a.model);

  it('is in the outline JSON: not needed for Meddelelser, decided for the others', () => {
    assert.deepEqual(outline.items.map((i) => i.decisionStatus), ['notNeeded', 'decided', 'decided', 'decided', 'decided', 'decided']);
  });

  it('reads the same in the editor outline, the overview and the CLI text, in both languages', () => {
    for (const language of ['da', 'en'] as const) {
      const labels = a.model.items.map((item) => decisionLabel(a.model.kind, item, language));
      assert.deepEqual(a.model.items.map((item) => itemDetail(a.model, item, language)), labels);
      assert.deepEqual(overview(a.model, a.profile, a.findings, language).items.map((i) => i.status), labels);
      const text = outlineAsText(outline, language);
      for (const label of labels) assert.ok(text.includes(label), `${label} in\n${text}`);
    }
    assert.equal(decisionLabel(a.model.kind, a.model.items[0], 'da'), 'ingen beslutning nødvendig');
  });
});
