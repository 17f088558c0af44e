/**
 * Shared by the rules on dates (RF020-RF023): dates written the way a message reads
 * them, and where a written date sits.
 */
import { danishDate } from '../dates';
import type { DateRef, MinutesDocument, Range } from '../model';

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const EN_WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "3 November 2021" */
export function englishDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${EN_MONTHS[m - 1]} ${y}`;
}

/** An ISO date in words, Danish and English. */
export function spelled(iso: string): { da: string; en: string } {
  return { da: danishDate(iso), en: englishDate(iso) };
}

/** The date as written without the weekday before it ("03. november 2021" of "Onsdag d. 03. november 2021"). */
export function dateOnly(date: DateRef): { text: string; range: Range } {
  const at = Math.max(0, date.text.search(/\d/));
  return {
    text: date.text.slice(at),
    range: { start: { line: date.range.start.line, character: date.range.start.character + at }, end: date.range.end },
  };
}

/** The meeting date when the header states a real one. */
export function meetingDate(model: MinutesDocument): (DateRef & { iso: string }) | null {
  const date = model.header?.date;
  return date && date.iso !== null ? (date as DateRef & { iso: string }) : null;
}

/** True when range `inner` lies within `outer`. */
export function within(inner: Range, outer: Range): boolean {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}
