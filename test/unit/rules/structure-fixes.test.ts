/**
 * The structure rules' quick fixes (core/edits.ts): RF001 inserts the decision heading,
 * RF004 moves a section to its place, RF005 deletes an empty heading, RF006 merges a
 * repeated section, RF040 writes a usual decision phrase. Each fix, applied, makes its
 * finding go and loses no text.
 */
import * as assert from 'node:assert/strict';
import { analyze } from '../../../server/src/core/analyze';
import type { Finding } from '../../../server/src/core/model';
import { MISSING_TEXT } from '../../../server/src/core/sections';
import { applyEdits } from './text-helpers';

const findingsOf = (text: string, code: string, profile?: string) =>
  analyze(text, profile ? { config: { profile } } : {}).findings.filter((f) => f.code === code);

function fixed(text: string, finding: Finding, k = 0): string {
  assert.ok(finding.fixes && finding.fixes.length > k, `${finding.code} offers a fix`);
  return applyEdits(text, finding.fixes[k].edits);
}

const HEADER = 'REFERAT Økonomiudvalget d. 03-11-2021\n\n';

describe('structure quick fixes', () => {
  it('RF001: inserts the decision heading after the Indstilling, and RF001 goes', () => {
    const text = `${HEADER}Punkt 1: Budget\n\nIndstilling\n\nDirektionen indstiller, at budgettet godkendes.\n\nPunkt 2: Andet\n\nIndstilling\n\nDirektionen indstiller.\n\nBeslutning\n\nGodkendt.\n`;
    const [missing] = findingsOf(text, 'RF001');
    const after = fixed(text, missing);
    assert.match(after, /Direktionen indstiller, at budgettet godkendes\.\n\nBeslutning\n\n\[Tekst mangler\]\n\nPunkt 2/);
    assert.deepEqual(findingsOf(after, 'RF001'), []);
    // The placeholder is still an empty decision until the clerk writes it.
    assert.equal(findingsOf(after, 'RF040').length, 1);
  });

  it('RF004: moves the section, text and all, before the section the template puts after it', () => {
    const text = `${HEADER}Punkt 1: Budget\n\nResumé\n\nKort.\n\nIndstilling\n\nDirektionen indstiller.\n\nSagsfremstilling\n\nFørste linje.\nAnden linje.\n\nBeslutning\n\nGodkendt.\n`;
    const [order] = findingsOf(text, 'RF004', 'rudersdal');
    assert.ok(order, 'RF004 reports the Sagsfremstilling');
    const after = fixed(text, order);
    assert.equal(after, `${HEADER}Punkt 1: Budget\n\nResumé\n\nKort.\n\nSagsfremstilling\n\nFørste linje.\nAnden linje.\n\nIndstilling\n\nDirektionen indstiller.\n\nBeslutning\n\nGodkendt.\n`);
    assert.deepEqual(findingsOf(after, 'RF004', 'rudersdal'), []);
  });

  it('RF005: deletes the empty heading and its placeholder, keeping the spacing of what follows', () => {
    const text = `${HEADER}Punkt 1: Budget\n\nSagsfremstilling\n\nTekst.\n\nØkonomi\n\n${MISSING_TEXT}\n\nIndstilling\n\nDirektionen indstiller.\n\nBeslutning\n\nGodkendt.\n`;
    const [empty] = findingsOf(text, 'RF005');
    assert.ok(empty, 'RF005 reports Økonomi');
    const after = fixed(text, empty);
    assert.equal(after, `${HEADER}Punkt 1: Budget\n\nSagsfremstilling\n\nTekst.\n\nIndstilling\n\nDirektionen indstiller.\n\nBeslutning\n\nGodkendt.\n`);
    assert.deepEqual(findingsOf(after, 'RF005'), []);
  });

  it('RF006: merges the repeated section into the first one, every line kept', () => {
    const text = `${HEADER}Punkt 1: Budget\n\nIndstilling\n\nDirektionen indstiller, at A.\n\nIndstilling\n\nat B.\n\nBeslutning\n\nGodkendt.\n`;
    const [repeat] = findingsOf(text, 'RF006');
    assert.ok(repeat, 'RF006 reports the second Indstilling');
    const after = fixed(text, repeat);
    assert.equal(after, `${HEADER}Punkt 1: Budget\n\nIndstilling\n\nDirektionen indstiller, at A.\n\nat B.\n\nBeslutning\n\nGodkendt.\n`);
    assert.deepEqual(findingsOf(after, 'RF006'), []);
  });

  it('RF006: a repeat further down is merged up and removed where it stood', () => {
    const text = `${HEADER}Punkt 1: Budget\n\nIndstilling\n\nat A.\n\nSagsfremstilling\n\nTekst.\n\nIndstilling\n\nat B.\n\nBeslutning\n\nGodkendt.\n`;
    const [repeat] = findingsOf(text, 'RF006');
    const after = fixed(text, repeat);
    assert.equal(after, `${HEADER}Punkt 1: Budget\n\nIndstilling\n\nat A.\n\nat B.\n\nSagsfremstilling\n\nTekst.\n\nBeslutning\n\nGodkendt.\n`);
  });

  it('RF040: offers the usual decision phrases, none of them safe, each replacing the placeholder', () => {
    const text = `${HEADER}Punkt 1: Budget\n\nIndstilling\n\nat A.\n\nBeslutning\n\n${MISSING_TEXT}\n`;
    const [empty] = findingsOf(text, 'RF040');
    assert.ok(empty.fixes && empty.fixes.length >= 2);
    assert.ok(empty.fixes.every((f) => !f.safe), 'what was decided is the clerk’s choice');
    const after = fixed(text, empty);
    assert.equal(after, `${HEADER}Punkt 1: Budget\n\nIndstilling\n\nat A.\n\nBeslutning\n\nGodkendt\n`);
    assert.deepEqual(findingsOf(after, 'RF040'), []);
  });

  it('RF040: under a heading with nothing below, the phrase goes on its own line', () => {
    const text = `${HEADER}Punkt 1: Budget\n\nIndstilling\n\nat A.\n\nBeslutning\n\nPunkt 2: Andet\n\nIndstilling\n\nat B.\n\nBeslutning\n\nGodkendt.\n`;
    const [empty] = findingsOf(text, 'RF040');
    assert.match(fixed(text, empty), /Beslutning\n\nGodkendt\n\nPunkt 2/);
  });
});
