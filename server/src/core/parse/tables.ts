/**
 * Tables as clerks' text leaves them: tab-separated lines (Word export), Markdown
 * pipe tables, label-plus-numbers lines with single spaces or runs of spaces (PDF
 * extraction), tables with one cell a line (text copied from a web page) and tables
 * written column after column, labels first (PDF text: stacked-tables.ts).
 * This module only finds rows, cells, the header lines above a PDF table and the
 * footnotes under a table; what a total is belongs to core/tables and the rules.
 */
import type { Cell, Footnote, Row, Table, TextRef } from '../model';
import type { TableVocabulary } from '../profiles/profile';
import { stackedCellKinds, takeStackedTable } from './stacked-tables';
import { cell } from './table-cell';
import { parseDanishNumber } from '../numbers';
import { isSwitchLine } from '../suppress';
import type { LineIndex } from '../text/lines';

const PIPE_RULE = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/;
// One number of a space-separated row: Danish digits, an optional footnote marker and
// unit, or a dash alone ("none"). Used both in SPACE_ROW and to split a row into cells.
// Local, not the amount grammar (core/amounts.ts): it only finds where the cells of a row
// end, with the units written with their dots as PDF rows have them; each cell is then read
// with parseDanishNumber (numbers.ts), which gives its unit and multiplier.
const NUM = String.raw`(?:[-–−÷]?\d[\d.]*(?:,\d+)?(?:\*{1,3}\)?|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)?(?: ?(?:mio\. ?kr\.?|mia\. ?kr\.?|kr\.|pct\.|%))?|[-–−])`;
// A label followed by two or more numbers, as PDF text leaves a table row.
const SPACE_ROW = new RegExp(String.raw`^(?<label>\S.*?)?(?<numbers>(?:\s+${NUM}){2,})\s*$`, 'u');
const NUM_TOKEN = new RegExp(String.raw`${NUM}(?=\s|$)`, 'uy');
// Cheap test before SPACE_ROW: a row ends in a digit, a marker, a unit or a dash.
const ROW_END = /(?:[\d¹²³⁴⁵⁶⁷⁸⁹⁰%)*\-–−]|kr\.|pct\.)$/u;
const MAX_BLANKS_IN_SPACE_TABLE = 3;
/** Blank lines a tab or pipe table may have between two of its rows. */
const MAX_BLANKS_IN_DELIMITED = 2;
/** Lines under a table searched for its footnotes. */
const FOOTNOTE_WINDOW = 12;
/** A footnote line: "1 Heraf …", "1) …", "¹ …", "*) …", "(*) …". */
const FOOTNOTE =
  /^(?:(?<digits>\d{1,2})\)?\s+|\((?<paren>\d{1,2}|\*{1,3})\)\s*|(?<sup>[¹²³⁴⁵⁶⁷⁸⁹⁰]+)⁾?\s*|(?<star>\*{1,3})\)?\s*)(?<body>\p{L}.*)$/u;
const NOTE = /^(?:Note|Noter|Anm\.|Anmærkning|Bemærk|NB)\s*[:.]?\s+(?<body>\S.*)$/iu;
const SOURCE = /^(?:Kilde|Kilder)\s*:/iu;
/** One-cell-a-line tables: columns tried, and how far a candidate is read. */
const MAX_CELL_COLUMNS = 8;
const MAX_CELL_LINES = 600;
/** The longest line read as a text cell of a one-cell-a-line table. */
const MAX_CELL_LABEL = 160;

/**
 * Finds the tables in lines [from, to). For stacked tables (stacked-tables.ts), the vocabulary tells
 * a header line from the last label, and `headingLines` (the item's section headings) bound the run
 * of labels. What a total is, is otherwise for core/tables to say.
 */
export function findTables(lines: LineIndex, from: number, to: number, vocab: TableVocabulary, headingLines: ReadonlySet<number> = NO_LINES): Table[] {
  const tables: Table[] = [];
  let i = from;
  // Header lines of a PDF table are searched no higher than the end of the previous table.
  let floor = from;
  const kinds = cellKinds(lines, from, to);
  const stackedKinds = stackedCellKinds(lines, kinds, vocab, headingLines);
  while (i < to) {
    const line = lines.line(i);
    let found: { table: Table | null; next: number } | null = null;
    if (line.text.startsWith('|')) {
      found = takeDelimited(lines, i, to, 'pipe');
    } else if (line.raw.includes('\t') && line.text !== '') {
      found = takeDelimited(lines, i, to, 'tab');
    } else if (isSpaceRow(line.text)) {
      found = takeSpaceTable(lines, i, to, floor);
    } else if (line.text !== '') {
      found = takeCellTable(lines, i, to, kinds) ?? takeStackedTable(lines, i, to, floor, stackedKinds, vocab);
    }
    if (!found) {
      i++;
      continue;
    }
    let next = found.next;
    if (found.table) {
      if (found.table.form !== 'space') {
        const above = linesAbove(lines, found.table.range.start.line, floor);
        if (above.length > 0) found.table.above = above;
      }
      const notes = footnotesAfter(lines, found.table.range.end.line, to);
      found.table.footnotes = notes.footnotes;
      tables.push(found.table);
      next = Math.max(next, notes.last + 1);
      floor = next;
    }
    i = next;
  }
  return tables;
}

