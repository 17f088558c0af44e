/** One cell of a table as the parser reads it: its text without padding or Markdown emphasis, its range and its number. */
import type { Cell, Table } from '../../model';
import { parseDanishNumber } from '../../numbers';
import type { LineIndex } from '../../text/lines';

/** Numbers written with spaces (NBSP, thin space) between the groups: "1 303"; read as "1.303" by parseDanishNumber. */
const SPACE_GROUPED = /^[-–−÷]?\s?\d{1,3}(?: \d{3})+(?:,\d+)?(?: (?:kr\.|mio\. kr\.|pct\.|%))?$/u;

/** The cell written as `raw` from column `from` of a line, read as a table of `form` writes its cells. */
export function cell(lines: LineIndex, lineIndex: number, from: number, raw: string, form: Table['form']): Cell {
  const lead = raw.length - raw.trimStart().length;
  let text = raw.trim();
  let start = from + lead;
  if (form === 'pipe') {
    // "**I alt**", "*100*": the emphasis is Markdown, not part of the cell.
    const em = /^(\*\*|__|\*|_)(\S(?:.*\S)?)\1$/.exec(text);
    if (em) {
      start += em[1].length;
      text = em[2];
    }
  }
  const c: Cell = { text, range: lines.span(lineIndex, start, start + text.length) };
  let n = parseDanishNumber(text);
  // In a tab or pipe cell, spaces between digit groups are grouping ("1 303").
  if (!n && form !== 'space' && SPACE_GROUPED.test(text)) n = parseDanishNumber(text.replace(/(\d) (?=\d{3}(?!\d))/g, '$1.'));
  if (n) {
    c.value = n.none ? null : n.value;
    if (n.decimals > 0) c.decimals = n.decimals;
    if (n.unit) c.unit = n.unit;
    if (n.marker) c.marker = n.marker;
    if (n.malformed) c.malformed = true;
  }
  return c;
}
