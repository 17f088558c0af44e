/**
 * Readings of a table tried before a total is reported (issue 23): running balances (an opening
 * balance, the movements and their total, the closing balance) and rows labelled as totals that are
 * addends ("Husleje i alt" as one line of the expenses). The facts asserted here are what the
 * fixtures' sidecars only count: which row is read as a balance or an addend, which reading
 * explains a total, and where the one finding of a table that really does not add up sits.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../server/src/core/analyze';
import type { Finding } from '../../../server/src/core/model';
import { parseDocument } from '../../../server/src/core/parse/index';
import { ProfileRegistry } from '../../../server/src/core/profiles/builtin';
import { allTables, explainTotalAt, tableAnalysis, type TableAnalysis } from '../../../server/src/core/tables/index';
import { isBalanceLabel } from '../../../server/src/core/tables/words';
import { FIXTURES } from '../helpers';
import { textAt } from './text-helpers';

const CODES = ['RF101', 'RF102', 'RF103', 'RF104', 'RF105'];
const DIR = path.join(FIXTURES, 'rules', 'tables');
const vocab = new ProfileRegistry().get('generic').tables;

const fixture = (name: string) => readFileSync(path.join(DIR, name), 'utf8');
const tableFindings = (text: string, options?: Parameters<typeof analyze>[1]) =>
  analyze(text, options).findings.filter((f: Finding) => CODES.includes(f.code));
const analyses = (text: string): TableAnalysis[] => allTables(parseDocument(text).model).map((t) => tableAnalysis(t, vocab));

/** The row of a table with this label. */
const row = (a: TableAnalysis, label: string) => {
  const found = a.read.rows.find((r) => r.label === label);
  assert.ok(found, `a row "${label}"`);
  return found;
};
/** The column checks of the row with this label. */
const checksOf = (a: TableAnalysis, label: string) => a.checks.filter((x) => x.kind === 'column' && x.row === row(a, label).index);

/** A referat with one item whose Sagsfremstilling is `body`. */
function referat(body: string): string {
  return (
    'REFERAT Økonomiudvalget d. 01-02-2022\n\nPunkt 1: Budgetopfølgning\n\nSagsfremstilling\n\n' +
    body.trim() +
    '\n\nIndstilling\n\nForvaltningen indstiller, at sagen tages til efterretning.\n\nBeslutning\n\nTaget til efterretning\n'
  );
}

