/**
 * Reading a table: which rows are its title, header and unit rows, which column holds
 * the labels and which hold amounts, which rows are totals, parts ("Heraf …"), group
 * headings or wrapped labels. The parser only split the text into cells; this is where
 * the table is understood, so that the arithmetic in check.ts adds up the right cells.
 */
import type { Cell, Footnote, Row, Table } from '../model';
import { isMoneyUnit, isPercentUnit, isRoundedUnit } from '../amounts';
import type { TableVocabulary } from '../profiles/profile';
import { classifyLabel, explainsDifference, foldLabel, type Strength } from './words';
import { isAmountCell, isYearCell, joinWrapped, layout } from './layout';

export { isUnitCell, isYearCell } from './layout';

// Module constants rather than literals in the functions: the bundler turns a literal with
// \p{…} into `new RegExp(…)`, which would be built again on every call.
const STARTS_LOWER = /^\p{Ll}/u;
const STARTS_UPPER = /^\p{Lu}/u;

export type RowKind =
  | 'title' // a caption row above the header
  | 'header' // column names (text or years); in the middle of a table it starts a new segment
  | 'unit' // "Beløb i 1.000 kr."
  | 'group' // a label alone: a group heading
  | 'continuation' // a label wrapped onto a line of its own, joined to its row
  | 'data'
  | 'part' // "Heraf …", "- …" under a row: a part of the row above, not an addend
  | 'total'
  | 'notSum' // "Gennemsnit", "Andel i pct.": never summed
  | 'unaligned'; // a PDF row with fewer numbers than the columns: its cells cannot be placed

export interface TableRow {
  index: number;
  row: Row;
  /** The label as written (wrapped parts joined). */
  label: string;
  labelCell?: Cell;
  /** Cells by column; undefined where the row has none. */
  cells: (Cell | undefined)[];
  kind: RowKind;
  /** How sure the label is that this is a total ('inferred': the arithmetic found a total-first row). */
  total?: Strength | 'inferred';
  /** The label states a difference ("Overskud", "Nettotilflytning"). */
  difference: boolean;
  /** Segments are separated by a header row in the middle of a table: totals never cross them. */
  segment: number;
  /** The row began with an extra empty cell (Word indentation): a sub-row of a neighbouring row. */
  indented: boolean;
  /**
   * The label states a balance ("Beholdning 1. januar", "Saldo ultimo"): the totals under it may
   * add up the movements since it, and a balance under another may be that balance plus the
   * movements between (see balances.ts).
   */
  balance: boolean;
  /**
   * Labelled as a total, read as an addend ("Husleje i alt" as one line of the expenses, its
   * detail not shown): no rows above or below add up to it, and counted in, the next total is
   * exact. Set by the check (addends.ts); its kind is then 'data'.
   */
  addend?: boolean;
}

export type ColumnKind = 'label' | 'amount' | 'notSum' | 'text';

export interface TableColumn {
  index: number;
  /** The column heading (header rows joined), '' when none. */
  name: string;
  kind: ColumnKind;
  /** The heading names a row total ("I alt", "Total"). */
  total?: Strength;
  /** The heading states a difference ("Forskel", "Nettotilflytning"). */
  difference: boolean;
  /** A part of another column ("Heraf kvinder"): no addend of a row total. */
  part: boolean;
  /** The heading states a balance ("Beholdning primo", "Ultimo"). */
  balance: boolean;
}

export interface ReadTable {
  table: Table;
  rows: TableRow[];
  columns: TableColumn[];
  /** Index of the first data row; rows.length when the table has none. */
  firstData: number;
  /** The amounts are rounded (a unit such as "Beløb i 1.000 kr." or "mio. kr."). */
  rounded: boolean;
  /**
   * The amounts are money ("Beløb", "kr." in the header, caption or cells): amounts in whole
   * kroner are often computed (a share, a rate) and rounded, so they too may differ from
   * their sum by half a krone each. Counts (persons, cases) are not rounded.
   */
  money: boolean;
  /** Footnote markers under the table that are numbers ("1", "¹" → "1"): candidates for glued markers. */
  digitMarkers: { marker: string; footnote: Footnote }[];
  /** A note under the table that explains differences (rounding). */
  explainingNote?: Footnote;
  /** Column names per segment: a header in the middle of a table renames its columns. */
  segmentNames: string[][];
}

