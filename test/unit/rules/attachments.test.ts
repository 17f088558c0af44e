/**
 * RF030 attachment-count: "N bilag, heraf M anbefales" against the attachment list and
 * its ANBEFALES marks, per sub-point where Meddelelser counts per sub-point, with
 * misspelt marks (ANBEALES, ANBEFALS, ANEBFALES) reported on the word.
 *
 * Hand-made fixtures in test/fixtures/rules/attachments/ each have a sidecar
 * `<name>.expected.json` with the exact set of { line (1-based), code } RF030 reports;
 * other rules' findings are ignored here. The seeds are checked directly.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../server/src/core/analyze';
import type { Finding } from '../../../server/src/core/model';
import { analyzeSeed, FIXTURES, SEEDS, seedNames, seedText } from '../helpers';
import { describeRegistration, describeFixtures } from './conventions';
import { applyEdits, range, textAt, assertReported } from './text-helpers';

const CODE = 'RF030';
const DIR = path.join(FIXTURES, 'rules', 'attachments');

const fixture = (name: string) => readFileSync(path.join(DIR, name), 'utf8');
const check = (text: string, config?: Parameters<typeof analyze>[1]) => analyze(text, config).findings.filter((f: Finding) => f.code === CODE);

/** A Ballerup referat with one item whose count line is `count` (none when null) and whose list is `list`. */
function ballerup(count: string | null, list: string[]): string {
  return (
    'REFERAT Erhvervs- og Beskæftigelsesudvalget d. 09-03-2021\n\nMødedato Tirsdag d. 09. marts 2021 kl. 13:00\n\n' +
    'Punkt 1: Nøgletal\n\n15.00.00-P05-9-20\n\nIndhold\n\nSammendrag\n\nOpfølgning.\n\nSagsfremstilling\n\nTekst.\n\n' +
    (count === null ? '' : `Bilag\n\n${count}\n\n`) +
    'Beslutningen træffes af\n\nErhvervs- og Beskæftigelsesudvalget\n\nIndstilling\n\nCenter for Arbejdsmarked indstiller, at\n\n1. Orienteringen tages til efterretning.\n\n' +
    'Beslutning\n\nTaget til efterretning\n\n' +
    (list.length > 0 ? `Bilag\n\n${list.join('\n\n')}\n` : '')
  );
}

describeRegistration('RF030 attachment-count: registration and docs', 'attachments');


describeFixtures('RF030 attachment-count: fixtures with their expected findings', DIR, { names: ['counts.txt'] });


