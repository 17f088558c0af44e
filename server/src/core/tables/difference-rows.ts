/**
 * Stated differences down a column: a row "Overskud", "Resultat" that is a row of income minus a
 * row of expenses above it, the pair named by the profile's difference words, in each column, with
 * the signs the document writes. A balance under another is that balance plus the difference. A
 * row that holds as a difference withdraws the failed total check on it (a difference, not a sum).
 */
import { differenceCheck } from './cell-checks';
import type { TotalCheck } from './check-common';
import { balanceAbove } from './balances';
import { cellValue, reportedAt, type CheckState } from './check-state';
import type { TableRow } from './read';
import { markerRepair } from './repair';
import { pairSide as sideOf } from './words';

export function differenceRows(state: CheckState, seg: TableRow[]): void {
  const vocab = state.pairs;
  for (let k = 0; k < seg.length; k++) {
    const d = seg[k];
    if (!d.difference || (d.kind !== 'data' && d.kind !== 'total')) continue;
    if (d.total === 'inferred') continue;
    const above = seg.slice(0, k).filter((r) => r.kind === 'data' || r.kind === 'total');
    for (const pair of vocab) {
      const pick = (side: 'minuend' | 'subtrahend') => {
        const found = above.filter((r) => sideOf(r.label, pair) === side);
        return found.filter((r) => r.kind === 'total').pop() ?? found.pop();
      };
      const a = pick('minuend');
      const b = pick('subtrahend');
      if (!a || !b) continue;
      // The operands are totals ("Indtægter i alt", "Udgifter i alt") or the only rows of the
      // block above; a "Regnskab …" and a "Budget …" picked out of a longer list are not
      // what a row labelled "BO2 - Afvigelse …" is taken of.
      const lastTotal = above.map((r) => r.kind).lastIndexOf('total');
      const block = above.slice(lastTotal + 1);
      const operand = (r: TableRow) => r.kind === 'total' || (block.length <= 2 && block.includes(r));
      if (!operand(a) || !operand(b)) break;
      // A balance under another ("Saldo ultimo" under "Saldo primo") is the earlier balance plus the
      // difference: with it first, so that a finding states the sum the balance is.
      const floor = d.balance ? balanceAbove(seg, k) : -1;
      const opening = floor >= 0 && seg[floor] !== a && seg[floor] !== b ? seg[floor] : undefined;
      for (const col of state.amountColumns) {
        const cell = d.cells[col];
        if (!cell || typeof cell.value !== 'number') continue;
        // Expenses written negative are added, as the document signs them; written positive, subtracted.
        const signs: (1 | -1)[] = (cellValue(state, b.cells[col]) ?? 0) < 0 ? [1, -1] : [-1, 1];
        const fromOpening = opening
          ? signs.map((signB) =>
              differenceCheck(state, d, col, [
                { col, sign: 1, row: opening.index },
                { col, sign: 1, row: a.index },
                { col, sign: signB, row: b.index },
              ], 'row'),
            )
          : [];
        const forms = ([[-1, false], [-1, true], [1, false], [1, true]] as [1 | -1, boolean][]).map(([signB, negate]) =>
          differenceCheck(state, d, col, [
            { col, sign: (negate ? -1 : 1) as 1 | -1, row: a.index },
            { col, sign: (negate ? -signB : signB) as 1 | -1, row: b.index },
          ], 'row'),
        );
        const results = [...fromOpening, ...forms].filter((x): x is TotalCheck => x !== null);
        if (results.length === 0) continue;
        const ok = results.find((x) => x.ok);
        const failedTotal = state.checks.findIndex((x) => x.kind === 'column' && x.cell === cell && !x.ok && !x.repair);
        if (ok) {
          // The row is a difference, not a sum: a failed total check on it is withdrawn.
          if (failedTotal >= 0) state.checks.splice(failedTotal, 1);
          state.checks.push(ok);
          continue;
        }
        if (reportedAt(state, cell)) continue;
        const repaired = markerRepair(state, results);
        state.checks.push(repaired ?? { ...results[0], reportable: true, fixable: false });
      }
      break;
    }
  }
}