/** The name of a column as the header above the row has it. */
export function columnName(read: ReadTable, col: number, segment: number): string {
  return read.segmentNames[segment]?.[col] ?? read.columns[col]?.name ?? '';
}

const SUPERSCRIPT: Record<string, string> = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' };

function hasValue(c: Cell | undefined): boolean {
  return c !== undefined && c.value !== undefined;
}

/**
 * Rows read of one table. Tables in minutes have tens of rows; a pasted data dump of
 * thousands is read only this far, so checking stays fast on every keystroke.
 */
export const MAX_TABLE_ROWS = 1000;

/**
 * One table read: its grid (layout.ts), header, label and amount columns, each row's kind and segment, its
 * unit and notes. Longer than our usual function (about 180 lines) on purpose: its phases, each marked by a
 * comment, share the rows, the columns and the first data row, and split apart they would pass those
 * between six functions that make sense only in this order.
 */
export function readTable(table: Table, vocab: TableVocabulary): ReadTable {
  const grid = layout(table).slice(0, MAX_TABLE_ROWS);
  const width = grid.reduce((w, r) => Math.max(w, r.cells.length), 0);
  const numbered = grid.filter((r) => r.cells.some((c, j) => j > 0 && isAmountCell(c)));
  // Column 0 holds the labels unless it holds amounts in most rows (a table of numbers only).
  const labelColumn =
    table.form === 'space' || table.form === 'cells' || table.form === 'stacked' || numbered.filter((r) => isAmountCell(r.cells[0])).length * 2 <= numbered.length;
  const firstCol = labelColumn ? 1 : 0;

  let firstData = grid.findIndex((r) => !r.unaligned && r.cells.some((c, j) => j >= firstCol && isAmountCell(c)));
  if (firstData < 0) firstData = grid.length;

  // Rows above the first data row: title, header, unit.
  const rows: TableRow[] = grid.map((g, index) => ({
    index,
    row: g.row,
    label: '',
    cells: g.cells,
    kind: 'data' as RowKind,
    difference: false,
    segment: 0,
    indented: g.indented === true,
    balance: false,
  }));
  if (firstData === grid.length) {
    // No amounts at all (a timeline, a list in columns): nothing to add up.
    for (const row of rows) {
      row.kind = 'header';
      row.label = row.cells[0]?.text ?? '';
    }
    const columns: TableColumn[] = times(width, (index) => ({ index, name: '', kind: 'text' as ColumnKind, difference: false, part: false, balance: false }));
    return { table, rows, columns, firstData, rounded: false, money: false, digitMarkers: [], segmentNames: [] };
  }
  const headerTexts: string[][] = times(width, () => []);
  let headerFirst = '';
  for (let r = 0; r < firstData; r++) {
    const cells = rows[r].cells;
    const filled = cells.filter((c) => c !== undefined && c.text !== '');
    if (filled.length === 1 && classifyLabel(filled[0]!.text, vocab).unit && !isYearCell(filled[0])) rows[r].kind = 'unit';
    else if (r === 0 && filled.length === 1 && cells[0]?.text && firstData > 1 && !isYearCell(cells[0])) rows[r].kind = 'title';
    else {
      rows[r].kind = 'header';
      cells.forEach((c, j) => c?.text && headerTexts[j].push(c.text));
      if (!headerFirst && cells[0]?.text) headerFirst = cells[0].text;
    }
    rows[r].label = cells[0]?.text ?? '';
  }
  const names = headerTexts.map((t) => t.join(' '));
  if (table.head && table.form === 'space') nameFromHead(table, width, names);

  const columns = classifyColumns(rows, firstData, width, labelColumn, names, vocab);
  const amount = (j: number) => columns[j]?.kind === 'amount';

  // Labels: the text of the label and text columns; wrapped labels joined.
  for (let r = firstData; r < rows.length; r++) {
    const row = rows[r];
    const texts: string[] = [];
    row.cells.forEach((c, j) => {
      if (c && c.text !== '' && (columns[j]?.kind === 'label' || columns[j]?.kind === 'text')) {
        texts.push(c.text);
        if (!row.labelCell) row.labelCell = c;
      }
    });
    row.label = texts.join(' ');
  }
  const hasAmount = (row: TableRow) => row.cells.some((c, j) => amount(j) && hasValue(c));
  // The first data row's label may have begun on the line above, read as a header line.
  const above = rows[firstData - 1];
  if (above && above.kind === 'header' && firstData > 1) {
    const filled = above.cells.filter((c) => c !== undefined && c.text !== '');
    const data = rows[firstData];
    if (filled.length === 1 && filled[0] === above.cells[0] && data.row.line === above.row.line + 1 && (STARTS_LOWER.test(data.label) || /[-,]$/.test(above.label))) {
      above.kind = 'continuation';
      data.label = joinWrapped(above.label, data.label);
      data.labelCell ??= above.cells[0];
    }
  }
  for (let r = firstData; r < rows.length; r++) {
    const row = rows[r];
    if (grid[r].unaligned) continue;
    if (hasAmount(row)) {
      // Years over the amount columns in the middle ("Område 2023 2024"): the header of a
      // table that follows on, not a row of amounts.
      const values = row.cells.filter((c, j) => amount(j) && typeof c?.value === 'number');
      if (values.every(isYearCell) && (values.length >= 2 || row.label === '')) row.kind = 'header';
      continue;
    }
    const filled = row.cells.filter((c) => c !== undefined && c.text !== '');
    if (filled.length === 0) {
      row.kind = 'group';
      continue;
    }
    if (filled.length === 1 && classifyLabel(filled[0]!.text, vocab).unit) {
      row.kind = 'unit';
      continue;
    }
    if (row.cells.some((c, j) => amount(j) && c !== undefined && c.text !== '')) {
      // Column names over the amount columns in the middle: a new header.
      row.kind = 'header';
      continue;
    }
    if (filled.length > 1 || filled[0] !== row.labelCell) {
      // Text in the label columns only ("2.01 | Drift"): a group heading.
      row.kind = 'group';
      continue;
    }
    row.kind = 'group';
    const next = rows[r + 1];
    const prev = rows[r - 1];
    const startsLower = STARTS_LOWER.test(row.label);
    if (next && next.row.line === row.row.line + 1 + spanOf(row) && hasAmount(next) && (STARTS_LOWER.test(next.label) || next.label === '' || /[-,]$/.test(row.label))) {
      // "Behov for bevillinger på driften," / "jf. fagudvalg 62.484": the label goes on below.
      next.label = joinWrapped(row.label, next.label);
      if (!next.labelCell) next.labelCell = row.labelCell;
      row.kind = 'continuation';
    } else if (startsLower && prev && hasAmount(prev) && row.row.line === prev.row.range.end.line + 1) {
      prev.label = joinWrapped(prev.label, row.label);
      row.kind = 'continuation';
    }
  }

  // Segments, kinds of the rows with amounts.
  let segment = 0;
  let blockHasPlain = false;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (r >= firstData && row.kind === 'header') {
      segment++;
      blockHasPlain = false;
    }
    row.segment = segment;
    if (r < firstData || row.kind === 'header' || (!hasAmount(row) && !grid[r].unaligned)) continue;
    if (grid[r].unaligned) {
      row.kind = 'unaligned';
      continue;
    }
    const cls = classifyLabel(row.label, vocab);
    row.difference = cls.difference;
    row.balance = cls.balance;
    if (cls.notSum) {
      row.kind = 'notSum';
      continue;
    }
    const dashed = cls.dashed;
    if (cls.sub || (dashed && blockHasPlain)) {
      row.kind = 'part';
      continue;
    }
    let strength = cls.total;
    if (!strength && headerFirst && foldLabel(row.label) !== '' && foldLabel(row.label) === foldLabel(headerFirst)) strength = 'strong';
    if (strength) {
      row.kind = 'total';
      row.total = strength;
      blockHasPlain = false;
      continue;
    }
    row.kind = 'data';
    if (!dashed) blockHasPlain = true;
  }

  const segmentNames: string[][] = [columns.map((c) => c.name)];
  for (let r = firstData; r < rows.length; r++) {
    if (rows[r].kind === 'header') segmentNames[rows[r].segment] = times(width, (j) => rows[r].cells[j]?.text ?? '');
  }

  const describing = rows.filter((r) => r.kind === 'unit' || r.kind === 'title' || r.kind === 'header');
  const aboveTexts = [...(table.head ?? []), ...(table.above ?? [])].map((h) => h.text);
  const money =
    describing.some((r) => r.cells.some((c) => c !== undefined && classifyLabel(c.text, vocab).money)) ||
    aboveTexts.some((t) => classifyLabel(t, vocab).money) ||
    rows.some((r) => r.cells.some((c, j) => amount(j) && isMoneyUnit(c?.unit)));
  let rounded = rows.some((r) => (r.kind === 'unit' || r.kind === 'title' || r.kind === 'header') && r.cells.some((c) => c !== undefined && classifyLabel(c.text, vocab).roundedUnit));
  if (!rounded) rounded = aboveTexts.some((t) => classifyLabel(t, vocab).roundedUnit);
  if (!rounded) rounded = rows.some((r) => r.cells.some((c, j) => amount(j) && isRoundedUnit(c?.unit)));

  const digitMarkers: ReadTable['digitMarkers'] = [];
  let explainingNote: Footnote | undefined;
  for (const f of table.footnotes) {
    if (f.marker) {
      const digits = [...f.marker].map((ch) => SUPERSCRIPT[ch] ?? ch).join('');
      if (/^\d+$/.test(digits)) digitMarkers.push({ marker: digits, footnote: f });
    }
    if (!explainingNote && explainsDifference(f.body, vocab)) explainingNote = f;
  }
  return { table, rows, columns, firstData, rounded, money, digitMarkers, explainingNote, segmentNames };
}

