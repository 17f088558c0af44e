/**
 * Running balances. A table that starts from a balance ("Beholdning 1. januar", "Saldo primo"),
 * lists the movements and their total ("Bevægelser i alt") and ends with the balance after them
 * ("Beholdning 31. december", "Ultimo"): the movements' total adds up the rows since the balance,
 * not the balance itself, and the closing balance is the opening balance plus the movements.
 * Which row is a balance is the profile's word (read.ts, TableRow.balance); which balance opens and
 * which closes is where they stand: the nearest balance above a row is the one it runs from. Here
 * are the readings that begin after a balance (the column pass, column-pass.ts, tries them with the
 * others) and the closing balances, recognised by the arithmetic: they explain, never report.
 */
import { coverOf, type Confirmed, type ReadingRows, type TotalCheck } from './check-common';
import { sumColumn, sumRow } from './cell-checks';
import { isAddendColumn, rowsAcross, type CheckState } from './check-state';
import type { TableRow } from './read';

const isData = (r: TableRow) => r.kind === 'data';

/** The position in the segment of the nearest balance above position t (a plain row or a total), or -1. */
export function balanceAbove(seg: TableRow[], t: number): number {
  for (let k = t - 1; k >= 0; k--) {
    const r = seg[k];
    if (r.balance && (r.kind === 'data' || r.kind === 'total')) return k;
  }
  return -1;
}

/**
 * Of some confirmed totals, those no other of them covers (the movements' total over its
 * "Indtægter i alt" and "Udgifter i alt"), and the rows these cover. A total that did not add up
 * covers no other total here: which totals its reading took in is a guess.
 */
export function outermost(totals: Confirmed[]): { rows: number[]; covered: Set<number> } {
  const inner = new Set<number>();
  for (const c of totals) if (!c.failed) c.coversTotals.forEach((x) => inner.add(x));
  const outer = totals.filter((c) => !inner.has(c.row));
  const covered = new Set<number>();
  for (const c of outer) c.covers.forEach((x) => covered.add(x));
  return { rows: outer.map((c) => c.row), covered };
}

/** The confirmed totals among some rows of the segment. */
function totalsAmong(rows: TableRow[], confirmed: Confirmed[]): Confirmed[] {
  const inside = new Set(rows.map((r) => r.index));
  return confirmed.filter((c) => inside.has(c.row));
}

/**
 * Readings of the total at position t that begin after the balance at position floor: the plain
 * rows since it ("Bevægelser i alt" over the movements), and the totals since it plus the rows no
 * such total covers ("Bevægelser i alt" over "Indtægter i alt" and "Udgifter i alt").
 */
export function sinceBalanceReadings(seg: TableRow[], t: number, floor: number, confirmed: Confirmed[]): ReadingRows[] {
  const after = seg.slice(floor + 1, t);
  const rows = after.filter(isData).map((r) => r.index);
  const readings: ReadingRows[] = [{ name: 'sinceBalance', rows, parts: false }];
  const totals = totalsAmong(after, confirmed);
  if (totals.length > 0) {
    const outer = outermost(totals);
    readings.push({ name: 'subtotalsSinceBalance', rows: rows.filter((x) => !outer.covered.has(x)), totals: outer.rows, parts: false });
  }
  return readings;
}

/**
 * Readings of the row at position c as the balance after the one at floor: that balance plus the
 * movements between, first as their totals state them (so a wrong movements' total is reported
 * once, on itself, and not again on the balance that follows from it), then row by row.
 */
export function closingReadings(seg: TableRow[], c: number, floor: number, confirmed: Confirmed[]): ReadingRows[] {
  const opening = seg[floor].index;
  const between = seg.slice(floor + 1, c);
  const rows = between.filter(isData).map((r) => r.index);
  const readings: ReadingRows[] = [];
  const totals = totalsAmong(between, confirmed);
  if (totals.length > 0) {
    const outer = outermost(totals);
    readings.push({ name: 'closingBalance', rows: rows.filter((x) => !outer.covered.has(x)), totals: [opening, ...outer.rows], parts: false });
  }
  if (rows.length > 0) readings.push({ name: 'closingBalance', rows, totals: [opening], parts: false });
  return readings;
}

/**
 * A balance under another ("Beholdning 31. december" under "Beholdning 1. januar") that is the
 * earlier balance plus the movements between in every column: a total, recognised by the
 * arithmetic and never reported (its label names no total), so a hover explains it and no later
 * total counts it again. Returns whether it was recognised; `confirmed`: the column pass's totals.
 */
export function closingBalance(state: CheckState, seg: TableRow[], t: number, confirmed: Confirmed[]): boolean {
  const floor = balanceAbove(seg, t);
  if (floor < 0) return false;
  const row = seg[t];
  const cols = state.amountColumns.filter((col) => typeof row.cells[col]?.value === 'number');
  for (const reading of closingReadings(seg, t, floor, confirmed)) {
    const results = cols.map((col) => sumColumn(state, row, col, reading));
    if (results.length === 0 || !results.every((x) => x?.ok)) continue;
    if (!results.some((x) => x!.addends.length >= 2)) continue;
    row.kind = 'total';
    row.total = 'inferred';
    for (const x of results) state.checks.push({ ...x!, strength: 'inferred', reportable: false });
    confirmed.push(coverOf(row.index, reading, confirmed));
    return true;
  }
  return false;
}

/**
 * A balance column to the right of another ("Primo | Tilgang | Afgang | Bevægelser i alt | Ultimo")
 * that is the earlier balance plus the movements between in every row: the movements' total
 * column if there is one, else the movement columns. Recognised for hovers only, never reported
 * (its heading names no total), and then it is no stated difference either ("Saldo ultimo").
 */
export function closingBalanceColumns(state: CheckState): void {
  const amount = state.amountColumns;
  const columns = state.read.columns;
  const rows = rowsAcross(state);
  for (const c of amount.filter((j) => columns[j].balance)) {
    const opening = amount.filter((j) => j < c && columns[j].balance).pop();
    if (opening === undefined) continue;
    const between = amount.filter((j) => j > opening && j < c);
    const movementTotal = between.filter((j) => columns[j].total).pop();
    const readings: { cols: number[]; totals: number[] }[] = [];
    if (movementTotal !== undefined) readings.push({ cols: [], totals: [opening, movementTotal] });
    readings.push({ cols: between.filter((j) => isAddendColumn(state, j)), totals: [opening] });
    for (const reading of readings) {
      const results = rows.map((row) => sumRow(state, row, c, reading.cols, reading.totals, 'closingBalanceColumns', 'inferred')).filter((x): x is TotalCheck => x !== null);
      if (results.length === 0 || !results.every((x) => x.ok) || !results.some((x) => x.addends.length >= 2)) continue;
      state.checks.push(...results.map((x) => ({ ...x, reportable: false })));
      state.explainedColumns.add(c);
      break;
    }
  }
}
