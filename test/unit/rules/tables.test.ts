/**
 * Table arithmetic: RF101 column-total, RF102 row-total, RF103 glued-footnote-marker,
 * RF104 malformed-number, RF105 stated-difference, the table finder's forms, and the
 * hover helper explainTotalAt.
 *
 * Hand-made fixtures in test/fixtures/rules/tables/ each have a sidecar
 * `<name>.expected.json` with the exact set of { line (1-based), code } the five table
 * rules report; other rules' findings are ignored here. The seeds are checked directly.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../server/src/core/analyze';
import type { Finding } from '../../../server/src/core/model';
import { parseDanishNumber } from '../../../server/src/core/numbers';
import { parseDocument } from '../../../server/src/core/parse/index';
import { ProfileRegistry } from '../../../server/src/core/profiles/builtin';
import { allTables, explainTotalAt, formatNumber, tableAnalysis } from '../../../server/src/core/tables/index';
import { analyzeSeed, FIXTURES, ROOT, SEEDS, seedNames, seedText } from '../helpers';
import { codesTagged, describeRegistration, describeFixtures } from './conventions';
import { applyEdits, range, textAt, assertReported } from './text-helpers';

const CODES = codesTagged('tables');
const DIR = path.join(FIXTURES, 'rules', 'tables');

const fixture = (name: string) => readFileSync(path.join(DIR, name), 'utf8');
const tableFindings = (text: string, options?: Parameters<typeof analyze>[1]) =>
  analyze(text, options).findings.filter((f: Finding) => CODES.includes(f.code));

/** A referat with one item whose Sagsfremstilling is `body`. */
function referat(body: string): string {
  return (
    'REFERAT Økonomiudvalget d. 01-02-2022\n\nPunkt 1: Budgetopfølgning\n\nSagsfremstilling\n\n' +
    body.trim() +
    '\n\nIndstilling\n\nForvaltningen indstiller, at sagen tages til efterretning.\n\nBeslutning\n\nTaget til efterretning\n'
  );
}

describeRegistration('table rules: registration', 'tables');

describe('table rules: docs', () => {
  it('docs/tables.md explains what is checked and what is ignored', () => {
    const page = readFileSync(path.join(ROOT, 'docs', 'tables.md'), 'utf8');
    for (const code of CODES) assert.ok(page.includes(code), code);
    for (const word of ['I alt', 'Gennemsnit', 'Heraf', 'afrund', 'fodnote', 'explainTotalAt']) assert.ok(page.includes(word), word);
  });
});

describeFixtures('table rules: fixtures (exact findings per line)', DIR, { atLeast: 35 });