describe('table readings: running balances', () => {
  it('knows a balance by the forms of its words, not by one phrase', () => {
    for (const label of ['Beholdning 1. januar', 'Beholdningen ultimo', 'Kassebeholdning primo', 'Saldo primo', 'Saldoen pr. 31. december', 'Ultimo', 'Primo 2024', '**Indestående ultimo**']) {
      assert.ok(isBalanceLabel(label, vocab), label);
    }
    // A movement, an asset in a list, another word that begins alike, a total: no balances.
    for (const label of ['Beholdningsændring', 'Varebeholdninger', 'Primoregulering', 'Bevægelser i alt', 'Skatter og tilskud']) {
      assert.ok(!isBalanceLabel(label, vocab), label);
    }
  });

  it('reads the movements total as the rows since the opening balance, and the closing balance as opening plus movements, in every form', () => {
    const text = fixture('running-balance.txt');
    assert.deepEqual(tableFindings(text), []);
    const tables = analyses(text);
    assert.deepEqual(tables.map((t) => t.read.table.form), ['tab', 'pipe', 'space', 'cells', 'tab', 'tab', 'tab']);
    const forms: [number, string, string, string][] = [
      [0, 'Beholdning 1. januar', 'Bevægelser i alt', 'Beholdning 31. december'],
      [1, 'Saldo primo', 'Bevægelser i alt', 'Saldo ultimo'],
      [2, 'Primo', 'Bevægelse i alt', 'Ultimo'],
      [3, 'Beholdningen primo', 'Bevægelser i alt', 'Beholdningen ultimo'],
      [4, 'Kassebeholdning primo', 'Årets bevægelser i alt', 'Kassebeholdning ultimo'],
    ];
    for (const [k, opening, movements, closing] of forms) {
      const t = tables[k];
      assert.ok(row(t, opening).balance && row(t, opening).kind === 'data', `${opening} is a balance and stays a row`);
      const moved = checksOf(t, movements);
      assert.ok(moved.length > 0 && moved.every((x) => x.ok && x.exact && x.reading === 'sinceBalance'), movements);
      assert.ok(moved.every((x) => !x.addends.some((a) => a.row === row(t, opening).index)), `${movements} leaves out ${opening}`);
      const closed = row(t, closing);
      assert.deepEqual([closed.balance, closed.kind, closed.total], [true, 'total', 'inferred'], closing);
      const explained = checksOf(t, closing);
      assert.ok(explained.every((x) => x.ok && x.reading === 'closingBalance' && !x.reportable), closing);
      // Opening plus the movements as their total states them.
      assert.deepEqual(explained[0].addends.map((a) => a.label), [opening, movements]);
    }
    // The movements in blocks: "Årets bevægelser i alt" over "Indtægter i alt" and "Udgifter i alt".
    assert.equal(checksOf(tables[4], 'Indtægter i alt')[0].reading, 'sinceBalance');
  });

  it('reports a wrong movements total once, on its cell, and not the closing balance that follows from it', () => {
    const text = fixture('running-balance-wrong.txt');
    const found = tableFindings(text);
    assert.deepEqual(found.map((f) => [f.code, f.range.start.line + 1, textAt(text, f.range)]), [
      ['RF101', 12, '300'],
      ['RF101', 32, '-102.000'],
      ['RF105', 51, '1.900'],
    ]);
    // The sum it is compared with is the movements', without the opening balance.
    assert.deepEqual(found.slice(0, 2).map((f) => f.data), [
      { stated: 300, computed: 400, difference: -100, reading: 'sinceBalance', row: 'Bevægelser i alt', column: '2024' },
      { stated: -102000, computed: -102500, difference: 500, reading: 'sinceBalance', row: 'Bevægelser i alt', column: '2024' },
    ]);
    // 5.000 = 4.700 + 300 (the total as stated); -10.000 = 92.500 − 110.000 + 7.500 (the rows).
    const [first, second] = analyses(text);
    assert.ok(checksOf(first, 'Beholdning 31. december').every((x) => x.ok && x.reading === 'closingBalance'));
    assert.deepEqual(checksOf(second, 'Saldo ultimo').map((x) => x.addends.map((a) => a.value)), [[92500, -110000, 7500]]);
    // A closing balance of a stated difference: Saldo primo + Indtægter i alt − Udgifter i alt.
    assert.equal(found[2].messageData?.formula, 'Saldo primo + Indtægter i alt − Udgifter i alt');
  });

  it('takes a closing balance to be the opening plus the difference it is of, with the signs the document writes', () => {
    const kassen = (closing: string, expenses: string) => referat(`Kassen\t2024\nSaldo primo\t1.000\nIndtægter i alt\t5.000\nUdgifter i alt\t${expenses}\nSaldo ultimo\t${closing}`);
    assert.deepEqual(tableFindings(kassen('1.800', '4.200')), []);
    assert.deepEqual(tableFindings(kassen('1.800', '-4.200')), []);
    const [wrong] = tableFindings(kassen('1.900', '-4.200'));
    assert.equal(wrong.code, 'RF105');
    assert.equal(wrong.messageData?.formula, 'Saldo primo + Indtægter i alt + Udgifter i alt');
  });

  it('reads balance columns: the movements since the opening balance column, the closing column as opening plus movements', () => {
    const text = fixture('running-balance.txt');
    const note = analyses(text)[6];
    assert.deepEqual(note.read.columns.map((c) => c.balance), [false, true, false, false, false, true]);
    const movements = note.checks.filter((x) => x.kind === 'row' && x.col === 4);
    assert.equal(movements.length, 3);
    assert.ok(movements.every((x) => x.ok && x.reading === 'sinceBalanceColumns' && x.addends.every((a) => a.col === 2 || a.col === 3)));
    const closing = note.checks.filter((x) => x.kind === 'row' && x.col === 5);
    assert.ok(closing.length === 3 && closing.every((x) => x.ok && x.reading === 'closingBalanceColumns' && !x.reportable));
    // A wrong movements cell is reported, across its row.
    const wrong = tableFindings(text.replace('Inventar\t300\t40\t-20\t20\t320', 'Inventar\t300\t40\t-20\t30\t320'));
    assert.deepEqual(wrong.map((f) => [f.code, f.data]), [['RF102', { stated: 30, computed: 20, difference: 10, reading: 'sinceBalanceColumns', row: 'Inventar', column: 'Bevægelser i alt' }]]);
  });

  it('explains a closing balance on hover', () => {
    const text = fixture('running-balance.txt');
    const { model } = parseDocument(text);
    const x = explainTotalAt(model, { line: 12, character: 25 });
    assert.ok(x);
    assert.equal(textAt(text, x.range), '4.200');
    assert.equal(x.totals[0].reading, 'closingBalance');
    assert.deepEqual(x.totals[0].addends.map((a) => [a.label, a.text]), [['Beholdning 1. januar', '5.000'], ['Bevægelser i alt', '-800']]);
    assert.ok(x.markdown.da.includes('den forrige beholdning plus bevægelserne'));
    assert.ok(x.markdown.en.includes('the previous balance plus the movements'));
  });

  it('is the profile\'s vocabulary: without balance words the opening balance is summed in again', () => {
    const config = { profile: 'egen', profiles: [{ id: 'egen', name: 'Egen', extends: 'generic', tables: { balanceLabels: [] } }] };
    const found = tableFindings(fixture('running-balance.txt'), { config });
    assert.ok(found.some((f) => f.code === 'RF101' && f.data && (f.data as { reading: string }).reading === 'block'));
  });
});