const NO_LINES: ReadonlySet<number> = new Set();

function isTabLine(lines: LineIndex, j: number): boolean {
  const l = lines.line(j);
  return l.text !== '' && l.raw.includes('\t');
}

function isPipeLine(lines: LineIndex, j: number): boolean {
  return lines.line(j).text.startsWith('|');
}

// Made once: a literal inside a function is a new object at every call, and these run per line or character.
const SENTENCE_OR_LABEL_END = /[.:;!?]$/;
const LABEL_OR_SENTENCE_END = /[:;!?]$/;
const WHITESPACE = /\s/;

/**
 * A line of its own inside a table that is a wrapped label or a group heading: short,
 * no sentence end, no tab. Whether it continues a label is for the reader to say.
 */
function isLabelLine(text: string): boolean {
  return text !== '' && text.length <= 80 && !text.includes('\t') && !text.startsWith('|') && !SENTENCE_OR_LABEL_END.test(text);
}

function takeDelimited(lines: LineIndex, start: number, to: number, form: 'tab' | 'pipe'): { table: Table | null; next: number } {
  const isRow = form === 'pipe' ? (j: number) => isPipeLine(lines, j) : (j: number) => isTabLine(lines, j);
  const members: number[] = [start];
  let end = start;
  let j = start + 1;
  while (j < to) {
    if (isRow(j)) {
      members.push(j);
      end = j;
      j++;
      continue;
    }
    const text = lines.line(j).text;
    // "referat-disable-next-line RF101" above a row is the clerk's, not the table's.
    if (isSwitchLine(text) && j + 1 < to && isRow(j + 1)) {
      j++;
      continue;
    }
    if (text === '') {
      // Blank lines inside a table (Word export of spaced rows): the table goes on when
      // the next line is a data row or a group heading, not a new table's header.
      let k = j;
      while (k < to && k - j < MAX_BLANKS_IN_DELIMITED && lines.line(k).text === '') k++;
      if (k < to && isRow(k) && continuesTable(lines, k, form)) {
        j = k;
        continue;
      }
      break;
    }
    // A label wrapped onto a line without tabs, between two rows (tab tables only).
    if (form === 'tab' && j + 1 < to && isRow(j + 1) && isLabelLine(text)) {
      members.push(j);
      end = j;
      j++;
      continue;
    }
    break;
  }
  const rows: Row[] = [];
  for (const m of members) {
    if (form === 'pipe' && PIPE_RULE.test(lines.line(m).text)) continue;
    if (form === 'pipe') rows.push(pipeRow(lines, m));
    else if (isTabLine(lines, m)) rows.push(tabRow(lines, m));
    else rows.push(labelRow(lines, m));
  }
  const range = lines.linesRange(start, end);
  // A first row that begins with a tab begins before the line's text: the table begins there too.
  if (rows.length > 0 && rows[0].line === start) range.start = { line: start, character: Math.min(range.start.character, rows[0].range.start.character) };
  const table = rows.length >= 2 ? { form, range, rows, footnotes: [] } : null;
  return { table, next: end + 1 };
}

/** After a blank line, a row continues the table when it has an amount or is a group heading. */
function continuesTable(lines: LineIndex, j: number, form: 'tab' | 'pipe'): boolean {
  if (form === 'pipe' && PIPE_RULE.test(lines.line(j).text)) return false;
  const row = form === 'pipe' ? pipeRow(lines, j) : tabRow(lines, j);
  const rest = row.cells.slice(1);
  if (rest.every((c) => c.text === '')) return row.cells.length > 0 && row.cells[0].text !== '';
  return rest.some((c) => typeof c.value === 'number' && !/^(19|20)\d{2}$/.test(c.text));
}