describe('table rules on the seeds', () => {
  it('report exactly one table finding: RF103 on 751 in 000 Punkt 6', () => {
    const all = seedNames().flatMap((name) => tableFindings(seedText(name)).map((f) => ({ name, f })));
    assert.equal(all.length, 1, JSON.stringify(all.map((x) => [x.name, x.f.code, x.f.message.da])));
    const { name, f } = all[0];
    assert.equal(name, SEEDS.rudersdal2021);
    assert.equal(f.code, 'RF103');
    assert.equal(f.severity, 'warning');
    const text = seedText(name);
    assert.equal(textAt(text, f.range), '751');
    assert.deepEqual(f.range, range(292, 39, 42));
    assertReported(f, 'glued', { written: '751', base: '75', marker: '1' });
    // Related: the footnote line and the total it makes right.
    assert.ok(f.related?.some((r) => textAt(text, r.range).startsWith('1 Heraf 10 til')));
    assert.ok(f.related?.some((r) => r.range.start.line === 298 && textAt(text, r.range) === '100'));
    assert.equal(f.fixes?.length, 1);
    assert.equal(f.fixes![0].safe, false);
    assert.deepEqual(f.fixes![0].edits, [{ range: range(292, 39, 42), newText: '75¹' }]);
  });

  it('the Business Training table adds up once the footnote marker is written as one', () => {
    const text = seedText(SEEDS.rudersdal2021);
    const f = tableFindings(text)[0];
    assert.deepEqual(tableFindings(applyEdits(text, f.fixes![0].edits)), []);
  });

  it('read the budget, Væksthuset, participants and total-first tables as adding up', () => {
    const { model, profile } = analyzeSeed(SEEDS.rudersdal2021);
    const [budget, overall] = model.items[1].tables.map((t) => tableAnalysis(t, profile.tables));
    const budgetTotal = budget.checks.find((c) => c.kind === 'column' && c.stated === 14385)!;
    assert.ok(budgetTotal.ok && budgetTotal.exact);
    assert.deepEqual(budgetTotal.addends.map((a) => a.value), [14359, 26]);
    assert.equal(budget.read.rows[6].kind, 'data', 'Coronaudgifter is after the total and not part of it');
    assert.equal(overall.read.rows[3].total, 'inferred');
    assert.deepEqual(overall.checks.find((c) => c.stated === 10598)!.addends.map((a) => a.value), [62484, -29599, -22287]);
    assert.equal(overall.read.rows[1].kind, 'header', 'Udgiftsopfølgning, samlet is a header, not a total');
    const vaeksthuset = tableAnalysis(model.items[3].tables[0], profile.tables);
    assert.deepEqual(vaeksthuset.checks.filter((c) => c.kind === 'column').map((c) => [c.stated, c.ok]), [[1303, true], [635, true], [668, true]]);
    assert.ok(vaeksthuset.checks.filter((c) => c.kind === 'row').every((c) => c.ok && c.strength === 'inferred'));
    const participants = tableAnalysis(model.items[5].tables[1], profile.tables);
    assert.deepEqual(participants.checks.map((c) => [c.stated, c.computed, c.ok]), [[27, 27, true]]);
  });

  it('read Nettotilflytning as Tilflyttere − Fraflyttere in every row of 003, without Nystartede', () => {
    const { model, profile } = analyzeSeed(SEEDS.ballerupPdf);
    const tables = model.items[1].tables.map((t) => tableAnalysis(t, profile.tables));
    assert.equal(tables.length, 2);
    for (const t of tables) {
      assert.deepEqual(t.read.columns.map((c) => c.name).slice(1), ['Nystartede', 'Tilflyttere', 'Fraflyttere', 'Nettotilflytning']);
      const diffs = t.checks.filter((c) => c.kind === 'difference');
      assert.equal(diffs.length, 4);
      assert.ok(diffs.every((c) => c.ok && c.formula === 'Tilflyttere − Fraflyttere'));
    }
  });

  it('find nothing to add up in the timelines of 001 Punkt 2', () => {
    const { model, profile } = analyzeSeed(SEEDS.ballerup2021);
    const tables = model.items[1].tables.map((t) => tableAnalysis(t, profile.tables));
    assert.ok(tables.length >= 2);
    assert.ok(tables.every((t) => t.checks.length === 0 && t.malformed.length === 0));
  });

  it('can be turned off in the configuration and inline', () => {
    const text = seedText(SEEDS.rudersdal2021);
    assert.deepEqual(tableFindings(text, { config: { rules: { RF103: 'off' } } }), []);
    const lines = text.split('\n');
    lines.splice(292, 0, 'referat-disable-next-line RF103');
    assert.deepEqual(tableFindings(lines.join('\n')), []);
  });
});

