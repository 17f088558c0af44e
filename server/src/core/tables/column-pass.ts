/**
 * One pass over the total rows of a segment, top to bottom: each total is checked column by column
 * under the readings of check.ts's list (block, with parts, all, subtotals, cumulative, since a
 * balance, below), the first that holds in every column taken; a balance under another is read as
 * a closing balance (balances.ts); a weak total label that adds up under no reading is a data row.
 * What each total covers is kept for the readings of the totals under it. The pass is run once, or
 * several times with totals read as addends (addends.ts).
 */
import { balanceAbove, closingBalance, closingReadings, sinceBalanceReadings } from './balances';
import { sumColumn } from './cell-checks';
import { coverOf, type Confirmed, type ReadingRows, type TotalCheck } from './check-common';
import type { CheckState } from './check-state';
import type { TableRow } from './read';
import { markerRepair } from './repair';

/** Checks the total rows of a segment in order; returns the number of defects found. */
export function columnPass(state: CheckState, seg: TableRow[]): number {
  const confirmed: Confirmed[] = [];
  const isData = (r: TableRow) => r.kind === 'data';
  const position = new Map(seg.map((r, k) => [r.index, k]));
  const first = state.checks.length;
  let since = 0;
  for (let t = 0; t < seg.length; t++) {
    const total = seg[t];
    if (total.kind === 'data' && total.balance) {
      if (closingBalance(state, seg, t, confirmed)) since = t + 1;
      continue;
    }
    if (total.kind !== 'total') continue;
    if (total.total === 'inferred') {
      const covers = new Set(state.checks.filter((x) => x.row === total.index && x.kind === 'column').flatMap((x) => x.addends.map((a) => a.row)));
      confirmed.push({ row: total.index, covers, coversTotals: new Set() });
      since = Math.max(t, ...[...covers].map((x) => position.get(x) ?? 0)) + 1;
      continue;
    }
    const last = confirmed[confirmed.length - 1];
    const between = seg.slice(since, t);
    const block = between.filter(isData).map((r) => r.index);
    const parts = between.filter((r) => r.kind === 'part').map((r) => r.index);
    const readings: ReadingRows[] = [{ name: 'block', rows: block, parts: false }];
    // A row demoted from a weak total ("Antal, i alt") may be no addend either.
    const withoutDemoted = (rows: number[]) => rows.filter((x) => !state.demoted.has(x));
    if (block.some((x) => state.demoted.has(x))) readings.push({ name: 'block', rows: withoutDemoted(block), parts: false });
    if (parts.length > 0) readings.push({ name: 'blockWithParts', rows: [...block, ...parts].sort((a, b) => a - b), parts: true });
    if (confirmed.length > 0) {
      const coveredTotals = new Set<number>();
      for (const c of confirmed) c.coversTotals.forEach((x) => coveredTotals.add(x));
      const allData = seg.slice(0, t).filter(isData).map((r) => r.index);
      readings.push({ name: 'all', rows: allData, parts: false });
      if (allData.some((x) => state.demoted.has(x))) readings.push({ name: 'all', rows: withoutDemoted(allData), parts: false });
      const maximal = confirmed.filter((c) => !coveredTotals.has(c.row)).map((c) => c.row);
      const maximalCovers = new Set<number>();
      for (const c of confirmed) if (maximal.includes(c.row)) c.covers.forEach((x) => maximalCovers.add(x));
      readings.push({ name: 'subtotals', rows: allData.filter((x) => !maximalCovers.has(x)), totals: maximal, parts: false });
      readings.push({ name: 'cumulative', rows: block, totals: [last.row], parts: false });
    }
    const floor = balanceAbove(seg, t);
    if (floor >= 0) {
      // The movements since a balance: first when the balance opens the block ("Beholdning 1. januar"
      // over the movements and "Bevægelser i alt"), so a finding names the rows the total adds up.
      const sinceBalance = sinceBalanceReadings(seg, t, floor, confirmed);
      if (block[0] === seg[floor].index) readings.unshift(...sinceBalance);
      else readings.push(...sinceBalance);
      if (total.balance) readings.push(...closingReadings(seg, t, floor, confirmed));
    }
    if (block.length === 0) {
      let end = t + 1;
      while (end < seg.length && seg[end].kind !== 'total') end++;
      const below = seg.slice(t + 1, end);
      readings.push({ name: 'below', rows: below.filter(isData).map((r) => r.index), parts: false });
      if (below.some((r) => r.kind === 'part')) {
        readings.push({ name: 'belowWithParts', rows: below.filter((r) => isData(r) || r.kind === 'part').map((r) => r.index), parts: true });
      }
    }
    // A PDF row whose cells cannot be placed may be an addend: such a total is not reported.
    const uncertain = between.some((r) => r.kind === 'unaligned');
    const checked = state.checks.length;
    const chosen = checkTotalRow(state, total, readings, uncertain);
    if (chosen === null) {
      // A weak label ("Antal, i alt") that does not add up is a data row after all.
      total.kind = 'data';
      total.total = undefined;
      state.demoted.add(total.index);
      continue;
    }
    const cover = coverOf(total.index, chosen, confirmed);
    if (chosen.name === 'all') for (const c of confirmed) cover.coversTotals.add(c.row);
    // The movements since a balance, row by row, include the subtotals among them.
    if (chosen.name === 'sinceBalance') for (const c of confirmed) if ([...c.covers].every((x) => cover.covers.has(x))) cover.coversTotals.add(c.row);
    cover.failed = state.checks.slice(checked).some((x) => !x.ok && !x.repair);
    confirmed.push(cover);
    since = Math.max(t + 1, ...(chosen.name === 'below' || chosen.name === 'belowWithParts' ? chosen.rows.map((x) => (position.get(x) ?? 0) + 1) : []));
  }
  return defectsSince(state, first);
}

