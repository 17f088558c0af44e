/**
 * Totals that are addends. In an accounts table `Husleje i alt 52.000` can be one line of the
 * expenses whose detail is not shown, and `Udgifter i alt` the sum of all expense lines with it.
 * Read as a total it adds up to nothing, and left out, the next total is wrong too: two findings on
 * a table that adds up. The evidence has two halves: the labelled total totals nothing (no reading
 * makes it add up, and no contiguous run of rows directly above or below it does), and counted as
 * an addend it makes the next total exact (a pass over the segment, AddendChecker.settledPass).
 * Contiguous runs and the table's own totals only: linear in the rows, no search over subsets.
 */
import type { Cell } from '../model';
import { EPSILON, type TotalCheck } from './check-common';
import { ColumnChecker } from './check-columns';
import type { TableRow } from './read';

/** How one cell's value is read (the checker's: a glued marker already read as a marker). */
export type CellValue = (c: Cell | undefined) => number | undefined;

/**
 * Whether a contiguous run of the plain rows directly above position t (up to the top of the
 * segment) or directly below it (down to the next total) adds up to the value of its cell in the
 * column, within the rounding of the amounts when they are rounded.
 */
export function someRunAddsUp(seg: TableRow[], t: number, col: number, value: CellValue, rounded: boolean): boolean {
  const cell = seg[t].cells[col];
  const stated = value(cell);
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
      const v = value(c);
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

/** The column checks with the totals that total nothing tried as addends (see the top of this file). */
export abstract class AddendChecker extends ColumnChecker {
  /**
   * A pass over the segment's totals, then each labelled total that totals nothing tried as an
   * addend: kept when, counted in, the next total is exact in a column (or that total
   * is wrong either way) and the segment has fewer defects. A total after it that fails as it does
   * is tried with it ("Husleje i alt", "Forsikringer i alt" as two lines of the expenses). Each
   * total is tried once, each try is one pass, and the passes are bounded by the table's size.
   */
  protected override settledPass(seg: TableRow[]): number {
    const start = this.snapshot(seg);
    const first = this.checks.length;
    this.columnPass(seg);
    // Compared between readings: every sum that fails, reported or not ("Udgifter i alt" over one row
    // is not reported, but it is wrong all the same).
    const failures = () => this.checks.slice(first).filter((x) => !x.ok && !x.repair).length;
    let defects = failures();
    const addends: number[] = [];
    const tried = new Set<number>();
    // A dozen passes in a table of minutes, fewer in a pasted data dump, so its check stays fast.
    const maxPasses = Math.min(MAX_ADDEND_PASSES, Math.floor(ADDEND_BUDGET_ROWS / Math.max(1, seg.length)));
    let passes = 0;
    let survey = this.survey(seg);
    for (let k = 0; k < seg.length && passes < maxPasses; k++) {
      if (tried.has(k) || !survey.nothing[k] || !reportedFrom(survey, k)) continue;
      const best = this.snapshot(seg);
      const chain = [k];
      // A shorter chain that would do, kept in case the longer one does not.
      let fallback: { state: ReturnType<AddendChecker['snapshot']>; defects: number; chain: number[] } | undefined;
      let kept: typeof fallback;
      while (passes < maxPasses) {
        chain.forEach((p) => tried.add(p));
        this.restore(seg, start);
        for (const p of [...addends, ...chain]) [seg[p].kind, seg[p].total, seg[p].addend] = ['data', undefined, true];
        this.columnPass(seg);
        const d = failures();
        passes++;
        const next = seg.findIndex((r, p) => p > chain[chain.length - 1] && r.kind === 'total');
        if (next < 0) break;
        const rows = chain.map((p) => seg[p].index);
        const exact = this.countsIn(seg[next], rows, true);
        // Counted in, the next total is exact; or it is wrong either way, and then it is what is surely
        // wrong, not the rows that total nothing. Either way fewer sums fail.
        const would = (exact || this.countsIn(seg[next], rows, false)) && d < defects;
        // The next total fails as these do: tried together.
        if (!exact && chain.length < MAX_ADDEND_CHAIN && this.totalsNothing(seg, next, this.columnChecksOf(seg[next].index))) {
          if (would) fallback = { state: this.snapshot(seg), defects: d, chain: [...chain] };
          chain.push(next);
          continue;
        }
        if (would) kept = { state: this.snapshot(seg), defects: d, chain: [...chain] };
        break;
      }
      kept ??= fallback;
      if (!kept) {
        this.restore(seg, best);
        continue;
      }
      this.restore(seg, kept.state);
      defects = kept.defects;
      addends.push(...kept.chain);
      survey = this.survey(seg);
    }
    return this.checks.slice(first).filter((x) => x.repair || (!x.ok && x.reportable)).length;
  }

  protected columnChecksOf(row: number): TotalCheck[] {
    return this.checks.filter((x) => x.kind === 'column' && x.row === row);
  }

  /** Per position of the segment: whether the total there totals nothing, and whether it is reported. */
  protected survey(seg: TableRow[]): Survey {
    const byRow = new Map<number, TotalCheck[]>();
    for (const x of this.checks) if (x.kind === 'column') byRow.set(x.row, [...(byRow.get(x.row) ?? []), x]);
    return {
      isTotal: seg.map((r) => r.kind === 'total'),
      nothing: seg.map((r, t) => this.totalsNothing(seg, t, byRow.get(r.index) ?? [])),
      reported: seg.map((r) => (byRow.get(r.index) ?? []).some((x) => !x.ok && !x.repair && x.reportable)),
    };
  }

  /**
   * A labelled total that totals nothing: no reading makes it add up in any column (or there was
   * nothing to add: "Husleje i alt" right under the header), and no contiguous run of rows right
   * above or below it adds up to it in any column it has a number in. `own`: its column checks.
   */
  protected totalsNothing(seg: TableRow[], t: number, own: TotalCheck[]): boolean {
    const row = seg[t];
    if (row.kind !== 'total' || row.total !== 'strong' || row.balance) return false;
    if (own.some((x) => x.ok || x.repair)) return false;
    const cols = this.amountColumns.filter((col) => this.value(row.cells[col]) !== undefined);
    const rounded = this.read.rounded || this.read.money;
    return cols.length > 0 && !cols.some((col) => someRunAddsUp(seg, t, col, (c) => this.value(c), rounded));
  }

  /**
   * The rows are addends of the total in every column where they have a number, and (when
   * `exact`) the total is exact in at least one column.
   */
  protected countsIn(total: TableRow, rows: number[], exact: boolean): boolean {
    const own = this.checks.filter((x) => x.kind === 'column' && x.row === total.index);
    if (own.length === 0 || (exact && !own.some((x) => x.exact && !x.repair))) return false;
    return own.every((x) => rows.every((r) => this.rows[r].cells[x.col]?.value === undefined || x.addends.some((a) => a.row === r)));
  }
}

/** Passes over a segment spent on trying totals as addends (settledPass): at most, and rows × passes at most. */
const MAX_ADDEND_PASSES = 12;
const ADDEND_BUDGET_ROWS = 1500;
/** Totals that total nothing tried together as addends of the next. */
const MAX_ADDEND_CHAIN = 4;

interface Survey {
  isTotal: boolean[];
  nothing: boolean[];
  reported: boolean[];
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