describe('RF101 column-total', () => {
  it('reports the total cell with stated and computed sums, the addends as related, and a fix', () => {
    const text = fixture('tab-total-wrong.txt');
    const [f] = tableFindings(text);
    assert.equal(f.code, 'RF101');
    assert.equal(f.severity, 'error');
    assert.deepEqual(f.range, range(9, 6, 11));
    assert.equal(textAt(text, f.range), '1.200');
    assertReported(f, 'total', { label: 'I alt', stated: '1.200', computed: '1.250', difference: '-50' });
    assert.deepEqual(f.related!.map((r) => textAt(text, r.range)), ['700', '550']);
    assert.ok(f.related![0].message.da.includes('Skoler'));
    assert.equal(f.fixes?.length, 1);
    assert.equal(f.fixes![0].safe, false);
    assert.equal(f.fixes![0].title.da, 'Ret totalen til 1.250');
    assert.deepEqual(tableFindings(applyEdits(text, f.fixes![0].edits)), []);
    assert.deepEqual(f.data, { stated: 1200, computed: 1250, difference: -50, reading: 'block', row: 'I alt', column: '2021' });
  });

  it('names the column in a table of several, and reads a header label as the total (Erhvervsudvalget)', () => {
    const [f] = tableFindings(fixture('header-label-total.txt'));
    assertReported(f, 'total', { label: 'Erhvervsudvalget', stated: '14.395', computed: '14.385', difference: '10' });
    assert.match(f.message.da, /i kolonnen »2021«/);
  });

  it('is a control for RF103: without a footnote, 751 makes the total wrong', () => {
    const text = fixture('footnote-none.txt');
    const [f] = tableFindings(text);
    assert.equal(f.code, 'RF101');
    assert.equal(textAt(text, f.range), '100');
    assert.ok(f.message.da.includes('men rækkerne giver 776'));
  });

  it('offers no fix when a footnote or marker is involved, and is information when a note explains it', () => {
    const explained = tableFindings(fixture('explained-note.txt'));
    assert.equal(explained.length, 1);
    assert.equal(explained[0].severity, 'information');
    assert.ok(explained[0].message.da.includes('Noten under tabellen forklarer måske forskellen'));
    assert.equal(explained[0].fixes, undefined);
    const unrelated = tableFindings(fixture('footnote-unrelated.txt'));
    assert.equal(unrelated[0].severity, 'error');
    assert.equal(unrelated[0].fixes, undefined);
  });

  it('tolerates rounding: half a unit of the last digit per addend, not more', () => {
    assert.deepEqual(tableFindings(fixture('rounding-ok.txt')), []);
    const beyond = fixture('rounding-ok.txt').replace('I alt\t31,8', 'I alt\t31,4');
    assert.equal(tableFindings(beyond).length, 1);
    assert.ok(tableFindings(beyond)[0].message.da.includes('31,7'));
    // Counts are not rounded: one off is an error.
    assert.equal(tableFindings(referat('Område\tAntal\nNord\t10\nSyd\t12\nI alt\t23')).length, 1);
    // Amounts in 1.000 kr. are: one off over two rows is within rounding.
    assert.deepEqual(tableFindings(referat('Område\tBeløb i 1.000 kr.\nNord\t10\nSyd\t12\nI alt\t23')), []);
  });

  it('checks every block of a table and the grand total of the subtotals', () => {
    assert.deepEqual(tableFindings(fixture('tab-blocks-ok.txt')), []);
    const [f] = tableFindings(fixture('grand-total-wrong.txt'));
    assert.ok(f.message.da.startsWith('Hovedtotal 6.500, men'));
  });
});

describe('RF102 row-total', () => {
  it('reports the row total that does not add up, and not the grand total that follows from it', () => {
    const text = fixture('row-total.txt');
    const found = tableFindings(text);
    assert.equal(found.length, 1);
    const [f] = found;
    assert.equal(f.code, 'RF102');
    assert.equal(f.severity, 'error');
    assert.equal(textAt(text, f.range), '577');
    assertReported(f, 'total', { row: 'Afsøgning: ', column: 'I alt', stated: '577', computed: '567', difference: '10' });
    assert.deepEqual(f.related!.map((r) => textAt(text, r.range)), ['250', '317']);
    assert.deepEqual(f.fixes![0].edits.map((e) => e.newText), ['567']);
  });
});

