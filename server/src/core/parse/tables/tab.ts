/**
 * Tab-separated rows, as Word leaves a table when its text is copied or exported: a line with a
 * tab is a row, each tab ends a cell. Only the rows; delimited.ts reads the run of rows that is a table.
 */
import type { Cell, Row } from '../../model';
import type { LineIndex } from '../../text/lines';
import { cell } from './cell';

/** Whether line j is a row of a tab table: text with a tab in it. */
export function isTabLine(lines: LineIndex, j: number): boolean {
  const l = lines.line(j);
  return l.text !== '' && l.raw.includes('\t');
}

/**
 * isTabLine for the lines [from, to) (and only those), read at once: one search for the tabs of their text
 * instead of a search of every line, most of which have none.
 */
export function tabLinesIn(lines: LineIndex, from: number, to: number): (j: number) => boolean {
  const tab = new Uint8Array(Math.max(0, to - from));
  for (const j of lines.linesWith('\t', from, to)) if (lines.line(j).text !== '') tab[j - from] = 1;
  return (j) => tab[j - from] === 1;
}

/** Line j read as a tab row: one cell between tabs. */
export function tabRow(lines: LineIndex, j: number): Row {
  const line = lines.line(j);
  const cells: Cell[] = [];
  // The cells between tabs, cut as split('\t') cuts them, without its array.
  const s = line.clean;
  for (let col = 0; ; ) {
    const tab = s.indexOf('\t', col);
    const end = tab === -1 ? s.length : tab;
    cells.push(cell(lines, j, col, s.slice(col, end), 'tab'));
    if (tab === -1) break;
    col = tab + 1;
  }
  // A leading or trailing tab leaves an empty cell outside the trimmed text: the row spans it too.
  const text = lines.textRange(j);
  const from = Math.min(text.start.character, cells[0].range.start.character);
  const to = Math.max(text.end.character, cells[cells.length - 1].range.end.character);
  return { line: j, range: lines.span(j, from, to), cells };
}
