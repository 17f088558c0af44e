/**
 * One check of one stated cell against its addends, as every pass makes it: down a column (a total
 * row, sumColumn), across a row (a total column, sumRow) or a stated difference (differenceCheck),
 * and the arithmetic they share (makeCheck): the sum, the tolerance of rounded amounts, whether it
 * holds, and whether a failure may be reported at all (a malformed number, an average, amounts in
 * the thousands of an unknown unit) or is explained by a note under the table.
 */
import { isRoundedUnit } from '../amounts';
import type { Cell, Footnote } from '../model';
import { EPSILON, formula, isPercent, looksLikeAverage, round, type Addend, type Reading, type ReadingRows, type TotalCheck } from './check-common';
import { cellValue, type CheckState } from './check-state';
import { columnName, type TableRow } from './read';
import type { Strength } from './words';

/** The sum of a column under one reading, as a check of the total row; null when nothing is there to add. */
export function sumColumn(state: CheckState, total: TableRow, col: number, reading: ReadingRows): TotalCheck | null {
  const rows = state.rows;
  const cell = total.cells[col];
  const stated = cellValue(state, cell);
  if (cell === undefined || stated === undefined || isPercent(cell)) return null;
  const addends: Addend[] = [];
  for (const r of reading.totals ?? []) {
    const c = rows[r].cells[col];
    const v = cellValue(state, c);
    if (c && v !== undefined) addends.push({ row: r, col, cell: c, label: rows[r].label, value: v, sign: 1 });
  }
  for (const r of reading.rows) {
    const c = rows[r].cells[col];
    if (!c || c.value === undefined || isPercent(c)) continue;
    addends.push({ row: r, col, cell: c, label: rows[r].label, value: cellValue(state, c) ?? 0, sign: 1 });
  }
  const numeric = addends.filter((a) => typeof a.cell.value === 'number');
  if (numeric.length === 0) return null;
  const plain = reading.parts ? numeric.filter((a) => rows[a.row].kind !== 'part') : numeric;
  const strength = total.total ?? 'strong';
  return makeCheck(state, {
    kind: 'column',
    row: total.index,
    col,
    cell,
    rowLabel: total.label,
    columnName: columnName(state.read, col, total.segment),
    strength,
    reading: reading.name,
    addends: addends.sort((a, b) => a.row - b.row),
    stated,
    reportable: strength === 'strong' && plain.length >= 2,
  });
}

/** The sum across a row of the columns `totals` and `cols`, as a check of its cell in column t; null when nothing is there to add. */
export function sumRow(state: CheckState, row: TableRow, t: number, cols: number[], totals: number[], name: Reading, strength: Strength | 'inferred'): TotalCheck | null {
  const cell = row.cells[t];
  const stated = cellValue(state, cell);
  if (!cell || stated === undefined || isPercent(cell)) return null;
  const addends: Addend[] = [];
  for (const j of [...totals, ...cols]) {
    const c = row.cells[j];
    if (!c || c.value === undefined || isPercent(c)) continue;
    addends.push({ row: row.index, col: j, cell: c, label: columnName(state.read, j, row.segment), value: cellValue(state, c) ?? 0, sign: 1 });
  }
  const numeric = addends.filter((a) => typeof a.cell.value === 'number').length;
  if (numeric === 0) return null;
  return makeCheck(state, {
    kind: 'row',
    row: row.index,
    col: t,
    cell,
    rowLabel: row.label,
    columnName: columnName(state.read, t, row.segment),
    strength,
    reading: name,
    addends: addends.sort((a, b) => a.col - b.col),
    stated,
    reportable: strength === 'strong' && numeric >= 2,
  });
}

/**
 * The cell of row d in column col as the signed sum of its operands: cells of the same row
 * (across: 'column', a difference column) or of other rows (across: 'row', a difference row).
 * Null when the cell or an operand has no number.
 */