describe('RF103 glued-footnote-marker', () => {
  it('finds other footnote numbers, one and two digits', () => {
    const two = fixture('footnote-2.txt');
    const [a] = tableFindings(two);
    assert.equal(a.code, 'RF103');
    assert.equal(textAt(two, a.range), '452');
    assertReported(a, 'glued', { written: '452', base: '45', marker: '2' });
    assert.equal(a.fixes![0].edits[0].newText, '45²');
    const twelve = fixture('footnote-12.txt');
    const [b] = tableFindings(twelve);
    assert.equal(textAt(twelve, b.range), '3012');
    assert.ok(b.message.da.startsWith('3012 er formentlig 30 med fodnote 12'));
    assert.equal(b.fixes![0].edits[0].newText, '30¹²');
  });

  it('is silent when the marker is written as a superscript', () => {
    assert.deepEqual(tableFindings(fixture('footnote-written-right.txt')), []);
    assert.deepEqual(parseDanishNumber('75¹'), { value: 75, decimals: 0, none: false, malformed: false, unit: '', multiplier: 1, marker: '¹' });
  });
});

describe('RF104 malformed-number', () => {
  it('reports "500.00 kr." with a fix, and not the account codes 1.01', () => {
    const text = fixture('malformed.txt');
    const found = tableFindings(text);
    assert.equal(found.length, 1);
    const [f] = found;
    assert.equal(f.severity, 'warning');
    assert.equal(textAt(text, f.range), '500.00 kr.');
    assert.ok(f.message.da.startsWith('500.00 kr. er ikke et dansk tal'));
    assert.ok(f.message.da.endsWith('Mente du 500,00 kr.?'));
    assert.equal(f.fixes![0].edits[0].newText, '500,00 kr.');
    assert.equal(f.fixes![0].safe, false);
  });

  it('does not take a date in a cell for a malformed number', () => {
    assert.deepEqual(tableFindings(referat('Møde\tDato\tBeløb\nA\t30.6.21\t100\nB\t1.7.21\t200\nI alt\t\t300')), []);
  });

  it('reports an amount with a unit in the text, with both readings of a dot before two digits', () => {
    const text = fixture('malformed-prose.txt');
    const found = tableFindings(text).filter((f) => f.code === 'RF104');
    // '1.5 mio. kr.', '0.75 mio. kr.' and '40.00 t. kr.' have one reading only (no thousands of millions):
    // the reader cannot mistake the amount, so they are not reported.
    assert.deepEqual(found.map((f) => textAt(text, f.range)), ['300.00 kr.']);
    const [kroner] = found;
    assert.equal(kroner.severity, 'warning');
    assertReported(kroner, 'malformed', { written: '300.00 kr.' });
    assert.deepEqual(kroner.fixes?.map((x) => x.edits[0].newText), ['300,00 kr.', '300.000 kr.']);
    assert.deepEqual(kroner.fixes!.map((x) => [x.edits[0].newText, x.safe]), [['300,00 kr.', false], ['300.000 kr.', false]]);
  });

  it('does not take times, dates, sections, codes, versions or an English quote in the text for amounts', () => {
    const say = (sentence: string) => tableFindings(referat(sentence)).filter((f) => f.code === 'RF104').length;
    assert.equal(say('Mødet starter kl. 10.00 og slutter kl. 12.30.'), 0);
    assert.equal(say('Fristen er den 1.10, jf. § 3.2 og bilag 1.4.'), 0);
    assert.equal(say('Konto 1.01 og sag nr. 24.1234 er oprettet; version 2.1 er vedlagt.'), 0);
    assert.equal(say('Rapporten skriver "DKK 850.50 per unit" og "EUR 12.5 million".'), 0);
    assert.equal(say('Prisen er 2,50 kr., 1.250 kr. og 3.000,50 kr.; budgettet er 2.250.000 kr.'), 0);
    assert.equal(say('Der er brugt 14.35 kr. på porto.'), 1);
    assert.equal(say('Der er brugt 1.000.00 kr. på porto.'), 1);
  });
});

