/**
 * Tables as clerks' text leaves them: tab-separated lines (Word export), Markdown
 * pipe tables, and label-plus-numbers lines with single spaces (PDF extraction).
 * This module only finds rows and cells; what a total is belongs to the rules.
 */
import type { Cell, Row, Table } from '../model';
import { parseDanishNumber } from '../numbers';
import type { LineIndex } from '../text/lines';

const PIPE_RULE = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/;
// A label followed by two or more numbers, as PDF text leaves a table row.
const SPACE_ROW = /^(?<label>\S.*?)?(?<numbers>(?:\s+[-–−]?\d[\d.]*(?:,\d+)?){2,})\s*$/u;
const MAX_BLANKS_IN_SPACE_TABLE = 3;

/** Finds the tables in lines [from, to). */
export function findTables(lines: LineIndex, from: number, to: number): Table[] {
  const tables: Table[] = [];
  let i = from;
  while (i < to) {
    const line = lines.line(i);
    if (line.text.startsWith('|')) {
      i = takeRun(lines, i, to, (j) => lines.line(j).text.startsWith('|'), 'pipe', tables);
    } else if (line.raw.includes('\t') && line.text !== '') {
      i = takeRun(lines, i, to, (j) => lines.line(j).raw.includes('\t') && lines.line(j).text !== '', 'tab', tables);
    } else if (isSpaceRow(line.text)) {
      i = takeSpaceTable(lines, i, to, tables);
    } else {
      i++;
    }
  }
  return tables;
}

function takeRun(
  lines: LineIndex,
  start: number,
  to: number,
  belongs: (j: number) => boolean,
  form: 'tab' | 'pipe',
  out: Table[],
): number {
  let end = start;
  while (end + 1 < to && belongs(end + 1)) end++;
  const rows: Row[] = [];
  for (let j = start; j <= end; j++) {
    if (form === 'pipe' && PIPE_RULE.test(lines.line(j).text)) continue;
    rows.push(form === 'pipe' ? pipeRow(lines, j) : tabRow(lines, j));
  }
  if (rows.length >= 2) out.push({ form, range: lines.linesRange(start, end), rows });
  return end + 1;
}

function takeSpaceTable(lines: LineIndex, start: number, to: number, out: Table[]): number {
  let end = start;
  let blanks = 0;
  for (let j = start + 1; j < to; j++) {
    const text = lines.line(j).text;
    if (text === '') {
      if (++blanks > MAX_BLANKS_IN_SPACE_TABLE) break;
      continue;
    }
    if (!isSpaceRow(text)) break;
    blanks = 0;
    end = j;
  }
  const rows: Row[] = [];
  for (let j = start; j <= end; j++) if (lines.line(j).text !== '') rows.push(spaceRow(lines, j));
  if (rows.length >= 2) out.push({ form: 'space', range: lines.linesRange(start, end), rows });
  return end + 1;
}

function isSpaceRow(text: string): boolean {
  if (text === '' || text.length > 160 || text.includes('\t') || text.startsWith('|')) return false;
  const m = SPACE_ROW.exec(text);
  if (!m?.groups) return false;
  const label = m.groups.label ?? '';
  // A sentence that happens to end in numbers is not a row.
  return label.length <= 60 && !/[.:;]$/.test(label);
}

function cell(lines: LineIndex, lineIndex: number, from: number, raw: string): Cell {
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  const start = from + lead;
  const c: Cell = { text, range: lines.span(lineIndex, start, start + text.length) };
  const n = parseDanishNumber(text);
  if (n) c.value = n.none ? null : n.value;
  return c;
}

function tabRow(lines: LineIndex, j: number): Row {
  const line = lines.line(j);
  const cells: Cell[] = [];
  let col = 0;
  for (const part of line.clean.split('\t')) {
    cells.push(cell(lines, j, col, part));
    col += part.length + 1;
  }
  return { line: j, range: lines.textRange(j), cells };
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
    cells.push(cell(lines, j, col, s.slice(col, next)));
    col = next + 1;
  }
  return { line: j, range: lines.textRange(j), cells };
}

function spaceRow(lines: LineIndex, j: number): Row {
  const line = lines.line(j);
  const m = SPACE_ROW.exec(line.text)!;
  const label = m.groups!.label ?? '';
  const cells: Cell[] = [];
  const base = line.indent;
  if (label) cells.push(cell(lines, j, base, label));
  let col = base + label.length;
  for (const token of m.groups!.numbers.split(/(\s+)/)) {
    if (token.trim() !== '') cells.push(cell(lines, j, col, token));
    col += token.length;
  }
  return { line: j, range: lines.textRange(j), cells };
}
