/**
 * Total columns ("I alt", "Total" in the header) checked across each row, under the readings of a
 * total column: the columns since the previous total column, the movements since a balance column,
 * all the columns to its left, the previous total column plus the columns since, the columns to its
 * right (a total written first). A column only weakly named a total that does not add up, or whose
 * rows mostly disagree with it, is not a total column: its checks are dropped.
 */
import { sumRow } from './cell-checks';
import { confirmedByRows, type Reading, type TotalCheck } from './check-common';
import { isAddendColumn, rowsAcross, type CheckState } from './check-state';
import { markerRepair } from './repair';

export function rowTotals(state: CheckState): void {
  const columns = state.read.columns;
  const amount = state.amountColumns;
  const totalCols = amount.filter((j) => columns[j].total);
  const rows = rowsAcross(state);
  for (const t of totalCols) {
    const column = columns[t];
    const prev = totalCols.filter((j) => j < t).pop();
    const readings: { name: Reading; cols: number[]; totals?: number[] }[] = [];
    const since = amount.filter((j) => j < t && (prev === undefined || j > prev) && isAddendColumn(state, j));
    readings.push({ name: 'columns', cols: since });
    // A balance column to its left ("Beholdning primo | Tilgang | Afgang | Bevægelser i alt"): the
    // movements since it, first when the balance opens the columns the total would add.
    const floor = amount.filter((j) => j < t && columns[j].balance).pop();
    if (floor !== undefined) {
      const fromBalance = { name: 'sinceBalanceColumns' as Reading, cols: amount.filter((j) => j > floor && j < t && isAddendColumn(state, j)) };
      if (since[0] === floor) readings.unshift(fromBalance);
      else readings.push(fromBalance);
    }
    if (prev !== undefined) {
      readings.push({ name: 'allColumns', cols: amount.filter((j) => j < t && isAddendColumn(state, j)) });
      readings.push({ name: 'cumulativeColumns', cols: since, totals: [prev] });
    }
    if (since.length === 0) {
      const next = totalCols.find((j) => j > t) ?? Infinity;
      readings.push({ name: 'right', cols: amount.filter((j) => j > t && j < next && isAddendColumn(state, j)) });
    }
    const produced: TotalCheck[] = [];
    let failed = false;
    for (const row of rows) {
      const results = readings.map((reading) => sumRow(state, row, t, reading.cols, reading.totals ?? [], reading.name, column.total!));
      const candidates = results.filter((x): x is TotalCheck => x !== null);
      if (candidates.length === 0) continue;
      const ok = candidates.find((x) => x.ok);
      if (ok) {
        produced.push(ok);
        continue;
      }
      failed = true;
      const repaired = markerRepair(state, candidates);
      if (repaired) {
        produced.push(repaired);
        continue;
      }
      const main = candidates[0];
      main.fixable = main.fixable && new Set(candidates.map((x) => x.computed.toFixed(6))).size === 1;
      produced.push(main);
    }
    // A column only weakly named a total that does not add up is not a total column.
    if (column.total === 'weak' && failed) continue;
    // Nor is a column whose rows mostly disagree with it (see confirmedByRows).
    if (failed && !confirmedByRows(produced)) continue;
    state.checks.push(...produced);
  }
}