describe('RF105 stated-difference', () => {
  it('reports a difference row (Overskud = Indtægter i alt − Udgifter i alt)', () => {
    const text = fixture('difference-rows.txt');
    const [f] = tableFindings(text);
    assert.equal(f.code, 'RF105');
    assert.equal(f.severity, 'error');
    assert.equal(textAt(text, f.range), '160');
    assertReported(f, 'difference', { label: 'Overskud', stated: '160', formula: 'Indtægter i alt − Udgifter i alt', operands: '1.600 − 1.450', computed: '150', difference: '10' });
    assert.deepEqual(f.related!.map((r) => textAt(text, r.range)), ['1.600', '1.450']);
  });

  it('reports a difference column (Forskel = Faktisk − Forventet) and a net migration row', () => {
    const cols = fixture('difference-columns.txt');
    const [a] = tableFindings(cols);
    assert.equal(textAt(cols, a.range), '12');
    assertReported(a, 'difference', { where: 'Ældre: ', label: 'Forskel', stated: '12', formula: 'Faktisk − Forventet', operands: '90 − 80', computed: '10', difference: '2' });
    const net = fixture('net-migration-wrong.txt');
    const [b] = tableFindings(net);
    assert.equal(textAt(net, b.range), '-2');
    assertReported(b, 'difference', { where: 'Hvidovre: ', label: 'Nettotilflytning', stated: '-2', formula: 'Tilflyttere − Fraflyttere', operands: '69 − 70', computed: '-1', difference: '-1' });
  });

  it('accepts either sign convention of a named pair (Resultat = Indtægter + negative Udgifter)', () => {
    assert.deepEqual(tableFindings(referat('Post\t2022\nIndtægter\t100\nUdgifter\t-80\nResultat\t20')), []);
    assert.deepEqual(tableFindings(referat('Post\t2022\nIndtægter\t100\nUdgifter\t80\nUnderskud\t-20')), []);
  });
});

