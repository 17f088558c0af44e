/**
 * Totals that are addends. In an accounts table `Husleje i alt 52.000` can be one line of the
 * expenses whose detail is not shown, and `Udgifter i alt` the sum of all expense lines with it.
 * Read as a total it adds up to nothing, and left out, the next total is wrong too: two findings on
 * a table that adds up. The evidence has two halves: the labelled total totals nothing (no reading
 * makes it add up, and no contiguous run of rows directly above or below it does), and counted as
 * an addend it makes the next total exact (a column pass over the segment, columnPassWithAddends).
 * Contiguous runs and the table's own totals only: linear in the rows, no search over subsets.
 */
import { EPSILON, type TotalCheck } from './check-common';
import { cellValue, restore, snapshot, type CheckState, type Snapshot } from './check-state';
import { columnPass, defectsSince } from './column-pass';
import type { TableRow } from './read';

/** Passes over a segment spent on trying totals as addends (columnPassWithAddends): at most, and rows × passes at most. */
const MAX_ADDEND_PASSES = 12;
const ADDEND_BUDGET_ROWS = 1500;
/** Totals that total nothing tried together as addends of the next. */
const MAX_ADDEND_CHAIN = 4;

/**
 * A column pass over the segment's totals (column-pass.ts), then each labelled total that totals
 * nothing tried as an addend: kept when, counted in, the next total is exact in a column (or that
 * total is wrong either way) and the segment has fewer defects. A total after it that fails as it
 * does is tried with it ("Husleje i alt", "Forsikringer i alt" as two lines of the expenses). Each
 * total is tried once, each try is one pass, and the passes are bounded by the table's size.
 * Returns the number of defects found.
 */
export function columnPassWithAddends(state: CheckState, seg: TableRow[]): number {
  const start = snapshot(state, seg);
  const first = state.checks.length;
  columnPass(state, seg);
  // Compared between readings: every sum that fails, reported or not ("Udgifter i alt" over one row
  // is not reported, but it is wrong all the same).
  const failures = () => state.checks.slice(first).filter((x) => !x.ok && !x.repair).length;
  let defects = failures();
  const addends: number[] = [];
  const tried = new Set<number>();
  // A dozen passes in a table of minutes, fewer in a pasted data dump, so its check stays fast.
  const maxPasses = Math.min(MAX_ADDEND_PASSES, Math.floor(ADDEND_BUDGET_ROWS / Math.max(1, seg.length)));
  let passes = 0;
  let found = survey(state, seg);
  for (let k = 0; k < seg.length && passes < maxPasses; k++) {
    if (tried.has(k) || !found.nothing[k] || !reportedFrom(found, k)) continue;
    const best = snapshot(state, seg);
    const chain = [k];
    // A shorter chain that would do, kept in case the longer one does not.
    let fallback: { state: Snapshot; defects: number; chain: number[] } | undefined;
    let kept: typeof fallback;
    while (passes < maxPasses) {
      chain.forEach((p) => tried.add(p));
      restore(state, seg, start);
      for (const p of [...addends, ...chain]) [seg[p].kind, seg[p].total, seg[p].addend] = ['data', undefined, true];
      columnPass(state, seg);
      const d = failures();
      passes++;
      const next = seg.findIndex((r, p) => p > chain[chain.length - 1] && r.kind === 'total');
      if (next < 0) break;
      const rows = chain.map((p) => seg[p].index);
      const exact = countsIn(state, seg[next], rows, true);
      // Counted in, the next total is exact; or it is wrong either way, and then it is what is surely
      // wrong, not the rows that total nothing. Either way fewer sums fail.
      const would = (exact || countsIn(state, seg[next], rows, false)) && d < defects;
      // The next total fails as these do: tried together.
      if (!exact && chain.length < MAX_ADDEND_CHAIN && totalsNothing(state, seg, next, columnChecksOf(state, seg[next].index))) {
        if (would) fallback = { state: snapshot(state, seg), defects: d, chain: [...chain] };
        chain.push(next);
        continue;
      }
      if (would) kept = { state: snapshot(state, seg), defects: d, chain: [...chain] };
      break;
    }
    kept ??= fallback;
    if (!kept) {
      restore(state, seg, best);
      continue;
    }
    restore(state, seg, kept.state);
    defects = kept.defects;
    addends.push(...kept.chain);
    found = survey(state, seg);
  }
  return defectsSince(state, first);
}

