/**
 * Tables written column after column ("column-stacked"), as PDF text extraction often leaves a
 * table of labels and amounts: first the label column, one cell a line, then the amount column,
 * one cell a line, each maybe under its header line:
 *
 *   Område / Skoler / Dagtilbud / I alt / Beløb i kr. / 1.500.000 / 1.200.000 / 2.700.000
 *
 * is the table `Område | Beløb i kr.`, `Skoler | 1.500.000`, … `I alt | 2.700.000`.
 *
 * Read only when the counts match, so that a list of names or a paragraph with figures is never
 * taken for a table: a run of short text lines and then as many lines that are each a number alone
 * (no year), at least three; nothing that goes on after them (another number would make the counts
 * differ; a text line with numbers under it a rhythm of another kind), and the run of text lines
 * begins right after a sentence, a blank stretch or the previous table, so that no line of it is
 * left over: a caption or a heading line right above the labels makes the counts differ, and the
 * table is not read. Blank lines between cells are allowed, as in one-cell-a-line tables. One amount
 * column only: two or more blocks of amounts, each under its header, are the transposed
 * one-cell-a-line table cells.ts reads (from three blocks on).
 */
import type { Cell, Row, Table } from '../../model';
import type { TableVocabulary } from '../../profiles/profile';
import { isUnitCell, isYearCell } from '../../tables/layout';
import { classifyLabel } from '../../tables/words';
import type { LineIndex } from '../../text/lines';
import { cell } from './cell';
import type { CellKind } from './cells';

/** Rows a stacked table has at least (as a one-cell-a-line table), and at most (beyond, a list of numbers). */
const MIN_ROWS = 3;
const MAX_ROWS = 200;
/** Blank lines between two cells, at most. */
const MAX_BLANKS = 2;
/** The longest unit line read as the amounts' header ("Beløb i 1.000 kr."). */
const MAX_UNIT_LINE = 40;
/** A line that names a year: the amounts' period ("Budget 2024"), so it heads their column. */
const NAMES_YEAR = /(?<!\d)(?:19|20)\d\d(?!\d)/;
/** A label that ends in two numbers is a PDF row ("Skoler 100 120"), not a cell. */
const ENDS_IN_NUMBERS = /\d[\d.,]*\s+[-–−]?\d[\d.,]*\s*$/;

/**
 * The line kinds a stacked table is read by: those of one-cell-a-line tables, but a section heading
 * is no cell (the labels begin under it), and a unit line is one ("Beløb i 1.000 kr.": the amounts'
 * header, which reads as a short sentence otherwise).
 */
export function stackedCellKinds(lines: LineIndex, kindOf: (j: number) => CellKind, vocab: TableVocabulary, headingLines: ReadonlySet<number>): (j: number) => CellKind {
  return (j) => {
    if (headingLines.has(j)) return null;
    const kind = kindOf(j);
    if (kind !== null) return kind;
    const text = lines.line(j).text;
    return text.length <= MAX_UNIT_LINE && !text.includes('\t') && !text.startsWith('|') && classifyLabel(text, vocab).unit ? 'T' : null;
  };
}

/**
 * The stacked table whose text run begins at `start`, or null. `kindOf` classifies a line as a
 * number ('N'), a short text ('T') or neither (cells.ts); `floor` is the end of the previous table.
 */