/** The defects among the checks from index `first` on: a glued marker, or a failed sum that is reported. */
export function defectsSince(state: CheckState, first: number): number {
  return state.checks.slice(first).filter((x) => x.repair || (!x.ok && x.reportable)).length;
}

/** Checks one total row under the readings; returns the reading taken, or null for a weak total that fails. */
function checkTotalRow(state: CheckState, total: TableRow, readings: ReadingRows[], uncertain: boolean): ReadingRows | null {
  const cols = state.amountColumns.filter((col) => typeof total.cells[col]?.value === 'number');
  // results[reading][column]
  const results = readings.map((reading) => cols.map((col) => sumColumn(state, total, col, reading)));
  const score = results.map((rs) => ({
    applicable: rs.filter((x) => x !== null).length,
    ok: rs.filter((x) => x?.ok).length,
  }));
  let best = -1;
  for (let k = 0; k < readings.length; k++) {
    if (score[k].applicable === 0) continue;
    if (score[k].ok === score[k].applicable) {
      best = k;
      break;
    }
  }
  if (best >= 0) {
    for (const x of results[best]) if (x) state.checks.push(x);
    return readings[best];
  }
  if (score.every((s) => s.applicable === 0)) return total.total === 'weak' ? null : readings[0];
  if (total.total === 'weak') return null;
  // A labelled total that no reading explains in every column: column by column.
  let primary = 0;
  for (let k = 1; k < readings.length; k++) if (score[k].ok > score[primary].ok || score[primary].applicable === 0) primary = k;
  cols.forEach((_col, q) => {
    const okReading = results.findIndex((rs) => rs[q]?.ok);
    if (okReading >= 0) {
      state.checks.push(results[okReading][q]!);
      return;
    }
    const candidates = results.map((rs) => rs[q]).filter((x): x is TotalCheck => x !== null);
    if (candidates.length === 0) return;
    const main = results[primary][q] ?? candidates[0];
    const repaired = markerRepair(state, candidates);
    if (repaired) {
      state.checks.push(repaired);
      return;
    }
    const distinct = new Set(candidates.map((x) => x.computed.toFixed(6)));
    main.fixable = distinct.size === 1 && main.fixable;
    main.reportable = main.reportable && !uncertain;
    state.checks.push(main);
  });
  return readings[primary];
}
