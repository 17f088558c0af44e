/**
 * Danish dates: "Onsdag d. 03. november 2021", "den 6. marts 2013", "03-11-2021",
 * "12.08.2020", "2021-11-03". Parsing never throws; impossible dates keep iso = null.
 */
import type { DateRef, Range } from './model';

export const MONTHS: Record<string, number> = {
  januar: 1, jan: 1, februar: 2, feb: 2, marts: 3, mar: 3, april: 4, apr: 4, maj: 5,
  juni: 6, jun: 6, juli: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9,
  oktober: 10, okt: 10, november: 11, nov: 11, december: 12, dec: 12,
};

export const WEEKDAYS = ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'];

const MONTH_NAMES = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
const WEEKDAY_NAMES = WEEKDAYS.join('|');

/** A written date somewhere in a line, with an optional weekday before it. */
export const DATE_IN_TEXT = new RegExp(
  String.raw`(?:\b(?<weekday>${WEEKDAY_NAMES})(?:\s+(?:d\.|den))?\s+)?` +
    String.raw`(?:(?<d1>\d{1,2})\.?\s+(?<monthName>${MONTH_NAMES})\.?\s+(?<y1>\d{4})` +
    String.raw`|(?<!\d[.\-/]?)(?<d2>\d{1,2})(?<sep>[-.])(?<m2>\d{1,2})\k<sep>(?<y2>\d{4})(?![\d.\-]?\d))`,
  'giu',
);

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The weekday (0 = Sunday) of a real date. */
export function weekdayOf(iso: string): number {
  return new Date(iso + 'T00:00:00Z').getUTCDay();
}

/**
 * Every date written in one line. `lineIndex` and `columnOffset` place the results:
 * `text` is (a part of) that line starting at `columnOffset`.
 */
export function findDates(text: string, lineIndex: number, columnOffset = 0): DateRef[] {
  const found: DateRef[] = [];
  DATE_IN_TEXT.lastIndex = 0;
  for (let m = DATE_IN_TEXT.exec(text); m; m = DATE_IN_TEXT.exec(text)) {
    const g = m.groups ?? {};
    const day = Number(g.d1 ?? g.d2);
    const month = g.monthName ? MONTHS[g.monthName.toLowerCase()] : Number(g.m2);
    const year = Number(g.y1 ?? g.y2);
    const start = columnOffset + m.index;
    const range: Range = {
      start: { line: lineIndex, character: start },
      end: { line: lineIndex, character: start + m[0].length },
    };
    const date: DateRef = { text: m[0], range, iso: isoDate(year, month, day), year, month, day };
    if (g.weekday) {
      date.weekday = {
        text: g.weekday,
        range: {
          start: { line: lineIndex, character: start },
          end: { line: lineIndex, character: start + g.weekday.length },
        },
      };
    }
    found.push(date);
  }
  return found;
}