export function takeStackedTable(
  lines: LineIndex,
  start: number,
  to: number,
  floor: number,
  kindOf: (j: number) => CellKind,
  vocab: TableVocabulary,
): { table: Table; next: number } | null {
  if (kindOf(start) !== 'T') return null;
  // Only where the run of text lines begins: inside it, the reading from its first line decides.
  const before = nonBlank(lines, start - 1, floor, -1);
  if (before >= 0 && kindOf(before) !== null) return null;
  const run = readRun(lines, start, to, kindOf);
  if (!run) return null;
  const { texts } = run;
  let numbers = run.numbers;
  // "1.000 kr." or "2024" alone above the amounts heads them: a unit or a period, not an amount.
  const firstAmount = cellOf(lines, numbers[0]);
  let amountHead: number | undefined;
  let labelsEnd = texts.length;
  if (isUnitCell(firstAmount) || isYearCell(firstAmount)) {
    amountHead = numbers[0];
    numbers = numbers.slice(1);
  }
  const n = numbers.length;
  if (n < MIN_ROWS || n > MAX_ROWS) return null;
  // The counts match: n labels, and at most a header line over each column. A line more than the
  // amounts must show what it is: the amounts' header (a unit, money, a year), or, when the last
  // label is a total, the labels' header. Else it may as well be a label whose amount is missing.
  const m = texts.length;
  if (amountHead === undefined && m > n) {
    if (headsAmounts(lines, texts, vocab)) {
      amountHead = texts[m - 1];
      labelsEnd = m - 1;
    } else if (!(m === n + 1 && classifyLabel(lines.line(texts[m - 1]).text, vocab).total)) {
      return null;
    }
  }
  const extra = labelsEnd - n;
  if (extra < 0 || extra > 1) return null;
  const labels = texts.slice(extra, labelsEnd);
  const labelHead = extra === 1 ? texts[0] : undefined;
  if (labels.some((j) => ENDS_IN_NUMBERS.test(lines.line(j).text))) return null;

  const amounts = numbers.map((j) => cellOf(lines, j));
  // The amounts are all numbers; a column of years (a timeline) is no column of amounts.
  if (amounts.some((c) => isYearCell(c) || isUnitCell(c))) return null;
  if (amounts.filter((c) => typeof c.value === 'number').length < 2) return null;

  const rows: Row[] = [];
  if (amountHead !== undefined || labelHead !== undefined) {
    // The header row: a column without a header line gets an empty cell, where its header would stand.
    const label = labelHead !== undefined ? cellOf(lines, labelHead) : undefined;
    const head = amountHead !== undefined ? cellOf(lines, amountHead) : undefined;
    const at = (head ?? label)!.range;
    const labelCell: Cell = label ?? { text: '', range: { start: at.start, end: at.start } };
    const headCell: Cell = head ?? { text: '', range: { start: at.end, end: at.end } };
    rows.push({ line: labelHead ?? amountHead!, range: { start: labelCell.range.start, end: headCell.range.end }, cells: [labelCell, headCell] });
  }
  labels.forEach((j, r) => {
    const label = cellOf(lines, j);
    rows.push({ line: j, range: { start: label.range.start, end: amounts[r].range.end }, cells: [label, amounts[r]] });
  });
  const last = numbers[n - 1];
  const table: Table = { form: 'stacked', range: lines.linesRange(labelHead ?? labels[0], last), rows, footnotes: [] };
  return { table, next: last + 1 };
}

/**
 * The text lines from `start` and the number lines right after them, or null when something else
 * comes first, when there are no numbers, or when the rhythm goes on after them.
 */
function readRun(lines: LineIndex, start: number, to: number, kindOf: (j: number) => CellKind): { texts: number[]; numbers: number[] } | null {
  const texts: number[] = [];
  const numbers: number[] = [];
  const maxTexts = MAX_ROWS + 2;
  let blanks = 0;
  let after = -1;
  for (let j = start; j < to; j++) {
    if (lines.line(j).text === '') {
      if (++blanks > MAX_BLANKS) break;
      continue;
    }
    blanks = 0;
    const kind = kindOf(j);
    if (numbers.length === 0) {
      if (kind === 'T' && texts.length < maxTexts) texts.push(j);
      else if (kind === 'N') numbers.push(j);
      else return null;
    } else if (kind === 'N' && numbers.length <= MAX_ROWS) {
      numbers.push(j);
    } else {
      after = j;
      break;
    }
  }
  if (numbers.length === 0 || (after >= 0 && kindOf(after) === 'N')) return null;
  // A text line with a number under it: a one-cell-a-line rhythm, or a second block of amounts.
  if (after >= 0 && kindOf(after) === 'T') {
    const next = nonBlank(lines, after + 1, to, 1);
    if (next >= 0 && kindOf(next) === 'N') return null;
  }
  return { texts, numbers };
}

/**
 * Whether the last text line above the amounts is their column's header rather than the last
 * label: not when it is a total ("I alt" is the last row); yes when the line above it is a total,
 * or when it names a unit, money or a year ("Beløb i kr.", "1.000 kr.", "Budget 2024").
 */
function headsAmounts(lines: LineIndex, texts: number[], vocab: TableVocabulary): boolean {
  const last = lines.line(texts[texts.length - 1]).text;
  if (classifyLabel(last, vocab).total) return false;
  const before = texts.length >= 2 ? lines.line(texts[texts.length - 2]).text : '';
  if (before !== '' && classifyLabel(before, vocab).total) return true;
  const c = classifyLabel(last, vocab);
  return c.unit || c.money || NAMES_YEAR.test(last);
}

/** The nearest non-blank line from `from` in direction `step`, at most MAX_BLANKS blank lines away and not past `limit`; -1 when none. */
function nonBlank(lines: LineIndex, from: number, limit: number, step: 1 | -1): number {
  let blanks = 0;
  for (let j = from; step > 0 ? j < limit : j >= limit; j += step) {
    if (lines.line(j).text !== '') return j;
    if (++blanks > MAX_BLANKS) return -1;
  }
  return -1;
}

function cellOf(lines: LineIndex, j: number): Cell {
  const line = lines.line(j);
  return cell(lines, j, line.indent, line.text, 'stacked');
}