describe('table readings: totals that are addends', () => {
  it('reads "… i alt" rows that total nothing as lines of the next total, in every form', () => {
    const text = fixture('addend-total.txt');
    assert.deepEqual(tableFindings(text), []);
    const [kulturhuset, svoemmehallen, ungdomsskolen] = analyses(text);
    const husleje = row(kulturhuset, 'Husleje i alt');
    assert.deepEqual([husleje.kind, husleje.addend, husleje.total], ['data', true, undefined]);
    const [expenses] = checksOf(kulturhuset, 'Udgifter i alt');
    assert.ok(expenses.exact);
    assert.deepEqual(expenses.addends.map((a) => a.label), ['Løn', 'Administration', 'Husleje i alt', 'El og varme', 'Rengøring']);
    assert.equal(row(kulturhuset, 'Indtægter i alt').kind, 'total', 'a total that adds up stays a total');
    // Two such lines together, right under the header, in a pipe table.
    assert.deepEqual(['Husleje i alt', 'Forsikringer i alt'].map((l) => row(svoemmehallen, l).addend), [true, true]);
    assert.ok(checksOf(svoemmehallen, 'Udgifter i alt').every((x) => x.exact && x.addends.length === 4));
    // A count in aligned columns.
    assert.equal(row(ungdomsskolen, 'Musik i alt').addend, true);
    assert.ok(checksOf(ungdomsskolen, 'Hold og deltagere i alt').every((x) => x.exact));
  });

  it('reports a grand total that really is off, once, and not the addend', () => {
    const text = fixture('addend-total-wrong.txt');
    const found = tableFindings(text);
    assert.deepEqual(found.map((f) => [f.code, f.range.start.line + 1, textAt(text, f.range)]), [
      ['RF101', 13, '385.000'],
      ['RF101', 32, '537.000'],
    ]);
    assert.deepEqual(found.map((f) => (f.data as { computed: number }).computed), [375000, 527000]);
    // In two columns the first confirms the reading (exact with "Husleje i alt" counted in); in one
    // column the total is wrong either way, so it is what is surely wrong.
    for (const t of analyses(text)) assert.equal(row(t, 'Husleje i alt').addend, true);
  });

  it('still reports a subtotal that is wrong when the grand total adds up without it', () => {
    const found = tableFindings(referat('Drift\t2023\nLøn\t280.000\nAdministration\t15.000\nDrift i alt\t259.000\nEl og varme\t18.000\nUdgifter i alt\t313.000'));
    assert.deepEqual(found.map((f) => [f.code, (f.data as { row: string }).row, (f.data as { computed: number }).computed]), [['RF101', 'Drift i alt', 295000]]);
  });

  it('reads no total as an addend when a run of rows right above it adds up to it', () => {
    // "Forsyning i alt" = El + Vand: it totals something, so the 384 that counts it in as well is wrong.
    const text = referat('Udgifter\t2023\nLøn\t280\nEl\t30\nVand\t22\nForsyning i alt\t52\nUdgifter i alt\t384');
    const found = tableFindings(text);
    assert.ok(found.some((f) => f.code === 'RF101' && textAt(text, f.range) === '384'));
    const [t] = analyses(text);
    assert.equal(row(t, 'Forsyning i alt').addend, undefined);
    assert.equal(row(t, 'Forsyning i alt').kind, 'total');
  });

  it('explains an addend on hover: the total it is a line of', () => {
    const text = fixture('addend-total.txt');
    const { model } = parseDocument(text);
    const x = explainTotalAt(model, { line: 14, character: 16 });
    assert.ok(x);
    assert.equal(textAt(text, x.range), '52.000');
    assert.deepEqual(x.addend, { rowLabel: 'Husleje i alt' });
    assert.equal(x.totals[0].rowLabel, 'Udgifter i alt');
    assert.ok(x.markdown.da.startsWith('»Husleje i alt« er læst som en post i »Udgifter i alt«, ikke som en total'));
    assert.ok(x.markdown.en.startsWith('"Husleje i alt" is read as a line of "Udgifter i alt", not as a total'));
  });
});