/**
 * What `Array.from({ length: n }, (_, i) => make(i))` gives: V8 takes a slow generic path for an array-like
 * object, which cost more than the rest of reading the header of a small table.
 */
function times<T>(n: number, make: (i: number) => T): T[] {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(make(i));
  return out;
}

function spanOf(row: TableRow): number {
  return row.row.range.end.line - row.row.line;
}

/**
 * Column names of a PDF table from the lines above it: split at runs of spaces when
 * they give as many names as columns, else the last capitalised words, one a column
 * ("Første kvartal 2019 Nystartede Tilflyttere Fraflyttere Nettotilflytning").
 */
function nameFromHead(table: Table, width: number, names: string[]): void {
  const k = width - 1;
  if (k < 1 || !table.head) return;
  for (let h = table.head.length - 1; h >= 0; h--) {
    const text = table.head[h].text;
    const parts = text.split(/\s{2,}/).filter((p) => p !== '');
    if (parts.length === k || parts.length === k + 1) {
      const offset = width - parts.length;
      parts.forEach((p, q) => (names[offset + q] = p));
      return;
    }
    const tokens = text.split(/\s+/).filter((p) => p !== '');
    const last = tokens.slice(-k);
    if (tokens.length >= k && last.every((t) => STARTS_UPPER.test(t))) {
      last.forEach((t, q) => (names[1 + q] = t));
      names[0] = tokens.slice(0, tokens.length - k).join(' ');
      return;
    }
  }
}