function columnChecksOf(state: CheckState, row: number): TotalCheck[] {
  return state.checks.filter((x) => x.kind === 'column' && x.row === row);
}

interface Survey {
  isTotal: boolean[];
  nothing: boolean[];
  reported: boolean[];
}

/** Per position of the segment: whether the total there totals nothing, and whether it is reported. */
function survey(state: CheckState, seg: TableRow[]): Survey {
  const byRow = new Map<number, TotalCheck[]>();
  for (const x of state.checks) if (x.kind === 'column') byRow.set(x.row, [...(byRow.get(x.row) ?? []), x]);
  return {
    isTotal: seg.map((r) => r.kind === 'total'),
    nothing: seg.map((r, t) => totalsNothing(state, seg, t, byRow.get(r.index) ?? [])),
    reported: seg.map((r) => (byRow.get(r.index) ?? []).some((x) => !x.ok && !x.repair && x.reportable)),
  };
}

/**
 * A total from position t on is reported, up to the first total after t that totals something:
 * only then can reading the total at t (with those after it that total nothing) as addends remove a
 * finding, so only then is it worth a pass.
 */
function reportedFrom(survey: Survey, t: number): boolean {
  for (let p = t; p < survey.isTotal.length; p++) {
    if (!survey.isTotal[p]) continue;
    if (survey.reported[p]) return true;
    if (p > t && !survey.nothing[p]) return false;
  }
  return false;
}

/**
 * A labelled total that totals nothing: no reading makes it add up in any column (or there was
 * nothing to add: "Husleje i alt" right under the header), and no contiguous run of rows right
 * above or below it adds up to it in any column it has a number in. `own`: its column checks.
 */
function totalsNothing(state: CheckState, seg: TableRow[], t: number, own: TotalCheck[]): boolean {
  const row = seg[t];
  if (row.kind !== 'total' || row.total !== 'strong' || row.balance) return false;
  if (own.some((x) => x.ok || x.repair)) return false;
  const cols = state.amountColumns.filter((col) => cellValue(state, row.cells[col]) !== undefined);
  const rounded = state.read.rounded || state.read.money;
  return cols.length > 0 && !cols.some((col) => someRunAddsUp(state, seg, t, col, rounded));
}

/**
 * Whether a contiguous run of the plain rows directly above position t (up to the top of the
 * segment) or directly below it (down to the next total) adds up to the value of its cell in the
 * column, within the rounding of the amounts when they are rounded.
 */
function someRunAddsUp(state: CheckState, seg: TableRow[], t: number, col: number, rounded: boolean): boolean {
  const cell = seg[t].cells[col];
  const stated = cellValue(state, cell);
  if (stated === undefined) return false;
  const runs: TableRow[][] = [[], []];
  for (let k = t - 1; k >= 0; k--) if (seg[k].kind === 'data') runs[0].push(seg[k]);
  for (let k = t + 1; k < seg.length && seg[k].kind !== 'total' && seg[k].kind !== 'header'; k++) if (seg[k].kind === 'data') runs[1].push(seg[k]);
  for (const run of runs) {
    let sum = 0;
    let count = 0;
    let decimals = cell?.decimals ?? 0;
    for (const row of run) {
      const c = row.cells[col];
      const v = cellValue(state, c);
      if (v === undefined) continue;
      sum += v;
      count++;
      decimals = Math.max(decimals, c?.decimals ?? 0);
      const tolerance = rounded || decimals > 0 ? 0.5 * 10 ** -decimals * (count + 1) : 0;
      if (Math.abs(sum - stated) <= tolerance + EPSILON) return true;
    }
  }
  return false;
}

/**
 * The rows are addends of the total in every column where they have a number, and (when
 * `exact`) the total is exact in at least one column.
 */
function countsIn(state: CheckState, total: TableRow, rows: number[], exact: boolean): boolean {
  const own = state.checks.filter((x) => x.kind === 'column' && x.row === total.index);
  if (own.length === 0 || (exact && !own.some((x) => x.exact && !x.repair))) return false;
  return own.every((x) => rows.every((r) => state.rows[r].cells[x.col]?.value === undefined || x.addends.some((a) => a.row === r)));
}
