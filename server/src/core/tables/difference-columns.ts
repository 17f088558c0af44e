/**
 * Stated differences across a row: a column "Forskel", "Nettotilflytning" that is one column minus
 * another in every row. The pair is the one the profile's difference words name (in the sign
 * convention most rows hold), else the one pair most rows agree with; a row that fails is reported
 * only when most rows confirm the reading and no other column accounts for the rows that fail.
 */
import { differenceCheck } from './cell-checks';
import type { TotalCheck } from './check-common';
import { cellValue, reportedAt, rowsAcross, type CheckState } from './check-state';
import type { TableRow } from './read';
import { markerRepair } from './repair';
import { pairSide as sideOf } from './words';

export function differenceColumns(state: CheckState): void {
  const vocab = state.pairs;
  const columns = state.read.columns;
  const amount = state.amountColumns;
  const rows = rowsAcross(state);
  for (const d of amount.filter((j) => columns[j].difference && !columns[j].total && !state.explainedColumns.has(j))) {
    const operands = amount.filter((j) => j < d && j !== d);
    const pairs: { a: number; b: number; labelled: boolean }[] = [];
    for (const a of operands) for (const b of operands) if (a !== b) pairs.push({ a, b, labelled: false });
    for (const p of pairs) {
      const na = columns[p.a].name;
      const nb = columns[p.b].name;
      p.labelled = vocab.some((pair) => sideOf(na, pair) === 'minuend' && sideOf(nb, pair) === 'subtrahend');
    }
    const checkRow = (row: TableRow, a: number, b: number, signB: 1 | -1, negate: boolean) =>
      differenceCheck(state, row, d, [
        { col: a, sign: negate ? -1 : 1 },
        { col: b, sign: (negate ? -signB : signB) as 1 | -1 },
      ], 'column');
    type Form = { a: number; b: number; signB: 1 | -1; negate: boolean; labelled: boolean };
    const forms: Form[] = [];
    for (const p of pairs) {
      forms.push({ a: p.a, b: p.b, signB: -1, negate: false, labelled: p.labelled });
      if (p.labelled) {
        forms.push({ a: p.a, b: p.b, signB: -1, negate: true, labelled: true });
        forms.push({ a: p.a, b: p.b, signB: 1, negate: false, labelled: true });
        forms.push({ a: p.a, b: p.b, signB: 1, negate: true, labelled: true });
      }
    }
    const tally = forms.map((f) => {
      const results = rows.map((row) => checkRow(row, f.a, f.b, f.signB, f.negate));
      return { f, results, holds: results.filter((x) => x?.ok).length, fails: results.filter((x) => x && !x.ok).length };
    });
    const all = tally.find((x) => x.holds > 0 && x.fails === 0);
    if (all) {
      state.checks.push(...all.results.filter((x): x is TotalCheck => x !== null));
      continue;
    }
    const labelled = tally.filter((x) => x.f.labelled);
    let chosen: typeof tally;
    if (labelled.length > 0) {
      const ab = new Set(labelled.map((x) => `${x.f.a},${x.f.b}`));
      if (ab.size !== 1) continue;
      // The named pair, in the sign convention most rows hold (one for the whole table; ties kept).
      const most = Math.max(...labelled.map((x) => x.holds));
      chosen = labelled.filter((x) => x.holds === most);
    } else {
      const sorted = [...tally].sort((x, y) => y.holds - x.holds);
      const top = sorted[0];
      if (!top || top.holds < 2 || top.holds < 2 * top.fails || (sorted[1] && sorted[1].holds === top.holds)) continue;
      chosen = [top];
    }
    const outcomes = rows.map((_, q) => chosen.map((x) => x.results[q]).filter((x): x is TotalCheck => x !== null));
    const holding = rows.filter((_, q) => outcomes[q].some((x) => x.ok));
    const failing = rows.filter((_, q) => outcomes[q].length > 0 && !outcomes[q].some((x) => x.ok));
    const { a, b } = chosen[0].f;
    // Most rows must confirm the reading, and no other column may account for the rows that
    // fail ("Afvigelse" = "Forv. regnskab" − "Korr. budget" − "Ompl.": the rows that fail are
    // exactly those with an "Ompl." amount).
    const confirmed = holding.length >= 2 * failing.length && !otherColumnInvolved(state, [d, a, b], holding, failing);
    rows.forEach((_row, q) => {
      const results = outcomes[q];
      if (results.length === 0) return;
      const ok = results.find((x) => x.ok);
      if (ok) return void state.checks.push(ok);
      if (reportedAt(state, results[0].cell)) return;
      if (!confirmed) return void state.checks.push({ ...results[0], reportable: false, fixable: false });
      const repaired = markerRepair(state, results);
      state.checks.push(repaired ?? { ...results[0], reportable: true, fixable: false });
    });
  }
}

/**
 * Another amount column that is non-zero in every row that fails and zero (or empty) in
 * every row that holds: it takes part in the difference the table states.
 */
function otherColumnInvolved(state: CheckState, used: number[], holding: TableRow[], failing: TableRow[]): boolean {
  if (failing.length === 0) return false;
  const amount = (row: TableRow, col: number) => cellValue(state, row.cells[col]) ?? 0;
  return state.amountColumns.some(
    (col) => !used.includes(col) && failing.every((row) => amount(row, col) !== 0) && holding.every((row) => amount(row, col) === 0),
  );
}
