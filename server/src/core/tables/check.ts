/**
 * The arithmetic of a table: every total (a row of column totals, a column of row totals,
 * a total-first row, a stated difference) is checked under each reasonable reading of the
 * table, and only what no reading explains is a defect. A number whose last digits are a
 * footnote marker under the table ("751" over "1 Heraf …") is found here too.
 *
 * Readings of a total row, tried in this order:
 *  - block: the data rows since the previous total;
 *  - blockWithParts: the same with its "Heraf …"/"- …" rows (when the parts are the addends);
 *  - all: every data row above it (a grand total);
 *  - subtotals: the totals above it plus the rows no total covers (a "Hovedtotal");
 *  - cumulative: the previous total plus the rows since (a running total);
 *  - below / belowWithParts: the rows under it (a total written first).
 */
import { isPercentUnit, isRoundedUnit } from '../amounts';
import type { Cell, Footnote } from '../model';
import type { TableVocabulary } from '../profiles/profile';
import { columnName, type ReadTable, readTable, type TableRow } from './read';
import { pairSide as sideOf, type Strength } from './words';

export type Reading =
  | 'block'
  | 'blockWithParts'
  | 'all'
  | 'subtotals'
  | 'cumulative'
  | 'below'
  | 'belowWithParts'
  | 'columns'
  | 'allColumns'
  | 'cumulativeColumns'
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

const EPSILON = 1e-9;

interface ReadingRows {
  name: Reading;
  rows: number[];
  /** Stated totals used as addends (cumulative, subtotals). */
  totals?: number[];
  parts: boolean;
}

interface Confirmed {
  row: number;
  covers: Set<number>;
  coversTotals: Set<number>;
}

export function analyzeTable(table: ReadTable['table'], vocab: TableVocabulary): TableAnalysis {
  const read = readTable(table, vocab);
  return new TableChecker(read, vocab.differencePairs).run();
}

class TableChecker {
  private checks: TotalCheck[] = [];
  /** Rows whose weak total label did not add up: data rows, or maybe no addends at all. */
  private demoted = new Set<number>();
  /** Values after a glued marker was read as a marker. */
  private effective = new Map<Cell, number>();
  private readonly rows: TableRow[];

  constructor(
    private readonly read: ReadTable,
    private readonly pairs: string[][],
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
    return { read: this.read, checks: this.checks, malformed: this.malformedNumbers() };
  }

