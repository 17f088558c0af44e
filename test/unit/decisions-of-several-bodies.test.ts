/**
 * An item that went through several bodies carries each body's decision
 * ("Vedtagelse i Økonomiudvalget den …", "Vedtagelse i Kommunalbestyrelsen den …").
 * That is the item's history, not a repeated section, and the decision that counts is
 * the meeting's own committee's.
 */
import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';

const doc = (committee: string) => [
  `REFERAT ${committee} d. 27-10-2021`, '', 'Mødedato Onsdag d. 27. oktober 2021 kl. 17:00', '',
  'Punkt 1: Budget 2022', '', '21/100', '', 'Resumé', '', 'Tekst.', '', 'Sagsfremstilling', '', 'Tekst.', '',
  'Indstilling', '', 'Direktionen foreslår, at budgettet vedtages.', '',
  'Vedtagelse i Økonomiudvalget den 20-10-2021', '', 'ØKONOMIUDVALGET indstiller Direktionens forslag tiltrådt.', '',
  'Vedtagelse i Kommunalbestyrelsen den 27-10-2021', '', 'Godkendt.', '',
].join('\n');

describe('decisions of several bodies in one item', () => {
  it('are not a repeated section (RF006) and the committee’s own decision counts', () => {
    const a = analyze(doc('Kommunalbestyrelsen'));
    assert.deepEqual(a.findings.filter((f) => f.severity === 'warning' || f.severity === 'error').map((f) => f.code), []);
    assert.equal(a.model.items[0].decision?.text, 'Godkendt.');
    assert.equal(a.model.items[0].decision?.outcome, 'approved');
    assert.equal(a.model.items[0].decision?.date?.iso, '2021-10-27');
  });

  it('a plain heading written twice is still a repeat', () => {
    const text = doc('Kommunalbestyrelsen').replace('Indstilling\n', 'Indstilling\n\nTekst.\n\nIndstilling\n');
    assert.ok(analyze(text).findings.some((f) => f.code === 'RF006'));
  });
});