export function differenceCheck(
  state: CheckState,
  d: TableRow,
  col: number,
  operands: { col: number; sign: 1 | -1; row?: number }[],
  across: 'row' | 'column',
): TotalCheck | null {
  const cell = d.cells[col];
  const stated = cellValue(state, cell);
  if (!cell || stated === undefined || isPercent(cell)) return null;
  const addends: Addend[] = [];
  for (const o of operands) {
    const row = state.rows[o.row ?? d.index];
    const c = row.cells[o.col];
    const v = cellValue(state, c);
    if (!c || v === undefined || isPercent(c)) return null;
    const label = across === 'row' ? row.label : columnName(state.read, o.col, d.segment);
    addends.push({ row: row.index, col: o.col, cell: c, label, value: v, sign: o.sign });
  }
  const check = makeCheck(state, {
    kind: 'difference',
    row: d.index,
    col,
    cell,
    rowLabel: d.label,
    columnName: columnName(state.read, col, d.segment),
    strength: 'strong',
    reading: 'difference',
    addends,
    stated,
    reportable: true,
  });
  check.formula = formula(addends);
  return check;
}

function makeCheck(state: CheckState, x: Omit<TotalCheck, 'computed' | 'difference' | 'tolerance' | 'ok' | 'exact' | 'fixable' | 'decimals' | 'explainedBy'>): TotalCheck {
  const read = state.read;
  let computed = 0;
  let decimals = x.cell.decimals ?? 0;
  let rounded = read.rounded || read.money || decimals > 0 || isRoundedUnit(x.cell.unit);
  let units = 10 ** -decimals;
  let marked = x.cell.marker !== undefined || x.cell.malformed === true;
  for (const a of x.addends) {
    computed += a.sign * a.value;
    const d = a.cell.decimals ?? 0;
    if (d > decimals) decimals = d;
    if (d > 0 || isRoundedUnit(a.cell.unit)) rounded = true;
    units += 10 ** -d;
    if (a.cell.marker !== undefined || a.cell.malformed) marked = true;
  }
  const tolerance = rounded ? 0.5 * units : 0;
  const ok = Math.abs(x.stated - computed) <= tolerance + EPSILON;
  const check = x as TotalCheck;
  check.computed = round(computed, decimals);
  check.difference = round(x.stated - computed, decimals);
  check.tolerance = tolerance;
  check.ok = ok;
  check.exact = Math.abs(x.stated - computed) <= EPSILON;
  check.fixable = !marked && read.table.footnotes.length === 0;
  check.decimals = decimals;
  // Amounts in the thousands in a table whose unit Referat could not read (a PDF's header line, say) are
  // most plausibly rounded figures (1.000 kr., kroner of a budget): off by no more than their rounding,
  // the sum is not reported. Counts (a school's 412 pupils) keep adding up exactly.
  if (!ok && !rounded && check.reportable && Math.abs(x.stated - computed) <= 0.5 * units + EPSILON && inThousands(x.stated, x.addends)) {
    check.reportable = false;
  }
  // A malformed number's value is a guess (RF104 reports it): no sum through it is reported.
  if (!ok && check.reportable && (x.cell.malformed || x.addends.some((a) => a.cell.malformed))) check.reportable = false;
  if (!ok && check.reportable && (x.kind === 'column' || x.kind === 'row') && looksLikeAverage(check)) {
    // "Total 4,1" under scores of 4,2 and 3,9: an average, not a sum.
    check.reportable = false;
  }
  if (!ok) {
    const explained = explanation(state, x.cell, x.kind === 'column' ? state.rows[x.row].label : '');
    if (explained) check.explainedBy = explained;
  }
  return check;
}

/** A note that explains the total's difference: its marker on the total, or a note on rounding. */
function explanation(state: CheckState, cell: Cell, label: string): Footnote | undefined {
  const footnotes = state.read.table.footnotes;
  const marker = cell.marker ?? /([¹²³⁴⁵⁶⁷⁸⁹⁰]+|\*{1,3}\)?|\(\*\))\s*$/u.exec(label)?.[1];
  if (marker) {
    const bare = marker.replace(/[()⁾]/g, '');
    const note = footnotes.find((f) => f.marker === bare);
    if (note) return note;
  }
  return state.read.explainingNote;
}

/** A total in the thousands whose addends (zeros aside, at least two) are mostly in the thousands too. */
function inThousands(stated: number, addends: Addend[]): boolean {
  const nonZero = addends.filter((a) => a.value !== 0);
  const large = nonZero.filter((a) => Math.abs(a.value) >= 1000).length;
  return Math.abs(stated) >= 1000 && nonZero.length >= 2 && large * 2 > nonZero.length;
}