describe('the table finder (parse/tables/)', () => {
  const tablesOf = (text: string) => allTables(parseDocument(text).model);

  it('keeps the footnotes under a table in the model', () => {
    const { model } = analyzeSeed(SEEDS.rudersdal2021);
    const bt = model.items[5].tables[0];
    assert.equal(bt.footnotes.length, 1);
    assert.equal(bt.footnotes[0].marker, '1');
    assert.ok(bt.footnotes[0].body.startsWith('Heraf 10 til ordinære timer'));
    assert.deepEqual(model.items[5].tables[1].footnotes, []);
  });

  it('keeps the header lines above a PDF table, split over lines', () => {
    const { model } = analyzeSeed(SEEDS.ballerupPdf);
    const [first, second] = model.items[1].tables;
    assert.deepEqual(first.head?.map((h) => h.text), ['Første kvartal 2019 Nystartede Tilflyttere Fraflyttere Nettotilflytning', 'Kommuner']);
    assert.deepEqual(second.head?.map((h) => h.text), ['Andet kvartal', '2019 Nystartede Tilflyttere Fraflyttere Nettotilflytning', 'Kommuner']);
  });

  it('reads a table with one cell a line', () => {
    const [t] = tablesOf(fixture('cells-ok.txt'));
    assert.equal(t.form, 'cells');
    assert.deepEqual(t.rows.map((r) => r.cells.map((c) => c.value ?? c.text)), [
      ['Område', 'Budget', 'Regnskab'],
      ['Skoler', 1303, 1290],
      ['Dagtilbud', 635, 640],
      ['I alt', 1938, 1930],
    ]);
    assert.deepEqual(t.rows[1].cells[1].range, range(10, 0, 5));
  });

  it('keeps a tab table together over blank lines and a wrapped label', () => {
    const [spaced] = tablesOf(fixture('blank-lines-wrong.txt'));
    assert.equal(spaced.rows.length, 4);
    const [wrapped] = tablesOf(fixture('wrapped-label.txt'));
    assert.equal(wrapped.rows.length, 6);
    const analysis = tableAnalysis(wrapped, new ProfileRegistry().get('generic').tables);
    assert.equal(analysis.read.rows[2].label, 'Behov for bevillinger på driften, jf. fagudvalg');
    assert.equal(analysis.read.rows[1].kind, 'continuation');
  });

  it('reads Markdown emphasis, NBSP and thin-space groups, markers, minus signs and none', () => {
    const [pipe] = tablesOf(fixture('pipe-ok.txt'));
    const total = pipe.rows[pipe.rows.length - 1];
    assert.deepEqual(total.cells.map((c) => c.value ?? c.text), ['I alt', 1938, 1930]);
    assert.equal(textAt(fixture('pipe-ok.txt'), total.cells[1].range), '1.938');
    const [t] = tablesOf(fixture('markers-spaces.txt'));
    assert.deepEqual(t.rows.map((r) => r.cells[1].value), [undefined, 1303, -303, null, 1000]);
    assert.equal(t.rows[2].cells[1].marker, '(*)');
    assert.equal(parseDanishNumber('÷ 5.000')?.value, -5000);
    assert.equal(parseDanishNumber('14,4 mio. kr.')?.unit, 'mio. kr.');
  });

  it('never takes numbers in prose for a table', () => {
    assert.deepEqual(tablesOf(fixture('prose-numbers.txt')), []);
  });

  it('reads space tables with runs of spaces and PDF rows with a dash for none', () => {
    const [runs] = tablesOf(fixture('space-runs.txt'));
    assert.equal(runs.form, 'space');
    assert.deepEqual(runs.rows[0].cells.map((c) => c.value ?? c.text), ['Skoler', 1303, 1290]);
    assert.equal(runs.head?.[runs.head.length - 1].text, 'Område          Budget      Regnskab');
    const read = tableAnalysis(runs, new ProfileRegistry().get('generic').tables).read;
    assert.deepEqual(read.columns.map((c) => c.name), ['Område', 'Budget', 'Regnskab']);
    const [pdf] = tablesOf(referat('Gennemført på 26 uger 90 78\nAfbrudt før 26 uger - 22\nI alt - 100'));
    assert.deepEqual(pdf.rows[1].cells.map((c) => (c.value === undefined ? c.text : c.value)), ['Afbrudt før 26 uger', null, 22]);
  });
});