function takeSpaceTable(lines: LineIndex, start: number, to: number, floor: number): { table: Table | null; next: number } {
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

/** Lines searched above a table for its caption or unit, and how long such a line may be. */
const ABOVE_WINDOW = 8;
const ABOVE_MAX_LENGTH = 80;

/**
 * The short lines just above a table, nearest last: a caption or a unit on a line of its
 * own ("1.000 kr.", "mio. kr.") that Word left outside the table. Stops at running text
 * (a long line) and at the previous table.
 */
function linesAbove(lines: LineIndex, start: number, floor: number): TextRef[] {
  const out: TextRef[] = [];
  for (let j = start - 1; j >= floor && j >= start - ABOVE_WINDOW; j--) {
    const l = lines.line(j);
    if (l.text === '') continue;
    if (l.text.length > ABOVE_MAX_LENGTH) break;
    out.push({ text: l.text, range: lines.textRange(j) });
  }
  return out.reverse();
}

function isSpaceRow(text: string): boolean {
  if (text === '' || text.length > 160 || text.includes('\t') || text.startsWith('|')) return false;
  if (!ROW_END.test(text)) return false;
  const m = SPACE_ROW.exec(text);
  if (!m?.groups) return false;
  const label = m.groups.label ?? '';
  // Dashes alone ("- -") are no row: at least one number must have a digit.
  if (!/\d/.test(m.groups.numbers)) return false;
  // A sentence that happens to end in numbers is not a row.
  return label.length <= 60 && !/[.:;]$/.test(label);
}

/**
 * A table with one cell a line: a label line, then one line per number, again and
 * again ("Skole" / "100" / "120" / "Dagtilbud" / "50" / "60" / "I alt" / …), maybe
 * under a header of as many text lines. At least three rows in the same rhythm, so a
 * few short lines and numbers in running text are never taken for a table.
 */
function takeCellTable(
  lines: LineIndex,
  start: number,
  to: number,
  kindOf: (j: number) => 'N' | 'T' | null,
): { table: Table | null; next: number } | null {
  if (kindOf(start) !== 'T' || !numberFollows(lines, start, to, kindOf)) return null;
  // Read the candidate lazily: non-blank lines with at most two blank lines between them.
  const seq: { j: number; kind: 'N' | 'T' }[] = [];
  let blanks = 0;
  let j = start;
  const fill = (n: number) => {
    while (seq.length < n && j < to && j - start < MAX_CELL_LINES) {
      const text = lines.line(j).text;
      j++;
      if (text === '') {
        if (++blanks > 2) {
          j = to;
          break;
        }
        continue;
      }
      blanks = 0;
      const kind = kindOf(j - 1);
      if (kind === null) {
        j = to;
        break;
      }
      seq.push({ j: j - 1, kind });
    }
    return seq.length >= n;
  };
  fill(MAX_CELL_COLUMNS + 1);
  if (!seq.slice(1).some((s) => s.kind === 'N')) return null;
  let best: { k: number; header: boolean; end: number } | null = null;
  for (let k = 2; k <= MAX_CELL_COLUMNS; k++) {
    let pos = 0;
    let header = false;
    fill(2 * k);
    if (seq.length >= 2 * k && seq.slice(0, k).every((s) => s.kind === 'T') && isDataGroup(seq, k, k)) {
      header = true;
      pos = k;
    }
    let groups = 0;
    while (fill(pos + k) && isDataGroup(seq, pos, k)) {
      groups++;
      pos += k;
    }
    if (groups >= 3 && (!best || pos > best.end)) best = { k, header, end: pos };
  }
  if (!best) return null;
  const rows: Row[] = [];
  for (let p = 0; p < best.end; p += best.k) {
    const group = seq.slice(p, p + best.k);
    const cells = group.map((s) => cell(lines, s.j, lines.line(s.j).indent, lines.line(s.j).text, 'cells'));
    rows.push({ line: group[0].j, range: lines.linesRange(group[0].j, group[group.length - 1].j), cells });
  }
  const last = seq[best.end - 1].j;
  const table: Table = { form: 'cells', range: lines.linesRange(start, last), rows, footnotes: [] };
  // A number alone on the line above the first label belongs to a label before it: the rhythm began
  // earlier than it could be read (a label that ends in a full stop breaks it), so rows may be missing.
  if (start > 0 && kindOf(start - 1) === 'N') table.cut = true;
  return { table, next: last + 1 };
}

/**
 * Whether a number stands among the lines the candidate below starts with (what its first
 * fill(MAX_CELL_COLUMNS + 1) reads, the first line left out), read without allocating: the
 * check runs at every text line, and most have no number under them.
 */
function numberFollows(lines: LineIndex, start: number, to: number, kindOf: (j: number) => 'N' | 'T' | null): boolean {
  let blanks = 0;
  let count = 0;
  for (let j = start; count < MAX_CELL_COLUMNS + 1 && j < to && j - start < MAX_CELL_LINES; j++) {
    if (lines.line(j).text === '') {
      if (++blanks > 2) return false;
      continue;
    }
    blanks = 0;
    const kind = kindOf(j);
    if (kind === null) return false;
    if (count > 0 && kind === 'N') return true;
    count++;
  }
  return false;
}

function isDataGroup(seq: { kind: 'N' | 'T' }[], at: number, k: number): boolean {
  if (at + k > seq.length || seq[at].kind !== 'T') return false;
  for (let q = at + 1; q < at + k; q++) if (seq[q].kind !== 'N') return false;
  return true;
}

/** A line as one cell: a number ('N'), a short text ('T'), or neither (a sentence). */
function cellKind(text: string): 'N' | 'T' | null {
  if (text.length <= 30 && parseDanishNumber(text)) return 'N';
  if (text.length > MAX_CELL_LABEL || text.includes('\t') || text.startsWith('|') || text.startsWith('#') || LABEL_OR_SENTENCE_END.test(text)) return null;
  // A long label ("Forløbsprogrammer (patientuddannelse, træning …)") is a cell; a long line
  // ending in a full stop is a sentence.
  if (text.length > 60 && text.endsWith('.')) return null;
  // A sentence (several words ending in a full stop) is not a cell: more than three words
  // split at single spaces, i.e. three spaces or more (counted, not split into an array).
  if (text.endsWith('.')) {
    let spaces = 0;
    for (let at = text.indexOf(' '); at !== -1; at = text.indexOf(' ', at + 1)) if (++spaces >= 3) return null;
  }
  return 'T';
}

const KIND_UNKNOWN = 0;
const KIND_CODES = [null, 'N', 'T'] as const;

/**
 * cellKind of the lines [from, to), each computed once: takeCellTable is tried at every
 * text line and looks ahead up to nine lines, so the same line would be classified again
 * and again. Codes: 0 not yet read, 1 'N', 2 'T', 3 null.
 */
function cellKinds(lines: LineIndex, from: number, to: number): (j: number) => 'N' | 'T' | null {
  const codes = new Uint8Array(Math.max(0, to - from));
  return (j) => {
    let code = codes[j - from];
    if (code === KIND_UNKNOWN) {
      const kind = cellKind(lines.line(j).text);
      code = codes[j - from] = kind === 'N' ? 1 : kind === 'T' ? 2 : 3;
    }
    return code === 3 ? null : KIND_CODES[code];
  };
}

function footnotesAfter(lines: LineIndex, end: number, to: number): { footnotes: Footnote[]; last: number } {
  const footnotes: Footnote[] = [];
  let last = end;
  let blanks = 0;
  for (let j = end + 1; j < to && j <= end + FOOTNOTE_WINDOW; j++) {
    const l = lines.line(j);
    if (l.text === '') {
      if (++blanks > 2) break;
      continue;
    }
    blanks = 0;
    if (l.text.length > 400) break;
    if (SOURCE.test(l.text) || isSwitchLine(l.text)) continue;
    const f = FOOTNOTE.exec(l.text);
    const n = f ? null : NOTE.exec(l.text);
    if (!f?.groups && !n?.groups) break;
    const g = (f ?? n)!.groups!;
    const marker = f ? (g.digits ?? g.paren ?? g.sup ?? g.star) : null;
    footnotes.push({ text: l.text, range: lines.textRange(j), marker, body: g.body });
    last = j;
  }
  return { footnotes, last };
}

function tabRow(lines: LineIndex, j: number): Row {
  const line = lines.line(j);
  const cells: Cell[] = [];
  let col = 0;
  for (const part of line.clean.split('\t')) {
    cells.push(cell(lines, j, col, part, 'tab'));
    col += part.length + 1;
  }
  // A leading or trailing tab leaves an empty cell outside the trimmed text: the row spans it too.
  const text = lines.textRange(j);
  const from = Math.min(text.start.character, cells[0].range.start.character);
  const to = Math.max(text.end.character, cells[cells.length - 1].range.end.character);
  return { line: j, range: lines.span(j, from, to), cells };
}

function pipeRow(lines: LineIndex, j: number): Row {
  const line = lines.line(j);
  const cells: Cell[] = [];
  const s = line.clean;
  let col = s.indexOf('|') + 1;
  const last = s.lastIndexOf('|');
  while (col <= last) {
    const next = s.indexOf('|', col);
    if (next < 0) break;
    cells.push(cell(lines, j, col, s.slice(col, next), 'pipe'));
    col = next + 1;
  }
  return { line: j, range: lines.textRange(j), cells };
}

/** A line of a table with only a label on it (a group heading or a wrapped label). */
function labelRow(lines: LineIndex, j: number): Row {
  const line = lines.line(j);
  return { line: j, range: lines.textRange(j), cells: [cell(lines, j, line.indent, line.text, 'space')] };
}

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
