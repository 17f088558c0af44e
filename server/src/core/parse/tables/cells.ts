/**
 * Tables with one cell a line, as text copied from a web page leaves them: a label line, then one
 * line per number, again and again. Each line's kind (a number, a short text, neither) is read once
 * (cellKinds) and shared with the stacked reader (stacked.ts), which reads the same lines another way.
 */
import type { Row, Table } from '../../model';
import { parseDanishNumber } from '../../numbers';
import type { LineIndex } from '../../text/lines';
import { cell } from './cell';

/** A line as one cell: a number ('N'), a short text ('T'), or neither (a sentence). */
export type CellKind = 'N' | 'T' | null;

/** One-cell-a-line tables: columns tried, and how far a candidate is read. */
const MAX_CELL_COLUMNS = 8;
const MAX_CELL_LINES = 600;
/** The longest line read as a text cell of a one-cell-a-line table. */
const MAX_CELL_LABEL = 160;
/** Whether a line ends as a label or a sentence does (":", ";", "!", "?"): read from its last character. */
function endsLabelOrSentence(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return last === 58 /* : */ || last === 59 /* ; */ || last === 33 /* ! */ || last === 63 /* ? */;
}

/**
 * A table with one cell a line: a label line, then one line per number, again and
 * again ("Skole" / "100" / "120" / "Dagtilbud" / "50" / "60" / "I alt" / …), maybe
 * under a header of as many text lines. At least three rows in the same rhythm, so a
 * few short lines and numbers in running text are never taken for a table.
 */
export function takeCellTable(lines: LineIndex, start: number, to: number, kindOf: (j: number) => CellKind): { table: Table | null; next: number } | null {
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
function numberFollows(lines: LineIndex, start: number, to: number, kindOf: (j: number) => CellKind): boolean {
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
function cellKind(text: string): CellKind {
  if (text.length <= 30 && parseDanishNumber(text)) return 'N';
  // The looks at one character first: the search for a tab reads the whole line.
  const first = text.charCodeAt(0);
  if (text.length > MAX_CELL_LABEL || first === 124 /* | */ || first === 35 /* # */ || endsLabelOrSentence(text) || text.includes('\t')) return null;
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
export function cellKinds(lines: LineIndex, from: number, to: number): (j: number) => CellKind {
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