  /**
   * One wrong cell can break two sums: a row total that is wrong also makes the grand
   * total of its column disagree. When correcting an addend that is itself a wrong total
   * makes a sum right, only that addend is reported.
   */
  private suppressFollowOn(): void {
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

  private value(c: Cell | undefined): number | undefined {
    if (!c || typeof c.value !== 'number') return undefined;
    return this.effective.get(c) ?? c.value;
  }

  private readonly amountColumns: number[];

  // ── Column totals ────────────────────────────────────────────────────────────────

  /**
   * The totals of one segment, read twice when a first row adds up to the rows below it:
   * once with that row as a total written first, once as a plain row. The reading with
   * fewer defects is kept ("A 10, B 5, C 5, I alt 20": A = B + C by chance, but I alt
   * needs A as a row).
   */
  private columnTotals(seg: TableRow[]): void {
    const before = this.snapshot(seg);
    if (!this.totalFirst(seg)) {
      this.columnPass(seg);
      return;
    }
    const inferred = this.columnPass(seg);
    if (inferred === 0) return;
    const withInferred = this.snapshot(seg);
    this.restore(seg, before);
    const plain = this.columnPass(seg);
    if (plain < inferred) return;
    this.restore(seg, withInferred);
  }

  private snapshot(seg: TableRow[]) {
    return {
      rows: seg.map((r) => ({ kind: r.kind, total: r.total })),
      checks: this.checks.slice(),
      effective: new Map(this.effective),
      demoted: new Set(this.demoted),
    };
  }

  private restore(seg: TableRow[], s: ReturnType<TableChecker['snapshot']>): void {
    seg.forEach((r, k) => {
      r.kind = s.rows[k].kind;
      r.total = s.rows[k].total;
    });
    this.checks = s.checks.slice();
    this.effective = new Map(s.effective);
    this.demoted = new Set(s.demoted);
  }

  /** Checks the total rows of a segment in order; returns the number of defects found. */
  private columnPass(seg: TableRow[]): number {
    const confirmed: Confirmed[] = [];
    const isData = (r: TableRow) => r.kind === 'data';
    const position = new Map(seg.map((r, k) => [r.index, k]));
    const first = this.checks.length;
    let since = 0;
    for (let t = 0; t < seg.length; t++) {
      const total = seg[t];
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
      const chosen = this.checkTotalRow(total, readings, uncertain);
      if (chosen === null) {
        // A weak label ("Antal, i alt") that does not add up is a data row after all.
        total.kind = 'data';
        total.total = undefined;
        this.demoted.add(total.index);
        continue;
      }
      const covers = new Set<number>();
      const coversTotals = new Set<number>();
      for (const x of chosen.rows) covers.add(x);
      for (const x of chosen.totals ?? []) {
        coversTotals.add(x);
        const c = confirmed.find((k) => k.row === x);
        c?.covers.forEach((y) => covers.add(y));
        c?.coversTotals.forEach((y) => coversTotals.add(y));
      }
      if (chosen.name === 'all') for (const c of confirmed) coversTotals.add(c.row);
      confirmed.push({ row: total.index, covers, coversTotals });
      since = Math.max(t + 1, ...(chosen.name === 'below' || chosen.name === 'belowWithParts' ? chosen.rows.map((x) => (position.get(x) ?? 0) + 1) : []));
    }
    return this.checks.slice(first).filter((x) => x.repair || (!x.ok && x.reportable)).length;
  }

  /**
   * A first row that is the signed sum of the rows below it (up to the next total), without
   * a total label ("Nettobehov 10.598" over 62.484, -29.599, -22.287). Never reported: only
   * recognised, so it is no addend and a hover can explain it. Returns whether one was found.
   */
  private totalFirst(seg: TableRow[]): boolean {
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
  private indentedTotals(seg: TableRow[]): void {
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
  private checkTotalRow(total: TableRow, readings: ReadingRows[], uncertain: boolean): ReadingRows | null {
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
  private sumColumn(total: TableRow, col: number, reading: ReadingRows): TotalCheck | null {
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

  private makeCheck(x: Omit<TotalCheck, 'computed' | 'difference' | 'tolerance' | 'ok' | 'exact' | 'fixable' | 'decimals' | 'explainedBy'>): TotalCheck {
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
  private explanation(cell: Cell, label: string): Footnote | undefined {
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
  private repair(candidates: TotalCheck[]): TotalCheck | null {
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

  // ── Row totals (a column "I alt" that sums across) ──────────────────────────────────

  private rowTotals(): void {
    const amount = this.amountColumns;
    const totalCols = amount.filter((j) => this.read.columns[j].total);
    const rows = this.rows.slice(this.read.firstData).filter((r) => r.kind === 'data' || r.kind === 'total' || r.kind === 'part');
    for (const t of totalCols) {
      const column = this.read.columns[t];
      const prev = totalCols.filter((j) => j < t).pop();
      const isAddend = (j: number) => !this.read.columns[j].total && !this.read.columns[j].difference && !this.read.columns[j].part;
      const readings: { name: Reading; cols: number[]; totals?: number[] }[] = [];
      const since = amount.filter((j) => j < t && (prev === undefined || j > prev) && isAddend(j));
      readings.push({ name: 'columns', cols: since });
      if (prev !== undefined) {
        readings.push({ name: 'allColumns', cols: amount.filter((j) => j < t && isAddend(j)) });
        readings.push({ name: 'cumulativeColumns', cols: since, totals: [prev] });
      }
      if (since.length === 0) {
        const next = totalCols.find((j) => j > t) ?? Infinity;
        readings.push({ name: 'right', cols: amount.filter((j) => j > t && j < next && isAddend(j)) });
      }
      const produced: TotalCheck[] = [];
      let failed = false;
      for (const row of rows) {
        const results = readings.map((reading) => this.sumRow(row, t, reading.cols, reading.totals ?? [], reading.name, column.total!));
        const candidates = results.filter((x): x is TotalCheck => x !== null);
        if (candidates.length === 0) continue;
        const ok = candidates.find((x) => x.ok);
        if (ok) {
          produced.push(ok);
          continue;
        }
        failed = true;
        const repaired = this.repair(candidates);
        if (repaired) {
          produced.push(repaired);
          continue;
        }
        const main = candidates[0];
        main.fixable = main.fixable && new Set(candidates.map((x) => x.computed.toFixed(6))).size === 1;
        produced.push(main);
      }
      // A column only weakly named a total that does not add up is not a total column.
      if (column.total === 'weak' && failed) continue;
      // Nor is a column whose rows mostly disagree with it (see confirmedByRows).
      if (failed && !confirmedByRows(produced)) continue;
      this.checks.push(...produced);
    }
    this.inferredRowTotals(amount, totalCols);
  }

  /**
   * An unnamed column that is the sum of the columns after it (or before it) in every row,
   * like "Afsluttede forløb" = the two columns that split it. Recognised for hovers only.
   */
  private inferredRowTotals(amount: number[], totalCols: number[]): void {
    if (totalCols.length > 0) return;
    const plain = amount.filter((j) => !this.read.columns[j].difference && !this.read.columns[j].part);
    if (plain.length < 3) return;
    const rows = this.rows.slice(this.read.firstData).filter((r) => r.kind === 'data' || r.kind === 'total');
    for (const [t, cols, name] of [
      [plain[0], plain.slice(1), 'right'],
      [plain[plain.length - 1], plain.slice(0, -1), 'left'],
    ] as [number, number[], Reading][]) {
      const results = rows.map((row) => this.sumRow(row, t, cols, [], name, 'inferred')).filter((x): x is TotalCheck => x !== null && x.addends.length >= 2);
      if (results.length >= 2 && results.every((x) => x.ok)) {
        this.checks.push(...results);
        return;
      }
    }
  }

  private sumRow(row: TableRow, t: number, cols: number[], totals: number[], name: Reading, strength: Strength | 'inferred'): TotalCheck | null {
    const cell = row.cells[t];
    const stated = this.value(cell);
    if (!cell || stated === undefined || isPercent(cell)) return null;
    const addends: Addend[] = [];
    for (const j of [...totals, ...cols]) {
      const c = row.cells[j];
      if (!c || c.value === undefined || isPercent(c)) continue;
      addends.push({ row: row.index, col: j, cell: c, label: columnName(this.read, j, row.segment), value: this.value(c) ?? 0, sign: 1 });
    }
    const numeric = addends.filter((a) => typeof a.cell.value === 'number').length;
    if (numeric === 0) return null;
    return this.makeCheck({
      kind: 'row',
      row: row.index,
      col: t,
      cell,
      rowLabel: row.label,
      columnName: columnName(this.read, t, row.segment),
      strength,
      reading: name,
      addends: addends.sort((a, b) => a.col - b.col),
      stated,
      reportable: strength === 'strong' && numeric >= 2,
    });
  }

  // ── Stated differences ────────────────────────────────────────────────────────────

  /** A column "Forskel", "Nettotilflytning" = one column minus another, in every row. */
  private differenceColumns(): void {
    const vocab = this.pairs;
    const amount = this.amountColumns;
    const rows = this.rows.slice(this.read.firstData).filter((r) => r.kind === 'data' || r.kind === 'total' || r.kind === 'part');
    for (const d of amount.filter((j) => this.read.columns[j].difference && !this.read.columns[j].total)) {
      const operands = amount.filter((j) => j < d && j !== d);
      const pairs: { a: number; b: number; labelled: boolean }[] = [];
      for (const a of operands) for (const b of operands) if (a !== b) pairs.push({ a, b, labelled: false });
      for (const p of pairs) {
        const na = this.read.columns[p.a].name;
        const nb = this.read.columns[p.b].name;
        p.labelled = vocab.some((pair) => sideOf(na, pair) === 'minuend' && sideOf(nb, pair) === 'subtrahend');
      }
      const checkRow = (row: TableRow, a: number, b: number, signB: 1 | -1, negate: boolean) =>
        this.differenceCheck(row, d, [
          { col: a, sign: negate ? -1 : 1 },
          { col: b, sign: (negate ? -signB : signB) as 1 | -1 },
        ], 'column');
      type Form = { a: number; b: number; signB: 1 | -1; negate: boolean; labelled: boolean };
      const forms: Form[] = [];
      for (const p of pairs) {
        forms.push({ a: p.a, b: p.b, signB: -1, negate: false, labelled: p.labelled });
        if (p.labelled) {
          forms.push({ a: p.a, b: p.b, signB: -1, negate: true, labelled: true });
          forms.push({ a: p.a, b: p.b, signB: 1, negate: false, labelled: true });
          forms.push({ a: p.a, b: p.b, signB: 1, negate: true, labelled: true });
        }
      }
      const tally = forms.map((f) => {
        const results = rows.map((row) => checkRow(row, f.a, f.b, f.signB, f.negate));
        return { f, results, holds: results.filter((x) => x?.ok).length, fails: results.filter((x) => x && !x.ok).length };
      });
      const all = tally.find((x) => x.holds > 0 && x.fails === 0);
      if (all) {
        this.checks.push(...all.results.filter((x): x is TotalCheck => x !== null));
        continue;
      }
      const labelled = tally.filter((x) => x.f.labelled);
      let chosen: typeof tally;
      if (labelled.length > 0) {
        const ab = new Set(labelled.map((x) => `${x.f.a},${x.f.b}`));
        if (ab.size !== 1) continue;
        // The named pair, in the sign convention most rows hold (one for the whole table; ties kept).
        const most = Math.max(...labelled.map((x) => x.holds));
        chosen = labelled.filter((x) => x.holds === most);
      } else {
        const sorted = [...tally].sort((x, y) => y.holds - x.holds);
        const top = sorted[0];
        if (!top || top.holds < 2 || top.holds < 2 * top.fails || (sorted[1] && sorted[1].holds === top.holds)) continue;
        chosen = [top];
      }
      const outcomes = rows.map((_, q) => chosen.map((x) => x.results[q]).filter((x): x is TotalCheck => x !== null));
      const holding = rows.filter((_, q) => outcomes[q].some((x) => x.ok));
      const failing = rows.filter((_, q) => outcomes[q].length > 0 && !outcomes[q].some((x) => x.ok));
      const { a, b } = chosen[0].f;
      // Most rows must confirm the reading, and no other column may account for the rows that
      // fail ("Afvigelse" = "Forv. regnskab" − "Korr. budget" − "Ompl.": the rows that fail are
      // exactly those with an "Ompl." amount).
      const confirmed = holding.length >= 2 * failing.length && !this.otherColumnInvolved([d, a, b], holding, failing);
      rows.forEach((_row, q) => {
        const results = outcomes[q];
        if (results.length === 0) return;
        const ok = results.find((x) => x.ok);
        if (ok) return void this.checks.push(ok);
        if (this.reportedAt(results[0].cell)) return;
        if (!confirmed) return void this.checks.push({ ...results[0], reportable: false, fixable: false });
        const repaired = this.repair(results);
        this.checks.push(repaired ?? { ...results[0], reportable: true, fixable: false });
      });
    }
  }

  /**
   * Another amount column that is non-zero in every row that fails and zero (or empty) in
   * every row that holds: it takes part in the difference the table states.
   */
  private otherColumnInvolved(used: number[], holding: TableRow[], failing: TableRow[]): boolean {
    if (failing.length === 0) return false;
    const amount = (row: TableRow, col: number) => this.value(row.cells[col]) ?? 0;
    return this.amountColumns.some(
      (col) => !used.includes(col) && failing.every((row) => amount(row, col) !== 0) && holding.every((row) => amount(row, col) === 0),
    );
  }

  /** A row "Overskud", "Resultat" = a row of income minus a row of expenses above it. */
  private differenceRows(seg: TableRow[]): void {
    const vocab = this.pairs;
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
        for (const col of this.amountColumns) {
          const cell = d.cells[col];
          if (!cell || typeof cell.value !== 'number') continue;
          const forms = ([[-1, false], [-1, true], [1, false], [1, true]] as [1 | -1, boolean][]).map(([signB, negate]) =>
            this.differenceCheck(d, col, [
              { col, sign: (negate ? -1 : 1) as 1 | -1, row: a.index },
              { col, sign: (negate ? -signB : signB) as 1 | -1, row: b.index },
            ], 'row'),
          );
          const results = forms.filter((x): x is TotalCheck => x !== null);
          if (results.length === 0) continue;
          const ok = results.find((x) => x.ok);
          const failedTotal = this.checks.findIndex((x) => x.kind === 'column' && x.cell === cell && !x.ok && !x.repair);
          if (ok) {
            // The row is a difference, not a sum: a failed total check on it is withdrawn.
            if (failedTotal >= 0) this.checks.splice(failedTotal, 1);
            this.checks.push(ok);
            continue;
          }
          if (this.reportedAt(cell)) continue;
          const repaired = this.repair(results);
          this.checks.push(repaired ?? { ...results[0], reportable: true, fixable: false });
        }
        break;
      }
    }
  }

  private differenceCheck(
    d: TableRow,
    col: number,
    operands: { col: number; sign: 1 | -1; row?: number }[],
    across: 'row' | 'column',
  ): TotalCheck | null {
    const cell = d.cells[col];
    const stated = this.value(cell);
    if (!cell || stated === undefined || isPercent(cell)) return null;
    const addends: Addend[] = [];
    for (const o of operands) {
      const row = this.rows[o.row ?? d.index];
      const c = row.cells[o.col];
      const v = this.value(c);
      if (!c || v === undefined || isPercent(c)) return null;
      const label = across === 'row' ? row.label : columnName(this.read, o.col, d.segment);
      addends.push({ row: row.index, col: o.col, cell: c, label, value: v, sign: o.sign });
    }
    const check = this.makeCheck({
      kind: 'difference',
      row: d.index,
      col,
      cell,
      rowLabel: d.label,
      columnName: columnName(this.read, col, d.segment),
      strength: 'strong',
      reading: 'difference',
      addends,
      stated,
      reportable: true,
    });
    check.formula = formula(addends);
    return check;
  }

  /** A cell already reported as a wrong total or a glued marker (a difference check adds nothing). */
  private reportedAt(cell: Cell): boolean {
    for (let k = this.checks.length - 1; k >= 0; k--) {
      const x = this.checks[k];
      if ((x.cell === cell || x.repair?.cell === cell) && (!x.ok || x.repair)) return true;
    }
    return false;
  }

  // ── Malformed numbers ────────────────────────────────────────────────────────────

  private malformedNumbers(): MalformedNumber[] {
    const out: MalformedNumber[] = [];
    for (const row of this.rows) {
      row.cells.forEach((c, j) => {
        if (!c?.malformed) return;
        const column = this.read.columns[j];
        // Account codes ("1.01"), dates ("30.6.21") and version-like numbers are not amounts.
        // The cell's text, not its unit: parseDanishNumber reads no unit for a malformed number.
        if (column?.kind !== 'amount' && !/kr/i.test(c.text)) return;
        if (row.kind === 'header' || row.kind === 'title') return;
        const digits = /^[-–−÷]?\s?[\d.,]+/.exec(c.text)?.[0] ?? c.text;
        if ((digits.match(/\./g) ?? []).length > 1) return;
        const m = /^([-–−÷]?\s?\d{1,3})\.(\d{1,2})(\s*\S.*)?$/.exec(c.text);
        const entry: MalformedNumber = { row: row.index, col: j, cell: c };
        if (m) entry.suggestion = `${m[1]},${m[2]}${m[3] ?? ''}`;
        out.push(entry);
      });
    }
    return out;
  }
}

/**
 * A reading of a total column (or a difference column) is confirmed when at least as many
 * rows agree with it as disagree. A column that is wrong in most of its rows is not a column
 * of wrong totals but a column read wrongly ("Budget samlet" next to other versions of the
 * budget, a total of some of the columns only): its failures are not reported. A table of
 * one row has nothing to confirm its reading but its header: the plain reading (the columns
 * to its left) stands.
 */
function confirmedByRows(checks: TotalCheck[]): boolean {
  const holds = checks.filter((x) => x.ok).length;
  const fails = checks.filter((x) => !x.ok && !x.repair).length;
  if (checks.length === 1) return checks[0].reading === 'columns' || checks[0].reading === 'difference';
  return holds > 0 && holds >= fails;
}

function formula(addends: Addend[]): string {
  return addends.map((a, k) => `${k === 0 ? (a.sign < 0 ? '−' : '') : a.sign < 0 ? ' − ' : ' + '}${a.label || '?'}`).join('');
}

/**
 * A "total" that lies between the smallest and the largest of its addends, in a table of
 * decimals (scores, rates): an average, not a sum. A sum of non-negative numbers is never
 * below its largest addend.
 */
function looksLikeAverage(check: TotalCheck): boolean {
  const values = check.addends.filter((a) => typeof a.cell.value === 'number').map((a) => a.value);
  if (values.length < 2 || values.some((v) => v < 0)) return false;
  if (check.decimals === 0) return false;
  return check.stated >= Math.min(...values) && check.stated <= Math.max(...values);
}

/** A percentage or share ("12 %", "3,4 pct."): never an addend, never a sum. */
function isPercent(c: Cell): boolean {
  return isPercentUnit(c.unit);
}

export function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

export { type Strength };
