/**
 * Markdown pipe rows ("| Skoler | 100 |"): a line that begins with a pipe is a row, the pipes
 * separate its cells, and the rule under the header ("|---|--:|") is no row. Only the rows;
 * delimited.ts reads the run of rows that is a table.
 */
import type { Cell, Row } from '../../model';
import type { LineIndex } from '../../text/lines';
import { cell } from './cell';

/** The rule line under a pipe table's header: "|---|:--:|". */
const PIPE_RULE = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$/;

/** Whether line j is a line of a pipe table (a row or its header rule). */
export function isPipeLine(lines: LineIndex, j: number): boolean {
  return lines.line(j).text.charCodeAt(0) === 124 /* | */;
}

/** Whether line j is the rule under a pipe table's header, not a row. */
export function isPipeRule(lines: LineIndex, j: number): boolean {
  return PIPE_RULE.test(lines.line(j).text);
}

/** Line j read as a pipe row: one cell between each two pipes. */
export function pipeRow(lines: LineIndex, j: number): Row {
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