function classifyColumns(
  rows: TableRow[],
  firstData: number,
  width: number,
  labelColumn: boolean,
  names: string[],
  vocab: TableVocabulary,
): TableColumn[] {
  const columns: TableColumn[] = [];
  for (let j = 0; j < width; j++) {
    let num = 0;
    let none = 0;
    let text = 0;
    let percent = 0;
    let years = 0;
    let malformed = 0;
    for (let r = firstData; r < rows.length; r++) {
      const c = rows[r].cells[j];
      if (!c || c.text === '') continue;
      if (c.value === null) none++;
      else if (typeof c.value === 'number') {
        num++;
        if (isPercentUnit(c.unit)) percent++;
        if (isYearCell(c)) years++;
        if (c.malformed) malformed++;
      } else text++;
    }
    const name = names[j] ?? '';
    let kind: ColumnKind;
    if (j === 0 && labelColumn) kind = 'label';
    else if (num + none === 0 || text > num) kind = 'text';
    else if (classifyLabel(name, vocab).notSum || classifyLabel(name, vocab).code) kind = 'notSum';
    else if (percent * 2 >= num && percent > 0) kind = 'notSum';
    else if (years === num && num >= 2) kind = 'notSum';
    else if (malformed * 2 > num) kind = 'notSum';
    else kind = 'amount';
    const column: TableColumn = { index: j, name, kind, difference: false, part: false, balance: false };
    if (kind === 'amount') {
      const cls = classifyLabel(name, vocab);
      if (cls.total) column.total = cls.total;
      column.difference = cls.difference;
      column.part = cls.sub;
      column.balance = cls.balance;
    }
    columns.push(column);
  }
  return columns;
}
