/**
 * The last word on which failed sums are reported, once every pass has run: a sum that fails only
 * because one of its addends is itself a wrong total is a follow-on of that one (reported once, on
 * the addend), and nothing that fails in a table read from part way down (Table.cut) is sure.
 */
import { EPSILON, type TotalCheck } from './check-common';
import type { CheckState } from './check-state';
import type { Cell } from '../model';

/**
 * One wrong cell can break two sums: a row total that is wrong also makes the grand
 * total of its column disagree. When correcting an addend that is itself a wrong total
 * makes a sum right, only that addend is reported.
 */
export function suppressFollowOn(state: CheckState): void {
  const failing = state.checks.filter((x) => !x.ok && !x.repair && x.reportable);
  if (failing.length < 2) return;
  const byCell = new Map<Cell, TotalCheck[]>();
  for (const x of failing) byCell.set(x.cell, [...(byCell.get(x.cell) ?? []), x]);
  for (const x of failing) {
    for (const a of x.addends) {
      const root = byCell.get(a.cell)?.find((z) => z !== x && z.reportable);
      if (!root) continue;
      const corrected = x.computed - a.sign * a.value + a.sign * root.computed;
      if (Math.abs(x.stated - corrected) <= x.tolerance + EPSILON) {
        x.reportable = false;
        break;
      }
    }
  }
}

/** A table read from part way down (Table.cut) may lack addends: what does not add up is not sure. */
export function uncertainWhenCut(state: CheckState): void {
  if (state.read.table.cut) for (const x of state.checks) if (!x.ok) x.reportable = false;
}
