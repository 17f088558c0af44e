/** Types and small helpers shared by the table checks (the passes that check.ts runs). */
import { isPercentUnit } from '../amounts';
import type { Cell, Footnote } from '../model';
import type { ReadTable } from './read';
import type { Strength } from './words';

export type Reading =
  | 'block'
  | 'blockWithParts'
  | 'all'
  | 'subtotals'
  | 'cumulative'
  | 'below'
  | 'belowWithParts'
  | 'sinceBalance'
  | 'subtotalsSinceBalance'
  | 'closingBalance'
  | 'columns'
  | 'allColumns'
  | 'cumulativeColumns'
  | 'sinceBalanceColumns'
  | 'closingBalanceColumns'
  | 'right'
  | 'left'
  | 'difference';

export interface Addend {
  row: number;
  col: number;
  cell: Cell;
  /** The row label (column sums) or column name (row sums) of the addend. */
  label: string;
  value: number;
  sign: 1 | -1;
}

/** A glued footnote marker: the cell read without its last digits makes the sum right. */
export interface Repair {
  cell: Cell;
  row: number;
  col: number;
  /** The digits taken as the marker ("1"). */
  marker: string;
  /** The number without the marker (75). */
  value: number;
  footnote: Footnote;
  /** True when the glued number is the total itself. */
  isTotal: boolean;
  /** The sum (or total) once the marker is read as a marker. */
  computed: number;
}

export interface TotalCheck {
  /** column: a total row checked down a column; row: a total column checked across a row; difference: a stated difference. */
  kind: 'column' | 'row' | 'difference';
  row: number;
  col: number;
  /** The cell with the stated total. */
  cell: Cell;
  /** Label of the total's row. */
  rowLabel: string;
  /** Name of the total's column ('' when the table has no header). */
  columnName: string;
  strength: Strength | 'inferred';
  reading: Reading;
  addends: Addend[];
  stated: number;
  computed: number;
  /** stated − computed. */
  difference: number;
  tolerance: number;
  /** The total agrees within rounding under this reading (or once a repair is made). */
  ok: boolean;
  /** The total agrees to the last digit. */
  exact: boolean;
  /** A failing check that may be reported: a clearly labelled total with two or more addends. */
  reportable: boolean;
  repair?: Repair;
  /** A note under the table that explains differences, or the marker on the total. */
  explainedBy?: Footnote;
  /** Every reading gives the same sum and no marker or footnote is involved: the total may be replaced. */
  fixable: boolean;
  /** Decimals to print computed values with. */
  decimals: number;
  /** Difference checks: the operands as written ("Tilflyttere − Fraflyttere"). */
  formula?: string;
}

export interface MalformedNumber {
  row: number;
  col: number;
  cell: Cell;
  /** The number read with a decimal comma ("500.00 kr." → "500,00 kr."), when that is a reading. */
  suggestion?: string;
}

export interface TableAnalysis {
  read: ReadTable;
  checks: TotalCheck[];
  malformed: MalformedNumber[];
}

export const EPSILON = 1e-9;

export interface ReadingRows {
  name: Reading;
  rows: number[];
  /** Stated totals used as addends (cumulative, subtotals). */
  totals?: number[];
  parts: boolean;
}

export interface Confirmed {
  row: number;
  covers: Set<number>;
  coversTotals: Set<number>;
  /** No reading made the total add up: what its reading covers is a guess (balances.ts does not build on it). */
  failed?: boolean;
}

/** What a total read so covers: its rows, its totals and what these cover. */
export function coverOf(row: number, chosen: ReadingRows, confirmed: Confirmed[]): Confirmed {
  const covers = new Set<number>(chosen.rows);
  const coversTotals = new Set<number>();
  for (const x of chosen.totals ?? []) {
    coversTotals.add(x);
    const c = confirmed.find((k) => k.row === x);
    c?.covers.forEach((y) => covers.add(y));
    c?.coversTotals.forEach((y) => coversTotals.add(y));
  }
  return { row, covers, coversTotals };
}

/**
 * A reading of a total column (or a difference column) is confirmed when at least as many
 * rows agree with it as disagree. A column that is wrong in most of its rows is not a column
 * of wrong totals but a column read wrongly ("Budget samlet" next to other versions of the
 * budget, a total of some of the columns only): its failures are not reported. A table of
 * one row has nothing to confirm its reading but its header: the plain reading (the columns
 * to its left) stands.
 */
export function confirmedByRows(checks: TotalCheck[]): boolean {
  const holds = checks.filter((x) => x.ok).length;
  const fails = checks.filter((x) => !x.ok && !x.repair).length;
  if (checks.length === 1) return checks[0].reading === 'columns' || checks[0].reading === 'difference';
  return holds > 0 && holds >= fails;
}

export function formula(addends: Addend[]): string {
  return addends.map((a, k) => `${k === 0 ? (a.sign < 0 ? '−' : '') : a.sign < 0 ? ' − ' : ' + '}${a.label || '?'}`).join('');
}

/**
 * A "total" that lies between the smallest and the largest of its addends, in a table of
 * decimals (scores, rates): an average, not a sum. A sum of non-negative numbers is never
 * below its largest addend.
 */
export function looksLikeAverage(check: TotalCheck): boolean {
  const values = check.addends.filter((a) => typeof a.cell.value === 'number').map((a) => a.value);
  if (values.length < 2 || values.some((v) => v < 0)) return false;
  if (check.decimals === 0) return false;
  return check.stated >= Math.min(...values) && check.stated <= Math.max(...values);
}

/** A percentage or share ("12 %", "3,4 pct."): never an addend, never a sum. */
export function isPercent(c: Cell): boolean {
  return isPercentUnit(c.unit);
}

export function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
}