describe('the table finder: tables written column after column, labels first (parse/tables/stacked.ts)', () => {
  const vocab = new ProfileRegistry().get('generic').tables;
  /** The rows of each table in a referat whose Sagsfremstilling is `lines`: [kind, label, amount]. */
  const read = (...lines: string[]) =>
    allTables(parseDocument(referat(lines.join('\n'))).model).map((t) => ({
      form: t.form,
      rows: tableAnalysis(t, vocab).read.rows.map((r) => [r.kind, r.label, r.cells[1]?.value ?? r.cells[1]?.text]),
    }));

  it('reads labels and amounts of the same count, without header lines', () => {
    assert.deepEqual(read('Skoler', 'Dagtilbud', 'Idræt', '1.303', '635', '412'), [
      { form: 'stacked', rows: [['data', 'Skoler', 1303], ['data', 'Dagtilbud', 635], ['data', 'Idræt', 412]] },
    ]);
  });

  it('reads a header line over each column when the amounts\' one names a unit, money or a year, and blank lines between', () => {
    const rows = [['data', 'Skoler', 1303], ['data', 'Dagtilbud', 635], ['data', 'Idræt', 412]];
    assert.deepEqual(read('Område', 'Skoler', 'Dagtilbud', 'Idræt', '', 'Beløb i 1.000 kr.', '1.303', '635', '412')[0].rows, [['header', 'Område', 'Beløb i 1.000 kr.'], ...rows]);
    assert.deepEqual(read('Område', 'Skoler', 'Dagtilbud', 'Idræt', 'Budget 2024', '1.303', '635', '412')[0].rows, [['header', 'Område', 'Budget 2024'], ...rows]);
    assert.deepEqual(read('Skoler', 'Dagtilbud', 'Idræt', '1.000 kr.', '1.303', '635', '412')[0].rows, [['unit', '', 1000], ...rows]);
    assert.deepEqual(read('Område', 'Skoler', 'Dagtilbud', 'Idræt', '2024', '1.303', '635', '412')[0].rows, [['header', 'Område', 2024], ...rows]);
  });

  it('reads a total line at the end of each column, and the header over the labels above it', () => {
    assert.deepEqual(read('Område', 'Skoler', 'Dagtilbud', 'I alt', '1.303', '635', '1.938')[0].rows, [
      ['header', 'Område', ''],
      ['data', 'Skoler', 1303],
      ['data', 'Dagtilbud', 635],
      ['total', 'I alt', 1938],
    ]);
    // The line after a total is the amounts' header, whatever it says.
    assert.deepEqual(read('Skoler', 'Dagtilbud', 'I alt', 'Budget', '1.303', '635', '1.938')[0].rows, [
      ['header', '', 'Budget'],
      ['data', 'Skoler', 1303],
      ['data', 'Dagtilbud', 635],
      ['total', 'I alt', 1938],
    ]);
  });

  it('reports a wrong total of a stacked table on the total (RF101), and nothing when it adds up', () => {
    const text = fixture('stacked-wrong.txt');
    const [f, ...rest] = tableFindings(text);
    assert.deepEqual(rest, []);
    assert.equal(f.code, 'RF101');
    assert.equal(textAt(text, f.range), '2.360');
    // The hover explains it with the labels the amounts were paired with.
    const x = explainTotalAt(parseDocument(text).model, f.range.start)!;
    assert.deepEqual(x.totals[0].addends.map((a) => [a.label, a.text]), [['Skoler', '1.303'], ['Dagtilbud', '635'], ['Idrætsanlæg', '412']]);
    assert.deepEqual(tableFindings(fixture('stacked-ok.txt')), []);
  });

  it('reads nothing when the counts differ, a line is left over, the amounts are years, or the rhythm goes on', () => {
    const none = (...lines: string[]) => assert.deepEqual(read(...lines), [], lines.join(' / '));
    none('Skoler', 'Dagtilbud', 'Idræt', '1.303', '635');
    none('Skoler', 'Dagtilbud', '1.303', '635', '412');
    // A line more than the amounts that names nothing: a header, or a label whose amount is missing.
    none('Område', 'Skoler', 'Dagtilbud', 'Idræt', '1.303', '635', '412');
    none('Fordeling', 'Område', 'Skoler', 'Dagtilbud', 'Idræt', 'Beløb i kr.', '1.303', '635', '412');
    none('Anne Hansen', 'Bo Jensen', 'Carl Nielsen', '1999', '2004', '2014');
    none('Skoler', 'Dagtilbud', 'Idræt', '1.303', '635', '412', 'Reserve', '100');
    none('100', 'Skoler', 'Dagtilbud', 'Idræt', '1.303', '635', '412');
    none('Skoler', 'Dagtilbud', 'Idræt', '', 'Skolerne får 1.303, dagtilbud 635 og idræt 412.');
  });

  it('leaves the one-cell-a-line tables to their own reader', () => {
    assert.deepEqual(read('Område', 'Budget', 'Skoler', '1.303', 'Dagtilbud', '635', 'I alt', '1.938').map((t) => t.form), ['cells']);
  });
});

