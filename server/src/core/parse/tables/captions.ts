/**
 * The short lines right above a tab, pipe, one-cell-a-line or stacked table: a caption or a unit on
 * a line of its own ("1.000 kr.", "mio. kr.") that Word left outside the table. The table reader
 * (core/tables/read.ts) takes its unit and title from them. Space-aligned tables read their header
 * lines above instead (space.ts).
 */
import type { TextRef } from '../../model';
import type { LineIndex } from '../../text/lines';

/** Lines searched above a table for its caption or unit, and how long such a line may be. */
const ABOVE_WINDOW = 8;
const ABOVE_MAX_LENGTH = 80;

/**
 * The short lines just above a table, nearest last: a caption or a unit on a line of its
 * own ("1.000 kr.", "mio. kr.") that Word left outside the table. Stops at running text
 * (a long line) and at the previous table.
 */
export function linesAbove(lines: LineIndex, start: number, floor: number): TextRef[] {
  const out: TextRef[] = [];
  for (let j = start - 1; j >= floor && j >= start - ABOVE_WINDOW; j--) {
    const l = lines.line(j);
    if (l.text === '') continue;
    if (l.text.length > ABOVE_MAX_LENGTH) break;
    out.push({ text: l.text, range: lines.textRange(j) });
  }
  return out.reverse();
}
