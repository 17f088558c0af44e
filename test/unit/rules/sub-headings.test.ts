/**
 * Explain before reporting (issue 23): an agenda printed from a case system with every field heading, and
 * sub-headings inside a section. Hand-made fixtures in test/fixtures/rules/structure/ (their findings are
 * also compared with their sidecars by structure.test.ts); the facts are asserted here.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../server/src/core/analyze';
import { parentSections } from '../../../server/src/core/rules/sub-headings';
import { FIXTURES } from '../helpers';

const read = (name: string) => readFileSync(path.join(FIXTURES, 'rules', 'structure', name), 'utf8');
const at = (f: { code: string; range: { start: { line: number } } }) => `${f.code}@${f.range.start.line + 1}`;

describe('an agenda printed with every field heading and no kind word in its header', () => {
  const { model, findings } = analyze(read('agenda-every-field.txt'));

  it('is a dagsorden because every decision heading is empty', () => {
    assert.equal(model.header?.statedKind, null);
    assert.equal(model.kind, 'dagsorden');
    assert.equal(model.template?.kindFrom, 'noDecisions');
  });

  it('reads all four items, the third titled with an ordinal ("3. 2. behandling af …")', () => {
    assert.deepEqual(model.items.map((i) => [i.number, i.title]), [
      [1, 'Godkendelse af dagsorden'],
      [2, 'Trafiksikkerhedsplan 2025-2028'],
      [3, '2. behandling af budget 2025'],
      [4, 'Orientering'],
    ]);
  });

  it('reports no empty decision or empty section, and no item has a decision', () => {
    assert.deepEqual(findings.map(at), []);
    for (const item of model.items) assert.equal(item.decision?.text ?? '', '', `item ${item.number}`);
  });
});

describe('sub-headings under an empty heading of the frame', () => {
  const { model, findings } = analyze(read('sub-headings-under-empty.txt'));
  const item = model.items[1];

  it('reads "Baggrund" and the first "Økonomi" as standing inside "Sagsfremstilling", the second "Økonomi" as a section', () => {
    assert.deepEqual(item.sections.map((s) => s.heading), ['Sagsfremstilling', 'Baggrund', 'Økonomi', 'Indstilling', 'Økonomi', 'Beslutning']);
    assert.deepEqual(parentSections(model.template, item.sections), [-1, 0, 0, -1, -1, -1]);
  });

  it('reports neither "Sagsfremstilling" empty (RF005) nor "Økonomi" twice (RF006)', () => {
    assert.deepEqual(findings.map(at), []);
  });

  it('still reports a heading of the frame with nothing under it before the next one', () => {
    const really = analyze(read('sub-headings-really-empty.txt'));
    assert.deepEqual(really.findings.map(at), ['RF005@19']);
  });
});

describe('a heading written inside another section where the document never puts it', () => {
  const { model, findings } = analyze(read('sub-headings-by-order.txt'));

  it('"Økonomi" is part of the frame (in every item)', () => {
    assert.equal(model.template?.sections['økonomi']?.items, 4);
  });

  it('no RF006 for "Økonomi" above "Vurdering" (the other items write it below), one for "Økonomi" twice after "Vurdering"', () => {
    assert.deepEqual(findings.map(at), ['RF006@57']);
    assert.match(findings[0].message.da, /Punkt 3/);
  });
});