describe('RF030 attachment-count', () => {
  const text = fixture('counts.txt');
  const found = check(text);
  const at = (line1: number) => found.filter((f) => f.range.start.line === line1 - 1);

  it('counts Meddelelser per sub-point (1.3 under "1 bilag", 1.4 ANBEFALES under "1 bilag, heraf 1 anbefales")', () => {
    assert.ok(!found.some((f) => f.range.start.line < 48));
    const { model } = analyze(text);
    assert.deepEqual(model.items[0].attachmentCounts.map((c) => c.subPoint), [3, 4]);
  });

  it('reports a misspelt mark on the word, names the count line, and fixes the spelling safely', () => {
    const [f] = at(83);
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.range, range(82, 0, 8));
    assert.equal(textAt(text, f.range), 'ANBEALES');
    assert.equal(
      f.message.da,
      'ANBEALES er formentlig en stavefejl for ANBEFALES; så passer optællingen »2 bilag, heraf 2 anbefales«. Nu er kun 1 bilag mærket ANBEFALES.',
    );
    assert.match(f.message.en, /^ANBEALES is probably a misspelling of ANBEFALES; then the count "2 bilag, heraf 2 anbefales" is right\./);
    assert.deepEqual(f.fixes, [
      { title: { da: 'Ret stavningen til ANBEFALES', en: 'Correct the spelling to ANBEFALES' }, edits: [{ range: range(82, 0, 8), newText: 'ANBEFALES' }], safe: true },
    ]);
    assert.equal(textAt(text, f.related![0].range), '2 bilag, heraf 2 anbefales');
  });

  it('reports each of several misspellings (ANBEFALS, ANEBFALES) on its word', () => {
    const words = [...at(121), ...at(123)];
    assert.deepEqual(words.map((f) => textAt(text, f.range)), ['ANBEFALS', 'ANEBFALES']);
    for (const f of words) {
      assert.match(f.message.da, /er formentlig en stavefejl for ANBEFALES; så passer optællingen »4 bilag, heraf 3 anbefales« \(når også den anden stavefejl er rettet\)/);
      assert.equal(f.fixes![0].safe, true);
    }
  });

  it('applying the safe fixes leaves no finding on those items', () => {
    const safe = found.flatMap((f) => (f.fixes ?? []).filter((x) => x.safe).flatMap((x) => x.edits));
    const fixed = applyEdits(text, safe);
    assert.deepEqual(check(fixed).map((f) => f.range.start.line + 1), [145, 183, 343]);
  });

  it('reports a real mismatch without a typo on the count line, with an unsafe fix to what the list says', () => {
    const [f] = at(145);
    assert.deepEqual(f.range, range(144, 0, 26));
    assertReported(f, 'countMismatch', { count: { da: '»2 bilag, heraf 2 anbefales«', en: '"2 bilag, heraf 2 anbefales"' } });
    assert.match(f.message.da, /som har 2 bilag, heraf 1 mærket ANBEFALES\.$/);
    assert.deepEqual(f.fixes, [
      {
        title: { da: 'Ret optællingen til »2 bilag, heraf 1 anbefales«', en: 'Change the count to "2 bilag, heraf 1 anbefales"' },
        edits: [{ range: range(144, 15, 16), newText: '1' }],
        safe: false,
      },
    ]);
  });

  it('reports a total that does not match the list', () => {
    const [f] = at(183);
    assertReported(f, 'countMismatch', { count: { da: '»3 bilag, heraf 1 anbefales«', en: '"3 bilag, heraf 1 anbefales"' } });
    assert.deepEqual(f.fixes![0].edits, [{ range: range(182, 0, 1), newText: '2' }]);
  });

  it('does not compare counts without a list ("2 bilag", "2 bilag (Herfaf 1 tilknyttet efter mødet)")', () => {
    assert.ok(!found.some((f) => f.range.start.line > 190 && f.range.start.line < 300));
  });

  it('offers, but does not apply in "fix all", a spelling fix that would make a right count wrong', () => {
    const [f] = at(343);
    assert.equal(textAt(text, f.range), 'ANBEFALS');
    assert.match(f.message.da, /^ANBEFALS ligner en stavefejl for ANBEFALES, men optællingen »2 bilag, heraf 1 anbefales« regner kun med 1 anbefalet bilag\./);
    assert.equal(f.fixes![0].safe, false);
  });

  it('reports a near miss without a count line as a plain misspelling', () => {
    const doc = ballerup(null, ['ANBEFALES Nøgletal', 'ANEBFALES Opfølgning']);
    const found = check(doc);
    assert.equal(found.length, 1);
    assertReported(found[0], 'typo', { word: 'ANEBFALES', marker: 'ANBEFALES' });
    assert.equal(found[0].fixes![0].safe, true);
  });

  it('reports a misspelling and a wrong total apart, counting the misspelt mark as a mark', () => {
    const doc = ballerup('3 bilag, heraf 2 anbefales', ['ANBEFALES Nøgletal', 'ANBEALES Opfølgning']);
    const [count, word] = check(doc); // in document order: the count line comes before the list
    assertReported(word, 'typo', { word: 'ANBEALES', marker: 'ANBEFALES' });
    assert.equal(word.fixes![0].safe, true);
    assert.equal(textAt(doc, count.range), '3 bilag, heraf 2 anbefales');
    assertReported(count, 'countMismatch', { count: { da: '»3 bilag, heraf 2 anbefales«', en: '"3 bilag, heraf 2 anbefales"' } });
    assert.match(count.message.da, /heraf 2 mærket ANBEFALES \(medregnet ANBEALES\)/);
    assert.deepEqual(count.fixes![0].edits.map((e) => e.newText), ['2']);
  });

  it('does not count a misspelt mark the count line leaves out when the total is wrong too', () => {
    const doc = ballerup('3 bilag, heraf 1 anbefales', ['ANBEFALES Nøgletal', 'ANBEFALS Opfølgning']);
    const [count, word] = check(doc); // in document order: the count line comes before the list
    assert.equal(word.fixes![0].safe, false);
    assertReported(count, 'countMismatch', { count: { da: '»3 bilag, heraf 1 anbefales«', en: '"3 bilag, heraf 1 anbefales"' } });
    assert.deepEqual(count.fixes![0].edits.map((e) => e.newText), ['2']);
  });

  it('reports a count line that contradicts itself', () => {
    const doc = ballerup('1 bilag, heraf 2 anbefales', ['ANBEFALES Nøgletal']);
    const [f] = check(doc);
    assert.equal(textAt(doc, f.range), '1 bilag, heraf 2 anbefales');
    assert.match(f.message.da, /siger, at flere bilag anbefales, end der er bilag/);
  });

  it('is quiet when count and list agree, and when all-caps words are not near the marker', () => {
    assert.deepEqual(check(ballerup('2 bilag, heraf 1 anbefales', ['ANBEFALES Nøgletal', 'Opfølgning'])), []);
    assert.deepEqual(check(ballerup('2 bilag', ['EVU Bilag - Bemærkninger.pdf', 'ANBEFALINGER fra rådet'])), []);
  });

  it('uses the marker of the profile', () => {
    const profile = { id: 'anbefalet', name: 'Test', extends: 'ballerup', attachments: { marker: 'LÆSES' } };
    const doc = ballerup('2 bilag, heraf 2 anbefales', ['LÆSES Nøgletal', 'LÆSSE Opfølgning']);
    const found = check(doc, { config: { profile: 'anbefalet', profiles: [profile] } });
    assert.deepEqual(found.map((f) => textAt(doc, f.range)), ['LÆSSE']);
    assert.match(found[0].message.da, /^LÆSSE er formentlig en stavefejl for LÆSES; så passer optællingen/);
  });

  it('can be switched off in .referat.json and inline', () => {
    assert.deepEqual(check(text, { config: { rules: { RF030: 'off' } } }), []);
    const inline = text.replace('ANBEALES Nøgletal', 'referat-disable-next-line RF030\nANBEALES Nøgletal');
    assert.equal(check(inline).length, found.length - 1);
  });
});

