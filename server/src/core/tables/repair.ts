/**
 * Glued footnote markers: "751" where "75" with footnote 1 under the table makes a sum right (Word
 * and PDF text lose the superscript). Tried by every pass on the checks a sum failed under each
 * reading; taken only when exactly one cell explains it, and then the cell counts with the number
 * without the marker in every later sum (CheckState.effective). RF103 reports the marker.
 */
import type { Cell } from '../model';
import { EPSILON, round, type Repair, type TotalCheck } from './check-common';
import type { CheckState } from './check-state';

/**
 * The failed check that one glued marker explains, with the repair, or null. `candidates`: the
 * checks of one stated cell under its readings.
 */
export function markerRepair(state: CheckState, candidates: TotalCheck[]): TotalCheck | null {
  if (state.read.digitMarkers.length === 0) return null;
  const found = new Map<Cell, { check: TotalCheck; repair: Repair }>();
  for (const check of candidates) {
    const items: { cell: Cell; row: number; col: number; value: number; sign: number; isTotal: boolean }[] = [
      ...check.addends.map((a) => ({ cell: a.cell, row: a.row, col: a.col, value: a.value, sign: a.sign, isTotal: false })),
      { cell: check.cell, row: check.row, col: check.col, value: check.stated, sign: 1, isTotal: true },
    ];
    for (const item of items) {
      const m = /^([-–−÷]?)(\d+)$/.exec(item.cell.text);
      if (!m || item.cell.marker || state.effective.has(item.cell)) continue;
      for (const { marker, footnote } of state.read.digitMarkers) {
        if (m[2].length <= marker.length || !m[2].endsWith(marker)) continue;
        const base = m[2].slice(0, -marker.length);
        if (base.length > 1 && base.startsWith('0')) continue;
        const value = Number(base) * (m[1] ? -1 : 1);
        const computed = item.isTotal ? check.computed : check.computed - item.sign * item.value + item.sign * value;
        const stated = item.isTotal ? value : check.stated;
        if (Math.abs(stated - computed) <= check.tolerance + EPSILON) {
          found.set(item.cell, {
            check,
            repair: { cell: item.cell, row: item.row, col: item.col, marker, value, footnote, isTotal: item.isTotal, computed: round(computed, check.decimals) },
          });
        }
      }
    }
  }
  if (found.size !== 1) return null;
  const { check, repair } = [...found.values()][0];
  state.effective.set(repair.cell, repair.value);
  return { ...check, repair, ok: false, fixable: false };
}
