/**
 * The state of one table's check and its column totals (see check.ts for the readings tried, balances.ts
 * for those of running balances). AddendChecker (addends.ts) adds the totals read as addends, TableChecker
 * (check.ts) row totals, stated differences and malformed numbers, on the same state.
 */
import { isRoundedUnit } from '../amounts';
import type { Cell, Footnote } from '../model';
import { columnName, type ReadTable, type TableRow } from './read';
import { balanceAbove, closingReadings, sinceBalanceReadings } from './balances';
import { EPSILON, isPercent, looksLikeAverage, round, type Addend, type Confirmed, type MalformedNumber, type Reading, type ReadingRows, type Repair, type TableAnalysis, type TotalCheck } from './check-common';

export abstract class ColumnChecker {
  /** The checks the subclass adds (check.ts), run after the column totals. */
  protected abstract rowTotals(): void;
  protected abstract differenceColumns(): void;
  protected abstract differenceRows(seg: TableRow[]): void;
  protected abstract malformedNumbers(): MalformedNumber[];

  protected checks: TotalCheck[] = [];
  /** Rows whose weak total label did not add up: data rows, or maybe no addends at all. */
  protected demoted = new Set<number>();
  /** Columns recognised as another kind of sum (a closing balance): not read as stated differences. */
  protected explainedColumns = new Set<number>();
  /** Values after a glued marker was read as a marker. */
  protected effective = new Map<Cell, number>();
  protected readonly rows: TableRow[];

  constructor(
    protected readonly read: ReadTable,
    protected readonly pairs: string[][],
  ) {
    this.rows = read.rows;
    this.amountColumns = read.columns.filter((c) => c.kind === 'amount').map((c) => c.index);
  }

  run(): TableAnalysis {
    const segments = new Map<number, TableRow[]>();
    for (const row of this.rows.slice(this.read.firstData)) {
      const list = segments.get(row.segment) ?? [];
      list.push(row);
      segments.set(row.segment, list);
    }
    for (const seg of segments.values()) {
      this.indentedTotals(seg);
      this.columnTotals(seg);
    }
    this.rowTotals();
    this.differenceColumns();
    for (const seg of segments.values()) this.differenceRows(seg);
    this.suppressFollowOn();
    // A table read from part way down (Table.cut) may lack addends: what does not add up is not sure.
    if (this.read.table.cut) for (const x of this.checks) if (!x.ok) x.reportable = false;
    return { read: this.read, checks: this.checks, malformed: this.malformedNumbers() };
  }