describe('RF030 on the seeds', () => {
  it('reports only 001 Punkt 8: ANBEALES, on the misspelt mark, mentioning the count line', () => {
    const all = seedNames().flatMap((name) => analyzeSeed(name).findings.filter((f) => f.code === CODE).map((f) => ({ name, f })));
    assert.deepEqual(all.map(({ name, f }) => `${name}:${f.range.start.line + 1}`), [`${SEEDS.ballerup2021}:625`]);
    const { f } = all[0];
    const text = seedText(SEEDS.ballerup2021);
    assert.equal(textAt(text, f.range), 'ANBEALES');
    assert.match(f.message.da, /^ANBEALES er formentlig en stavefejl for ANBEFALES; så passer optællingen »2 bilag, heraf 2 anbefales«/);
    assert.equal(f.related![0].range.start.line + 1, 607);
    assert.equal(f.fixes![0].safe, true);
    assert.deepEqual(check(applyEdits(text, f.fixes![0].edits)), []);
  });

  it('counts 001 Punkt 1 Meddelelser per sub-point and 003 (counts, no lists) not at all', () => {
    const ballerup2021 = analyzeSeed(SEEDS.ballerup2021).model;
    assert.deepEqual(ballerup2021.items[0].attachments.map((a) => a.number?.text), ['1.3', '1.4']);
    const pdf = analyzeSeed(SEEDS.ballerupPdf).model;
    assert.ok(pdf.items.some((i) => i.attachmentCounts.length > 0));
    assert.ok(pdf.items.every((i) => i.attachments.length === 0));
  });
});
