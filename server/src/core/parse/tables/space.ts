/**
 * Space-aligned tables, as PDF text extraction leaves them: a label followed by two or more
 * numbers, separated by single spaces or runs of spaces, line after line; the column names often
 * stand on lines of their own above (headLines). A group heading or a wrapped label between rows
 * is a row with only a label (label-lines.ts).
 */
import type { Cell, Row, Table, TextRef } from '../../model';
import { isAsciiDigit } from '../../text/chars';
import { isSwitchLine } from '../../text/switch-lines';
import type { LineIndex } from '../../text/lines';
import { cell } from './cell';
import { isLabelLine, labelRow, SENTENCE_OR_LABEL_END } from './label-lines';

// One number of a space-separated row: Danish digits, an optional footnote marker and
// unit, or a dash alone ("none"). Used both in SPACE_ROW and to split a row into cells.
// Local, not the amount grammar (core/amounts.ts): it only finds where the cells of a row
// end, with the units written with their dots as PDF rows have them; each cell is then read
// with parseDanishNumber (numbers.ts), which gives its unit and multiplier.
const NUM = String.raw`(?:[-–−÷]?\d[\d.]*(?:,\d+)?(?:\*{1,3}\)?|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)?(?: ?(?:mio\. ?kr\.?|mia\. ?kr\.?|kr\.|pct\.|%))?|[-–−])`;
// A label followed by two or more numbers, as PDF text leaves a table row.
const SPACE_ROW = new RegExp(String.raw`^(?<label>\S.*?)?(?<numbers>(?:\s+${NUM}){2,})\s*$`, 'u');
const NUM_TOKEN = new RegExp(String.raw`${NUM}(?=\s|$)`, 'uy');
/**
 * Cheap test before SPACE_ROW: a row ends in a digit, a marker, a unit or a dash, as
 * /(?:[\d¹²³⁴⁵⁶⁷⁸⁹⁰%)*\-–−]|kr\.|pct\.)$/u says, read from the last character (the pattern, not anchored at
 * its start, is tried at every position of every line of an item).
 */
function mayEndRow(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  if (isAsciiDigit(last)) return true;
  // ⁴-⁹ are U+2074-U+2079; ¹²³ are Latin-1, ⁰ stands alone at U+2070.
  if (last >= 0x2074 && last <= 0x2079) return true;
  switch (last) {
    case 0xb9: case 0xb2: case 0xb3: case 0x2070: // ¹ ² ³ ⁰
    case 0x25: case 0x29: case 0x2a: // % ) *
    case 0x2d: case 0x2013: case 0x2212: // - – −
      return true;
    case 0x2e: // "kr." and "pct."
      return text.endsWith('kr.') || text.endsWith('pct.');
    default:
      return false;
  }
}
const MAX_BLANKS_IN_SPACE_TABLE = 3;
// Made once: a literal inside a function is a new object at every call, and this runs per character.
const WHITESPACE = /\s/;

/** Whether a line is a row of a space-aligned table: a short label (or none) and two or more numbers. */
export function isSpaceRow(text: string): boolean {
  // The looks at one character first: they rule out most lines, the search for a tab reads the whole line.
  if (text === '' || text.length > 160 || text.startsWith('|') || !mayEndRow(text) || text.includes('\t')) return false;
  const m = SPACE_ROW.exec(text);
  if (!m?.groups) return false;
  const label = m.groups.label ?? '';
  // Dashes alone ("- -") are no row: at least one number must have a digit.
  if (!/\d/.test(m.groups.numbers)) return false;
  // A sentence that happens to end in numbers is not a row.
  return label.length <= 60 && !/[.:;]$/.test(label);
}

/**
 * The space-aligned table whose first row is line `start`, with the lines above it that may head it
 * (no higher than `floor`, the end of the previous table); no table when it has fewer than two rows.
 */
export function takeSpaceTable(lines: LineIndex, start: number, to: number, floor: number): { table: Table | null; next: number } {
  let end = start;
  let blanks = 0;
  const members: number[] = [start];
  for (let j = start + 1; j < to; j++) {
    const text = lines.line(j).text;
    if (text === '') {
      if (++blanks > MAX_BLANKS_IN_SPACE_TABLE) break;
      continue;
    }
    if (isSpaceRow(text)) {
      blanks = 0;
      members.push(j);
      end = j;
      continue;
    }
    if (isSwitchLine(text)) continue;
    // A wrapped label or a group heading: a short line right above a row.
    if (j + 1 < to && isLabelLine(text) && isSpaceRow(lines.line(j + 1).text)) {
      blanks = 0;
      members.push(j);
      end = j;
      continue;
    }
    break;
  }
  const rows: Row[] = members.map((j) => (isSpaceRow(lines.line(j).text) ? spaceRow(lines, j) : labelRow(lines, j)));
  if (rows.length < 2) return { table: null, next: end + 1 };
  const table: Table = { form: 'space', range: lines.linesRange(start, end), rows, footnotes: [] };
  const head = headLines(lines, start, floor);
  if (head.length > 0) table.head = head;
  return { table, next: end + 1 };
}

/**
 * The lines above a space-separated table that may head it: PDF text puts the column
 * names on a line of their own, sometimes split over two ("Andet kvartal" / "2019
 * Nystartede …"), with blank lines between. Stops at a sentence or a long line.
 */
function headLines(lines: LineIndex, start: number, floor: number): TextRef[] {
  const out: TextRef[] = [];
  let blanks = 0;
  for (let j = start - 1; j >= floor && out.length < 4; j--) {
    const l = lines.line(j);
    if (l.text === '') {
      if (++blanks > MAX_BLANKS_IN_SPACE_TABLE) break;
      continue;
    }
    blanks = 0;
    if (l.text.length > 100 || SENTENCE_OR_LABEL_END.test(l.text) || l.raw.includes('\t') || l.text.startsWith('|')) break;
    out.push({ text: l.text, range: lines.textRange(j) });
  }
  return out.reverse();
}

/** Line j read as a space-aligned row: the label, then one cell per number. */
function spaceRow(lines: LineIndex, j: number): Row {
  const line = lines.line(j);
  const m = SPACE_ROW.exec(line.text)!;
  const label = m.groups!.label ?? '';
  const cells: Cell[] = [];
  const base = line.indent;
  if (label) {
    const labelCell = cell(lines, j, base, label, 'space');
    // A label that is itself a number (not a year) is the first number of a row without label.
    if (labelCell.value === undefined || /^(19|20)\d{2}$/.test(label)) cells.push(labelCell);
    else cells.push(cell(lines, j, base, '', 'space'), labelCell);
  }
  const numbers = m.groups!.numbers;
  let at = 0;
  while (at < numbers.length) {
    while (at < numbers.length && WHITESPACE.test(numbers[at])) at++;
    if (at >= numbers.length) break;
    NUM_TOKEN.lastIndex = at;
    const t = NUM_TOKEN.exec(numbers);
    const len = t ? t[0].length : numbers.slice(at).search(/\s|$/);
    cells.push(cell(lines, j, base + label.length + at, numbers.slice(at, at + len), 'space'));
    at += Math.max(1, len);
  }
  return { line: j, range: lines.textRange(j), cells };
}