describe('explainTotalAt (hover)', () => {
  const { model } = analyzeSeed(SEEDS.rudersdal2021);

  it('explains a total: computed sum, addends, difference, Markdown in da and en', () => {
    const x = explainTotalAt(model, { line: 52, character: 19 })!;
    assert.ok(x);
    assert.deepEqual(x.range, range(52, 17, 23));
    assert.equal(x.totals.length, 1);
    const t = x.totals[0];
    assert.equal(t.kind, 'column');
    assert.deepEqual([t.stated, t.computed, t.difference, t.exact], [14385, 14385, 0, true]);
    assert.deepEqual(t.addends.map((a) => [a.label, a.text]), [['Beskæftigelse', '14.359'], ['Erhvervsudvikling mm.', '26']]);
    assert.ok(x.markdown.da.includes('| Beskæftigelse | 14.359 |'));
    assert.ok(x.markdown.da.includes('| **Beregnet** | **14.385** |'));
    assert.ok(x.markdown.da.includes('Summen passer.'));
    assert.ok(x.markdown.en.includes('The total adds up.'));
  });

  it('explains the Business Training total and the glued 751', () => {
    const total = explainTotalAt(model, { line: 298, character: 8 })!;
    assert.equal(total.totals[0].computed, 776);
    assert.deepEqual(total.totals[0].repair, { text: '751', value: 75, marker: '1', range: range(292, 39, 42), computed: 100 });
    assert.ok(total.markdown.da.includes('751 er formentlig 75 med fodnote 1; så giver det 100.'));
    const cell = explainTotalAt(model, { line: 292, character: 40 })!;
    assert.equal(cell.totals[0].repair?.value, 75);
  });

  it('explains a total written first and a row total found by the arithmetic', () => {
    const first = explainTotalAt(model, { line: 87, character: 42 })!;
    assert.equal(first.totals[0].reading, 'below');
    assert.deepEqual(first.totals[0].addends.map((a) => a.value), [62484, -29599, -22287]);
    const row = explainTotalAt(model, { line: 192, character: 18 })!;
    assert.equal(row.totals[0].kind, 'row');
    assert.deepEqual(row.totals[0].addends.map((a) => a.value), [228, 243]);
  });

  it('returns null off a total', () => {
    assert.equal(explainTotalAt(model, { line: 50, character: 3 }), null);
    assert.equal(explainTotalAt(model, { line: 0, character: 0 }), null);
  });

  it('formats Danish numbers', () => {
    assert.equal(formatNumber(-29599), '-29.599');
    assert.equal(formatNumber(10.9, 1), '10,9');
    assert.equal(formatNumber(1250, 0, 'auto', '1200'), '1250');
    assert.equal(formatNumber(1250, 0, 'auto', '1.200'), '1.250');
  });
});

describe('table vocabulary is profile data', () => {
  it('a workspace profile can name its own total words', () => {
    const text = referat('Område\tAntal\nNord\t10\nSyd\t12\nSumma\t25');
    assert.deepEqual(tableFindings(text), []);
    const config = {
      profile: 'egen',
      profiles: [{ id: 'egen', name: 'Egen', extends: 'generic', tables: { totalLabels: ['i alt', 'summa'] } }],
    };
    const found = tableFindings(text, { config });
    assert.equal(found.length, 1);
    assert.ok(found[0].message.da.startsWith('Summa 25, men rækkerne giver 22'));
  });
});

describe('table analysis stays fast', () => {
  it('reads a pasted table of 5,000 rows in well under a second', () => {
    const rows = Array.from({ length: 5000 }, (_, k) => `Post ${k}\t${k % 97}\t${k % 13}`).join('\n');
    const text = referat(`Post\t2021\t2022\n${rows}\nI alt\t1\t2`);
    const start = process.hrtime.bigint();
    const found = tableFindings(text);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    assert.ok(ms < 1500, `${ms} ms`);
    assert.equal(found.length, 0, 'rows beyond the first 1,000 are not read, so the total is not checked');
  });
});
