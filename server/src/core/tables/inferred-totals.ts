/**
 * Totals without a total label, recognised by the arithmetic alone: a first row that is the sum of
 * the rows below it (totalFirst), the plain row next to a run of indented rows that adds them up
 * (indentedTotals), an unnamed column that is the sum of the columns beside it (inferredRowTotals).
 * Never reported, only recognised: such a row is no addend of a later total, and a hover explains it.
 */
import { sumColumn, sumRow } from './cell-checks';
import type { Reading, ReadingRows, TotalCheck } from './check-common';
import type { CheckState } from './check-state';
import type { TableRow } from './read';

/**
 * A first row that is the signed sum of the rows below it (up to the next total), without
 * a total label ("Nettobehov 10.598" over 62.484, -29.599, -22.287). Returns whether one was found.
 */
export function totalFirst(state: CheckState, seg: TableRow[]): boolean {
  const first = seg.findIndex((r) => r.kind === 'data');
  if (first < 0) return false;
  let end = first + 1;
  while (end < seg.length && seg[end].kind !== 'header' && seg[end].kind !== 'total') end++;
  const below = seg.slice(first + 1, end);
  const data = below.filter((r) => r.kind === 'data').map((r) => r.index);
  const withParts = below.filter((r) => r.kind === 'data' || r.kind === 'part').map((r) => r.index);
  if (withParts.length < 2) return false;
  const readings: ReadingRows[] = [];
  if (data.length >= 2) readings.push({ name: 'below', rows: data, parts: false });
  if (withParts.length > data.length) readings.push({ name: 'belowWithParts', rows: withParts, parts: true });
  for (const reading of readings) {
    const results = state.amountColumns
      .map((col) => sumColumn(state, seg[first], col, reading))
      .filter((x): x is TotalCheck => x !== null && x.addends.length >= 2);
    if (results.length > 0 && results.every((x) => x.ok)) {
      seg[first].kind = 'total';
      seg[first].total = 'inferred';
      for (const x of results) state.checks.push({ ...x, strength: 'inferred', reportable: false });
      return true;
    }
  }
  return false;
}

/**
 * Indented rows (Word's extra empty first cell) are the parts of the plain row right
 * after them (a subtotal written last: "Anlægsprojekter", "Køb og salg …" over "Anlæg")
 * or right before them (a total written first). Recognised only when the arithmetic
 * agrees in every column; then no later total counts the parts again.
 */
export function indentedTotals(state: CheckState, seg: TableRow[]): void {
  const inRun = (r: TableRow | undefined) => r !== undefined && r.indented && (r.kind === 'data' || r.kind === 'total' || r.kind === 'part');
  for (let k = 0; k < seg.length; k++) {
    if (!inRun(seg[k]) || inRun(seg[k - 1])) continue;
    let end = k;
    while (inRun(seg[end])) end++;
    const run = seg.slice(k, end);
    if (run.length < 2) continue;
    const reading: ReadingRows = { name: 'block', rows: run.map((r) => r.index), parts: false };
    for (const [neighbour, name] of [
      [seg[end], 'block'],
      [seg[k - 1], 'below'],
    ] as [TableRow | undefined, Reading][]) {
      if (!neighbour || neighbour.indented || neighbour.kind !== 'data') continue;
      const results = state.amountColumns
        .map((col) => sumColumn(state, neighbour, col, { ...reading, name }))
        .filter((x): x is TotalCheck => x !== null && x.addends.length >= 2);
      if (results.length === 0 || !results.every((x) => x.ok)) continue;
      neighbour.kind = 'total';
      neighbour.total = 'inferred';
      // A repeated total among the parts ("Det skattefinansierede område i alt" carried down) is an addend here.
      for (const r of run) if (r.kind === 'total') [r.kind, r.total] = ['data', undefined];
      for (const x of results) state.checks.push({ ...x, strength: 'inferred', reportable: false });
      break;
    }
  }
}

/**
 * In a table without a total column, an unnamed column that is the sum of the columns after it
 * (or before it) in every row, like "Afsluttede forløb" = the two columns that split it.
 */
export function inferredRowTotals(state: CheckState): void {
  const columns = state.read.columns;
  const amount = state.amountColumns;
  if (amount.some((j) => columns[j].total)) return;
  const plain = amount.filter((j) => !columns[j].difference && !columns[j].part);
  if (plain.length < 3) return;
  const rows = state.rows.slice(state.read.firstData).filter((r) => r.kind === 'data' || r.kind === 'total');
  for (const [t, cols, name] of [
    [plain[0], plain.slice(1), 'right'],
    [plain[plain.length - 1], plain.slice(0, -1), 'left'],
  ] as [number, number[], Reading][]) {
    const results = rows.map((row) => sumRow(state, row, t, cols, [], name, 'inferred')).filter((x): x is TotalCheck => x !== null && x.addends.length >= 2);
    if (results.length >= 2 && results.every((x) => x.ok)) {
      state.checks.push(...results);
      return;
    }
  }
}