  /**
   * One wrong cell can break two sums: a row total that is wrong also makes the grand
   * total of its column disagree. When correcting an addend that is itself a wrong total
   * makes a sum right, only that addend is reported.
   */
  protected suppressFollowOn(): void {
    const failing = this.checks.filter((x) => !x.ok && !x.repair && x.reportable);
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

  protected value(c: Cell | undefined): number | undefined {
    if (!c || typeof c.value !== 'number') return undefined;
    return this.effective.get(c) ?? c.value;
  }

  protected readonly amountColumns: number[];

  // ── Column totals ────────────────────────────────────────────────────────────────

  /**
   * The totals of one segment, read twice when a first row adds up to the rows below it:
   * once with that row as a total written first, once as a plain row. The reading with
   * fewer defects is kept ("A 10, B 5, C 5, I alt 20": A = B + C by chance, but I alt
   * needs A as a row).
   */
  protected columnTotals(seg: TableRow[]): void {
    const before = this.snapshot(seg);
    if (!this.totalFirst(seg)) {
      this.settledPass(seg);
      return;
    }
    const inferred = this.settledPass(seg);
    if (inferred === 0) return;
    const withInferred = this.snapshot(seg);
    this.restore(seg, before);
    const plain = this.settledPass(seg);
    if (plain < inferred) return;
    this.restore(seg, withInferred);
  }

  protected snapshot(seg: TableRow[]) {
    return {
      rows: seg.map((r) => ({ kind: r.kind, total: r.total, addend: r.addend })),
      checks: this.checks.slice(),
      effective: new Map(this.effective),
      demoted: new Set(this.demoted),
    };
  }

  protected restore(seg: TableRow[], s: ReturnType<ColumnChecker['snapshot']>): void {
    seg.forEach((r, k) => {
      r.kind = s.rows[k].kind;
      r.total = s.rows[k].total;
      r.addend = s.rows[k].addend;
    });
    this.checks = s.checks.slice();
    this.effective = new Map(s.effective);
    this.demoted = new Set(s.demoted);
  }

  /**
   * One pass over the segment's totals; AddendChecker (addends.ts) adds the totals read as addends.
   * Returns the number of defects found.
   */
  protected settledPass(seg: TableRow[]): number {
    return this.columnPass(seg);
  }

  /** Checks the total rows of a segment in order; returns the number of defects found. */
  protected columnPass(seg: TableRow[]): number {
    const confirmed: Confirmed[] = [];
    const isData = (r: TableRow) => r.kind === 'data';
    const position = new Map(seg.map((r, k) => [r.index, k]));
    const first = this.checks.length;
    let since = 0;
    for (let t = 0; t < seg.length; t++) {
      const total = seg[t];
      if (total.kind === 'data' && total.balance) {
        if (this.closingBalance(seg, t, confirmed)) since = t + 1;
        continue;
      }
      if (total.kind !== 'total') continue;
      if (total.total === 'inferred') {
        const covers = new Set(this.checks.filter((x) => x.row === total.index && x.kind === 'column').flatMap((x) => x.addends.map((a) => a.row)));
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
      const withoutDemoted = (rows: number[]) => rows.filter((x) => !this.demoted.has(x));
      if (block.some((x) => this.demoted.has(x))) readings.push({ name: 'block', rows: withoutDemoted(block), parts: false });
      if (parts.length > 0) readings.push({ name: 'blockWithParts', rows: [...block, ...parts].sort((a, b) => a - b), parts: true });
      if (confirmed.length > 0) {
        const coveredTotals = new Set<number>();
        for (const c of confirmed) c.coversTotals.forEach((x) => coveredTotals.add(x));
        const allData = seg.slice(0, t).filter(isData).map((r) => r.index);
        readings.push({ name: 'all', rows: allData, parts: false });
        if (allData.some((x) => this.demoted.has(x))) readings.push({ name: 'all', rows: withoutDemoted(allData), parts: false });
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
      const checked = this.checks.length;
      const chosen = this.checkTotalRow(total, readings, uncertain);
      if (chosen === null) {
        // A weak label ("Antal, i alt") that does not add up is a data row after all.
        total.kind = 'data';
        total.total = undefined;
        this.demoted.add(total.index);
        continue;
      }
      const cover = this.coverOf(total.index, chosen, confirmed);
      if (chosen.name === 'all') for (const c of confirmed) cover.coversTotals.add(c.row);
      // The movements since a balance, row by row, include the subtotals among them.
      if (chosen.name === 'sinceBalance') for (const c of confirmed) if ([...c.covers].every((x) => cover.covers.has(x))) cover.coversTotals.add(c.row);
      cover.failed = this.checks.slice(checked).some((x) => !x.ok && !x.repair);
      confirmed.push(cover);
      since = Math.max(t + 1, ...(chosen.name === 'below' || chosen.name === 'belowWithParts' ? chosen.rows.map((x) => (position.get(x) ?? 0) + 1) : []));
    }
    return this.checks.slice(first).filter((x) => x.repair || (!x.ok && x.reportable)).length;
  }

  /** What a total read so covers: its rows, its totals and what these cover. */
  protected coverOf(row: number, chosen: ReadingRows, confirmed: Confirmed[]): Confirmed {
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
   * A balance under another ("Beholdning 31. december" under "Beholdning 1. januar") that is the
   * earlier balance plus the movements between in every column (balances.ts): a total, recognised
   * by the arithmetic and never reported (its label names no total), so a hover explains it and no
   * later total counts it again. Returns whether it was recognised.
   */
  protected closingBalance(seg: TableRow[], t: number, confirmed: Confirmed[]): boolean {
    const floor = balanceAbove(seg, t);
    if (floor < 0) return false;
    const row = seg[t];
    const cols = this.amountColumns.filter((col) => typeof row.cells[col]?.value === 'number');
    for (const reading of closingReadings(seg, t, floor, confirmed)) {
      const results = cols.map((col) => this.sumColumn(row, col, reading));
      if (results.length === 0 || !results.every((x) => x?.ok)) continue;
      if (!results.some((x) => x!.addends.length >= 2)) continue;
      row.kind = 'total';
      row.total = 'inferred';
      for (const x of results) this.checks.push({ ...x!, strength: 'inferred', reportable: false });
      confirmed.push(this.coverOf(row.index, reading, confirmed));
      return true;
    }
    return false;
  }

  /**
   * A first row that is the signed sum of the rows below it (up to the next total), without
   * a total label ("Nettobehov 10.598" over 62.484, -29.599, -22.287). Never reported: only
   * recognised, so it is no addend and a hover can explain it. Returns whether one was found.
   */
  protected totalFirst(seg: TableRow[]): boolean {
    const first = seg.findIndex((r) => r.kind === 'data');
    if (first < 0) return false;
    let end = first + 1;
    while (end < seg.length && seg[end].kind !== 'header' && seg[end].kind !== 'total') end++;
    const below = seg.slice(first + 1, end);
    const data = below.filter((r) => r.kind === 'data').map((r) => r.index);
    const withParts = below.filter((r) => r.kind === 'data' || r.kind === 'part').map((r) => r.index);
    if (withParts.length < 2) return false;
    const readings: ReadingRows[] = [];
    if (data.length >= 2) readings.push({ name: 'below', rows: data, parts: false });
    if (withParts.length > data.length) readings.push({ name: 'belowWithParts', rows: withParts, parts: true });
    for (const reading of readings) {
      const results = this.amountColumns
        .map((col) => this.sumColumn(seg[first], col, reading))
        .filter((x): x is TotalCheck => x !== null && x.addends.length >= 2);
      if (results.length > 0 && results.every((x) => x.ok)) {
        seg[first].kind = 'total';
        seg[first].total = 'inferred';
        for (const x of results) this.checks.push({ ...x, strength: 'inferred', reportable: false });
        return true;
      }
    }
    return false;
  }

  /**
   * Indented rows (Word's extra empty first cell) are the parts of the plain row right
   * after them (a subtotal written last: "Anlægsprojekter", "Køb og salg …" over "Anlæg")
   * or right before them (a total written first). Recognised only when the arithmetic
   * agrees in every column; never reported, and then no later total counts the parts again.
   */
  protected indentedTotals(seg: TableRow[]): void {
    const inRun = (r: TableRow | undefined) => r !== undefined && r.indented && (r.kind === 'data' || r.kind === 'total' || r.kind === 'part');
    for (let k = 0; k < seg.length; k++) {
      if (!inRun(seg[k]) || inRun(seg[k - 1])) continue;
      let end = k;
      while (inRun(seg[end])) end++;
      const run = seg.slice(k, end);
      if (run.length < 2) continue;
      const reading: ReadingRows = { name: 'block', rows: run.map((r) => r.index), parts: false };
      for (const [neighbour, name] of [
        [seg[end], 'block'],
        [seg[k - 1], 'below'],
      ] as [TableRow | undefined, Reading][]) {
        if (!neighbour || neighbour.indented || neighbour.kind !== 'data') continue;
        const results = this.amountColumns
          .map((col) => this.sumColumn(neighbour, col, { ...reading, name }))
          .filter((x): x is TotalCheck => x !== null && x.addends.length >= 2);
        if (results.length === 0 || !results.every((x) => x.ok)) continue;
        neighbour.kind = 'total';
        neighbour.total = 'inferred';
        // A repeated total among the parts ("Det skattefinansierede område i alt" carried down) is an addend here.
        for (const r of run) if (r.kind === 'total') [r.kind, r.total] = ['data', undefined];
        for (const x of results) this.checks.push({ ...x, strength: 'inferred', reportable: false });
        break;
      }
    }
  }

  /** Checks one total row under the readings; returns the reading taken, or null for a weak total that fails. */
  protected checkTotalRow(total: TableRow, readings: ReadingRows[], uncertain: boolean): ReadingRows | null {
    const cols = this.amountColumns.filter((col) => typeof total.cells[col]?.value === 'number');
    // results[reading][column]
    const results = readings.map((reading) => cols.map((col) => this.sumColumn(total, col, reading)));
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
      for (const x of results[best]) if (x) this.checks.push(x);
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
        this.checks.push(results[okReading][q]!);
        return;
      }
      const candidates = results.map((rs) => rs[q]).filter((x): x is TotalCheck => x !== null);
      if (candidates.length === 0) return;
      const main = results[primary][q] ?? candidates[0];
      const repaired = this.repair(candidates);
      if (repaired) {
        this.checks.push(repaired);
        return;
      }
      const distinct = new Set(candidates.map((x) => x.computed.toFixed(6)));
      main.fixable = distinct.size === 1 && main.fixable;
      main.reportable = main.reportable && !uncertain;
      this.checks.push(main);
    });
    return readings[primary];
  }

  /** The sum of a column under one reading, as a check of the total row; null when nothing is there to add. */
  protected sumColumn(total: TableRow, col: number, reading: ReadingRows): TotalCheck | null {
    const cell = total.cells[col];
    const stated = this.value(cell);
    if (cell === undefined || stated === undefined || isPercent(cell)) return null;
    const addends: Addend[] = [];
    for (const r of reading.totals ?? []) {
      const c = this.rows[r].cells[col];
      const v = this.value(c);
      if (c && v !== undefined) addends.push({ row: r, col, cell: c, label: this.rows[r].label, value: v, sign: 1 });
    }
    for (const r of reading.rows) {
      const c = this.rows[r].cells[col];
      if (!c || c.value === undefined || isPercent(c)) continue;
      addends.push({ row: r, col, cell: c, label: this.rows[r].label, value: this.value(c) ?? 0, sign: 1 });
    }
    const numeric = addends.filter((a) => typeof a.cell.value === 'number');
    if (numeric.length === 0) return null;
    const plain = reading.parts ? numeric.filter((a) => this.rows[a.row].kind !== 'part') : numeric;
    const strength = total.total ?? 'strong';
    return this.makeCheck({
      kind: 'column',
      row: total.index,
      col,
      cell,
      rowLabel: total.label,
      columnName: columnName(this.read, col, total.segment),
      strength,
      reading: reading.name,
      addends: addends.sort((a, b) => a.row - b.row),
      stated,
      reportable: strength === 'strong' && plain.length >= 2,
    });
  }

  protected makeCheck(x: Omit<TotalCheck, 'computed' | 'difference' | 'tolerance' | 'ok' | 'exact' | 'fixable' | 'decimals' | 'explainedBy'>): TotalCheck {
    let computed = 0;
    let decimals = x.cell.decimals ?? 0;
    let rounded = this.read.rounded || this.read.money || decimals > 0 || isRoundedUnit(x.cell.unit);
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
    check.fixable = !marked && this.read.table.footnotes.length === 0;
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
      const explained = this.explanation(x.cell, x.kind === 'column' ? this.rows[x.row].label : '');
      if (explained) check.explainedBy = explained;
    }
    return check;
  }

