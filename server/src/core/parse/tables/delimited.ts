/**
 * Tables whose cells are delimited: tab-separated (tab.ts) and Markdown pipe tables (pipe.ts). The
 * two forms read their run of rows the same way: rows in a row, a switch comment or a few blank
 * lines between them (Word's spaced rows), and in a tab table a label wrapped onto a line of its own.
 */
import type { Row, Table } from '../../model';
import { isSwitchLine } from '../../text/switch-lines';
import type { LineIndex } from '../../text/lines';
import { isLabelLine, labelRow } from './label-lines';
import { isPipeLine, isPipeRule, pipeRow } from './pipe';
import { isTabLine, tabRow } from './tab';

/** Blank lines a tab or pipe table may have between two of its rows. */
const MAX_BLANKS_IN_DELIMITED = 2;

/** The tab or pipe table whose first row is line `start`; no table when it has fewer than two rows. */
export function takeDelimited(lines: LineIndex, start: number, to: number, form: 'tab' | 'pipe'): { table: Table | null; next: number } {
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
    if (form === 'pipe' && isPipeRule(lines, m)) continue;
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
  if (form === 'pipe' && isPipeRule(lines, j)) return false;
  const row = form === 'pipe' ? pipeRow(lines, j) : tabRow(lines, j);
  const rest = row.cells.slice(1);
  if (rest.every((c) => c.text === '')) return row.cells.length > 0 && row.cells[0].text !== '';
  return rest.some((c) => typeof c.value === 'number' && !/^(19|20)\d{2}$/.test(c.text));
}
