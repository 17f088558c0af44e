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
 *  - sinceBalance / subtotalsSinceBalance: the rows (or subtotals) since a balance above it, the
 *    balance left out (tried first when the balance opens the block; balances.ts);
 *  - closingBalance: for a balance under another, that balance plus the movements between;
 *  - below / belowWithParts: the rows under it (a total written first).
 * A labelled total that totals nothing may be an addend of the next total (addends.ts).
 */
import type { Cell } from '../model';
import type { TableVocabulary } from '../profiles/profile';
import { columnName, readTable, type ReadTable, type TableRow } from './read';
import { pairSide as sideOf, type Strength } from './words';
import { AddendChecker } from './addends';
import { balanceAbove } from './balances';
import { confirmedByRows, formula, isPercent, type Addend, type MalformedNumber, type Reading, type TableAnalysis, type TotalCheck } from './check-common';

export type { Addend, MalformedNumber, Reading, Repair, TableAnalysis, TotalCheck } from './check-common';
export { round } from './check-common';
export { type Strength };

export function analyzeTable(table: ReadTable['table'], vocab: TableVocabulary): TableAnalysis {
  const read = readTable(table, vocab);
  return new TableChecker(read, vocab.differencePairs).run();
}

class TableChecker extends AddendChecker {
  // ── Row totals (a column "I alt" that sums across) ──────────────────────────────────

  protected rowTotals(): void {
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
      // A balance column to its left ("Beholdning primo | Tilgang | Afgang | Bevægelser i alt"): the
      // movements since it, first when the balance opens the columns the total would add.
      const floor = amount.filter((j) => j < t && this.read.columns[j].balance).pop();
      if (floor !== undefined) {
        const fromBalance = { name: 'sinceBalanceColumns' as Reading, cols: amount.filter((j) => j > floor && j < t && isAddend(j)) };
        if (since[0] === floor) readings.unshift(fromBalance);
        else readings.push(fromBalance);
      }
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
    this.closingColumns(amount);
    this.inferredRowTotals(amount, totalCols);
  }

  /**
   * A balance column to the right of another ("Primo | Tilgang | Afgang | Bevægelser i alt | Ultimo")
   * that is the earlier balance plus the movements between in every row: the movements' total
   * column if there is one, else the movement columns. Recognised for hovers only, never reported
   * (its heading names no total), and then it is no stated difference either ("Saldo ultimo").
   */
  protected closingColumns(amount: number[]): void {
    const columns = this.read.columns;
    const rows = this.rows.slice(this.read.firstData).filter((r) => r.kind === 'data' || r.kind === 'total' || r.kind === 'part');
    for (const c of amount.filter((j) => columns[j].balance)) {
      const opening = amount.filter((j) => j < c && columns[j].balance).pop();
      if (opening === undefined) continue;
      const between = amount.filter((j) => j > opening && j < c);
      const movementTotal = between.filter((j) => columns[j].total).pop();
      const readings: { cols: number[]; totals: number[] }[] = [];
      if (movementTotal !== undefined) readings.push({ cols: [], totals: [opening, movementTotal] });
      readings.push({ cols: between.filter((j) => !columns[j].total && !columns[j].part && !columns[j].difference), totals: [opening] });
      for (const reading of readings) {
        const results = rows.map((row) => this.sumRow(row, c, reading.cols, reading.totals, 'closingBalanceColumns', 'inferred')).filter((x): x is TotalCheck => x !== null);
        if (results.length === 0 || !results.every((x) => x.ok) || !results.some((x) => x.addends.length >= 2)) continue;
        this.checks.push(...results.map((x) => ({ ...x, reportable: false })));
        this.explainedColumns.add(c);
        break;
      }
    }
  }

  /**
   * An unnamed column that is the sum of the columns after it (or before it) in every row,
   * like "Afsluttede forløb" = the two columns that split it. Recognised for hovers only.
   */
  protected inferredRowTotals(amount: number[], totalCols: number[]): void {
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

  protected sumRow(row: TableRow, t: number, cols: number[], totals: number[], name: Reading, strength: Strength | 'inferred'): TotalCheck | null {
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
  protected differenceColumns(): void {
    const vocab = this.pairs;
    const amount = this.amountColumns;
    const rows = this.rows.slice(this.read.firstData).filter((r) => r.kind === 'data' || r.kind === 'total' || r.kind === 'part');
    for (const d of amount.filter((j) => this.read.columns[j].difference && !this.read.columns[j].total && !this.explainedColumns.has(j))) {
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
  protected otherColumnInvolved(used: number[], holding: TableRow[], failing: TableRow[]): boolean {
    if (failing.length === 0) return false;
    const amount = (row: TableRow, col: number) => this.value(row.cells[col]) ?? 0;
    return this.amountColumns.some(
      (col) => !used.includes(col) && failing.every((row) => amount(row, col) !== 0) && holding.every((row) => amount(row, col) === 0),
    );
  }

  /** A row "Overskud", "Resultat" = a row of income minus a row of expenses above it. */
  protected differenceRows(seg: TableRow[]): void {
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
        // A balance under another ("Saldo ultimo" under "Saldo primo") is the earlier balance plus the
        // difference: with it first, so that a finding states the sum the balance is.
        const floor = d.balance ? balanceAbove(seg, k) : -1;
        const opening = floor >= 0 && seg[floor] !== a && seg[floor] !== b ? seg[floor] : undefined;
        for (const col of this.amountColumns) {
          const cell = d.cells[col];
          if (!cell || typeof cell.value !== 'number') continue;
          // Expenses written negative are added, as the document signs them; written positive, subtracted.
          const signs: (1 | -1)[] = (this.value(b.cells[col]) ?? 0) < 0 ? [1, -1] : [-1, 1];
          const fromOpening = opening
            ? signs.map((signB) =>
                this.differenceCheck(d, col, [
                  { col, sign: 1, row: opening.index },
                  { col, sign: 1, row: a.index },
                  { col, sign: signB, row: b.index },
                ], 'row'),
              )
            : [];
          const forms = ([[-1, false], [-1, true], [1, false], [1, true]] as [1 | -1, boolean][]).map(([signB, negate]) =>
            this.differenceCheck(d, col, [
              { col, sign: (negate ? -1 : 1) as 1 | -1, row: a.index },
              { col, sign: (negate ? -signB : signB) as 1 | -1, row: b.index },
            ], 'row'),
          );
          const results = [...fromOpening, ...forms].filter((x): x is TotalCheck => x !== null);
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

  protected differenceCheck(
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
  protected reportedAt(cell: Cell): boolean {
    for (let k = this.checks.length - 1; k >= 0; k--) {
      const x = this.checks[k];
      if ((x.cell === cell || x.repair?.cell === cell) && (!x.ok || x.repair)) return true;
    }
    return false;
  }

  // ── Malformed numbers ────────────────────────────────────────────────────────────

  protected malformedNumbers(): MalformedNumber[] {
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