  /** A note that explains the total's difference: its marker on the total, or a note on rounding. */
  protected explanation(cell: Cell, label: string): Footnote | undefined {
    const footnotes = this.read.table.footnotes;
    const marker = cell.marker ?? /([¹²³⁴⁵⁶⁷⁸⁹⁰]+|\*{1,3}\)?|\(\*\))\s*$/u.exec(label)?.[1];
    if (marker) {
      const bare = marker.replace(/[()⁾]/g, '');
      const note = footnotes.find((f) => f.marker === bare);
      if (note) return note;
    }
    return this.read.explainingNote;
  }

  /**
   * "751" where "75" with footnote 1 makes the sum right. Tried on every reading; only
   * when exactly one cell explains it.
   */
  protected repair(candidates: TotalCheck[]): TotalCheck | null {
    if (this.read.digitMarkers.length === 0) return null;
    const found = new Map<Cell, { check: TotalCheck; repair: Repair }>();
    for (const check of candidates) {
      const items: { cell: Cell; row: number; col: number; value: number; sign: number; isTotal: boolean }[] = [
        ...check.addends.map((a) => ({ cell: a.cell, row: a.row, col: a.col, value: a.value, sign: a.sign, isTotal: false })),
        { cell: check.cell, row: check.row, col: check.col, value: check.stated, sign: 1, isTotal: true },
      ];
      for (const item of items) {
        const m = /^([-–−÷]?)(\d+)$/.exec(item.cell.text);
        if (!m || item.cell.marker || this.effective.has(item.cell)) continue;
        for (const { marker, footnote } of this.read.digitMarkers) {
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
    this.effective.set(repair.cell, repair.value);
    return { ...check, repair, ok: false, fixable: false };
  }

}

/** A total in the thousands whose addends (zeros aside, at least two) are mostly in the thousands too. */
function inThousands(stated: number, addends: Addend[]): boolean {
  const nonZero = addends.filter((a) => a.value !== 0);
  const large = nonZero.filter((a) => Math.abs(a.value) >= 1000).length;
  return Math.abs(stated) >= 1000 && nonZero.length >= 2 && large * 2 > nonZero.length;
}
