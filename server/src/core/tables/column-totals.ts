/**
 * The total rows of one segment (the first pass check.ts runs, after the indented totals): checked
 * with totals read as addends (addends.ts). When the first row adds up to the rows below it
 * (inferred-totals.ts: a total written first), the segment is read twice, once with that row as a
 * total, once as a plain row, and the reading with fewer defects is kept ("A 10, B 5, C 5, I alt
 * 20": A = B + C by chance, but I alt needs A as a row).
 */
import { columnPassWithAddends } from './addends';
import { restore, snapshot, type CheckState } from './check-state';
import { totalFirst } from './inferred-totals';
import type { TableRow } from './read';

export function columnTotals(state: CheckState, seg: TableRow[]): void {
  const before = snapshot(state, seg);
  if (!totalFirst(state, seg)) {
    columnPassWithAddends(state, seg);
    return;
  }
  const inferred = columnPassWithAddends(state, seg);
  if (inferred === 0) return;
  const withInferred = snapshot(state, seg);
  restore(state, seg, before);
  const plain = columnPassWithAddends(state, seg);
  if (plain < inferred) return;
  restore(state, seg, withInferred);
}
