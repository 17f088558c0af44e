/** RF210's facts about one table: its values, its totals and the words that say what each total is. */
import { isPercentUnit, moneyMultiplier } from '../amounts';
import type { Cell, Table } from '../model';
import type { Profile } from '../profiles/profile';
import { tableAnalysis } from '../tables/index';
import { isYearCell, type ReadTable } from '../tables/read';
import type { Dimension, TableFacts, TableTotal, TableValue } from './prose-total-types';
import { distributionsOf } from './prose-distribution';
import { contentWords, lazy, yearsIn } from './prose-words';

// ── The tables ────────────────────────────────────────────────────────────────────

/** Facts per table and vocabulary: the model does not change after parsing (as core/tables/analysis.ts caches). */
export const factsCache = new WeakMap<Table, { vocab: Profile['tables']; facts: TableFacts }>();

export function tableFacts(table: Table, profile: Profile): TableFacts {
  const hit = factsCache.get(table);
  if (hit && hit.vocab === profile.tables) return hit.facts;
  const facts = readFacts(table, profile);
  factsCache.set(table, { vocab: profile.tables, facts });
  return facts;
}

export function readFacts(table: Table, profile: Profile): TableFacts {
  const analysis = tableAnalysis(table, profile.tables);
  const read = analysis.read;
  const descriptive = describingTexts(read);
  let unit: { multiplier: number; text: string } | null = null;
  for (const text of descriptive) {
    const m = moneyMultiplier(text);
    if (m !== null) {
      unit = { multiplier: m, text };
      break;
    }
  }
  // A table writes a handful of units in many cells ("kr." in every row): each is read once (a pure function of its text).
  const multipliers = new Map<string, number | null>();
  const multiplierOf = (cellUnit: string): number | null => {
    let m = multipliers.get(cellUnit);
    if (m === undefined) multipliers.set(cellUnit, (m = moneyMultiplier(cellUnit)));
    return m;
  };
  const cellMoney = read.rows.some((r) => r.cells.some((c) => c?.unit !== undefined && multiplierOf(c.unit) !== null));
  const dimension: Dimension = unit || cellMoney ? 'money' : 'count';
  const multiplier = unit?.multiplier ?? 1;
  const roundedTable = read.rounded || multiplier > 1;
  const valueOf = (c: Cell): TableValue | null => {
    if (typeof c.value !== 'number' || isYearCell(c)) return null;
    if (isPercentUnit(c.unit)) return null;
    const own = c.unit ? multiplierOf(c.unit) : null;
    const m = own ?? multiplier;
    const decimals = c.decimals ?? 0;
    const rounded = roundedTable || m > 1 || decimals > 0;
    return { cell: c, value: Math.abs(c.value) * m, tolerance: rounded ? 0.5 * 10 ** -decimals * m : 0 };
  };
  const values: TableValue[] = [];
  for (const row of read.rows) for (const c of row.cells) if (c) {
    const v = valueOf(c);
    if (v) values.push(v);
  }
  const titles = titleTexts(read);
  const titleWords = lazy(() => titles.flatMap(contentWords));
  const titleYears = lazy(() => titles.flatMap(yearsIn));
  // Each total repeats the labels of its row, column and addends: their words are read once per table.
  const wordCache = new Map<string, string[]>();
  const wordsOf = (text: string): string[] => {
    let words = wordCache.get(text);
    if (!words) wordCache.set(text, (words = contentWords(text)));
    return words;
  };
  const totals: TableTotal[] = [];
  const seen = new Set<Cell>();
  for (const check of analysis.checks) {
    if (check.kind === 'difference' || seen.has(check.cell)) continue;
    seen.add(check.cell);
    const v = valueOf(check.cell);
    if (!v) continue;
    totals.push({
      ...v,
      tolerance: addedRounding(v, check.addends.map((x) => valueOf(x.cell))),
      label: check.rowLabel,
      column: check.columnName,
      row: check.row,
      col: check.col,
      // Not the other columns' names: "Tomgang" is not what the column "Antal boliger" counts.
      named: lazy(() => [...wordsOf(check.rowLabel), ...wordsOf(check.columnName)]),
      own: lazy(() => [...wordsOf(check.rowLabel), ...wordsOf(check.columnName), ...titleWords()]),
      parts: lazy(() => check.addends.map((a) => wordsOf(a.label))),
      years: lazy(() => new Set([...yearsIn(check.rowLabel), ...yearsIn(check.columnName), ...titleYears()])),
    });
  }
  const columnWords = lazy(() => {
    const out = new Map<number, string[]>();
    for (const col of read.columns) if (col.kind === 'amount' && col.name) out.set(col.index, wordsOf(col.name));
    return out;
  });
  // Only a table without a total shares out a figure; read only for a sentence that leads into one.
  const distributions = lazy(() => (totals.length > 0 ? [] : distributionsOf(read, valueOf, multiplier)));
  return { table, columnWords, dimension, multiplier, unitText: unit?.text, values, totals, distributions };
}

/**
 * How far a rounded table's total may be from the exact figure the text rounds: each rounded
 * addend may be off by half its last digit, and a total written as their sum adds that up. The
 * tolerance comes from the table's addends, never from how round the text's figure looks.
 */
export function addedRounding(total: TableValue, addends: (TableValue | null)[]): number {
  const added = addends.reduce((sum, a) => sum + (a?.tolerance ?? 0), 0);
  return Math.max(total.tolerance, added);
}

/** Texts that name the whole table: the lines above it, its title and unit rows, the header over the labels. */
export function titleTexts(read: ReadTable): string[] {
  const out: string[] = [];
  for (const h of read.table.head ?? []) out.push(h.text);
  for (const row of read.rows) {
    if (row.kind === 'title' || row.kind === 'unit') {
      for (const c of row.cells) if (c && c.text !== '') out.push(c.text);
    } else if (row.kind === 'header') {
      row.cells.forEach((c, j) => {
        if (c && c.text !== '' && read.columns[j]?.kind === 'label') out.push(c.text);
      });
    }
  }
  return out;
}

/** Texts that describe a table: the lines above it (PDF), its title, header and unit rows. */
export function describingTexts(read: ReadTable): string[] {
  const out: string[] = [];
  for (const h of read.table.head ?? []) out.push(h.text);
  for (const row of read.rows) {
    if (row.kind !== 'title' && row.kind !== 'header' && row.kind !== 'unit') continue;
    for (const c of row.cells) if (c && c.text !== '') out.push(c.text);
  }
  for (const col of read.columns) if (col.name) out.push(col.name);
  return out;
}

/**
 * Each table by the line it starts on (its first head line, else its range's first line: a stacked
 * table's first row, its header, stands on the line of the amounts' header, below its labels).
 */
export function firstLines(tables: Table[]): Map<number, Table> {
  const out = new Map<number, Table>();
  for (const t of tables) out.set(Math.min(t.range.start.line, ...(t.head ?? []).map((h) => h.range.start.line)), t);
  return out;
}

export function linesOf(tables: Table[]): Set<number> {
  const lines = new Set<number>();
  for (const t of tables) {
    for (const r of t.rows) for (let l = r.range.start.line; l <= r.range.end.line; l++) lines.add(l);
    for (const h of t.head ?? []) lines.add(h.range.start.line);
    for (const f of t.footnotes) lines.add(f.range.start.line);
  }
  return lines;
}
