/**
 * The state one table's check works on, as a plain object: the table as read (read.ts), the
 * profile's difference pairs, and what the passes have found so far (the checks, the rows a weak
 * total label was taken from, the columns explained as another kind of sum, the values of cells
 * whose glued footnote marker was read as a marker). check.ts runs the passes over it in a fixed
 * order; each pass reads what the earlier ones found and adds its own. Passes that try a reading
 * and may take it back (column-totals.ts, addends.ts) save and restore it with snapshot/restore.
 */
import type { Cell } from '../model';
import type { TotalCheck } from './check-common';
import type { ReadTable, TableRow } from './read';

export interface CheckState {
  readonly read: ReadTable;
  /** The table's rows (read.rows): the column passes set a row's kind, total and addend as they read it. */
  readonly rows: TableRow[];
  /** The indexes of the amount columns, left to right. */
  readonly amountColumns: number[];
  /** The profile's difference pairs (TableVocabulary.differencePairs): minuend and subtrahend words. */
  readonly pairs: string[][];
  /** The checks found so far, in the order found. */
  checks: TotalCheck[];
  /** Rows whose weak total label did not add up: data rows, or maybe no addends at all. */
  demoted: Set<number>;
  /** Columns recognised as another kind of sum (a closing balance): not read as stated differences. */
  explainedColumns: Set<number>;
  /** Values after a glued marker was read as a marker (repair.ts). */
  effective: Map<Cell, number>;
}

export function checkState(read: ReadTable, pairs: string[][]): CheckState {
  return {
    read,
    rows: read.rows,
    amountColumns: read.columns.filter((c) => c.kind === 'amount').map((c) => c.index),
    pairs,
    checks: [],
    demoted: new Set(),
    explainedColumns: new Set(),
    effective: new Map(),
  };
}

/** The value a cell counts with: its number, or the number without a glued marker once that was read as one. */
export function cellValue(state: CheckState, c: Cell | undefined): number | undefined {
  if (!c || typeof c.value !== 'number') return undefined;
  return state.effective.get(c) ?? c.value;
}

/** The rows from the first data row on, by segment (a header inside the table begins a new one), in order. */
export function segmentsOf(state: CheckState): TableRow[][] {
  const segments = new Map<number, TableRow[]>();
  for (const row of state.rows.slice(state.read.firstData)) {
    const list = segments.get(row.segment) ?? [];
    list.push(row);
    segments.set(row.segment, list);
  }
  return [...segments.values()];
}

/** The rows a total or difference column is checked in: data rows, totals and parts, from the first data row on. */
export function rowsAcross(state: CheckState): TableRow[] {
  return state.rows.slice(state.read.firstData).filter((r) => r.kind === 'data' || r.kind === 'total' || r.kind === 'part');
}

/** A column a total column may add: an amount column that is no total, no part and no stated difference. */
export function isAddendColumn(state: CheckState, j: number): boolean {
  const column = state.read.columns[j];
  return !column.total && !column.difference && !column.part;
}

/** What a pass over one segment changes: its rows' reading and the state's findings. */
export interface Snapshot {
  rows: Pick<TableRow, 'kind' | 'total' | 'addend'>[];
  checks: TotalCheck[];
  effective: Map<Cell, number>;
  demoted: Set<number>;
}

export function snapshot(state: CheckState, seg: TableRow[]): Snapshot {
  return {
    rows: seg.map((r) => ({ kind: r.kind, total: r.total, addend: r.addend })),
    checks: state.checks.slice(),
    effective: new Map(state.effective),
    demoted: new Set(state.demoted),
  };
}

export function restore(state: CheckState, seg: TableRow[], s: Snapshot): void {
  seg.forEach((r, k) => {
    r.kind = s.rows[k].kind;
    r.total = s.rows[k].total;
    r.addend = s.rows[k].addend;
  });
  state.checks = s.checks.slice();
  state.effective = new Map(s.effective);
  state.demoted = new Set(s.demoted);
}

/** A cell already reported as a wrong total or a glued marker (a difference check on it adds nothing). */
export function reportedAt(state: CheckState, cell: Cell): boolean {
  for (let k = state.checks.length - 1; k >= 0; k--) {
    const x = state.checks[k];
    if ((x.cell === cell || x.repair?.cell === cell) && (!x.ok || x.repair)) return true;
  }
  return false;
}
