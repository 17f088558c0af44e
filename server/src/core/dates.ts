/**
 * Danish dates: "Onsdag d. 03. november 2021", "den 6. marts 2013", "03-11-2021",
 * "12.08.2020", "2021-11-03". Parsing never throws; impossible dates keep iso = null.
 */
import type { DateRef, Range } from './model';

/** The Danish month names and their abbreviations. */
export const DANISH_MONTHS: Record<string, number> = {
  januar: 1, jan: 1, februar: 2, feb: 2, marts: 3, mar: 3, april: 4, apr: 4, maj: 5,
  juni: 6, jun: 6, juli: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9,
  oktober: 10, okt: 10, november: 11, nov: 11, december: 12, dec: 12,
};

/**
 * Month names a date may be written with: the Danish ones, and the English ones that web systems for
 * publishing minutes print ("Onsdag, September 27, 2017") where they differ from the Danish.
 */
export const MONTHS: Record<string, number> = {
  ...DANISH_MONTHS,
  january: 1, february: 2, march: 3, may: 5, june: 6, july: 7, october: 10, oct: 10,
};

export const WEEKDAYS = ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'];

const MONTH_NAMES = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
const WEEKDAY_NAMES = WEEKDAYS.join('|');

/**
 * Where a date can begin: a digit, or a word that begins like a weekday or a month name. Checked first at each
 * position (a lookahead, with the same flags): most positions of a text begin no date, and the alternatives
 * below are many. Every date begins so, so the lookahead changes no match, only how soon a position is given up.
 */
const DATE_START = String.raw`(?=\d|\b(?:${[...new Set([...WEEKDAYS, ...Object.keys(MONTHS)].map((w) => w.slice(0, 2)))].join('|')}))`;

/** A written date somewhere in a line, with an optional weekday before it. */
export const DATE_IN_TEXT = new RegExp(
  DATE_START +
  // "Onsdag d. 03. november 2021", "onsdag den 3.11.2021", "Onsdag, den 3. november 2021",
  // "Onsdag, 8 september, 2021" and "Onsdag, September 27, 2017" (web systems), "3. nov. 2021".
  String.raw`(?:\b(?<weekday>${WEEKDAY_NAMES}),?(?:\s+(?:d\.|den))?\s+)?` +
    String.raw`(?:(?<d1>\d{1,2})\.?\s+(?<monthName>${MONTH_NAMES})\.?,?\s+(?<y1>\d{4})` +
    String.raw`|\b(?<monthFirst>${MONTH_NAMES})\.?\s+(?<d3>\d{1,2}),?\s+(?<y3>\d{4})` +
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

/** "23-11-2026": a day as Danish minutes write it in a header, and as the New document dialog offers it. */
export function numericDanishDate(date: Date): string {
  return `${String(date.getDate()).padStart(2, '0')}-${String(date.getMonth() + 1).padStart(2, '0')}-${date.getFullYear()}`;
}

/**
 * A date as a clerk types it in a dialog, "23-11-2026" (also 23.11.2026, 23/11/2026, or the ISO form
 * 2026-11-23), as ISO; null for anything that is not a real calendar date.
 */
export function typedDateToIso(input: string): string | null {
  const text = input.trim();
  const danish = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(text);
  if (danish) return isoDate(Number(danish[3]), Number(danish[2]), Number(danish[1]));
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return iso ? isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3])) : null;
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
    const day = Number(g.d1 ?? g.d2 ?? g.d3);
    const monthName = g.monthName ?? g.monthFirst;
    const month = monthName ? monthNumber(monthName) : Number(g.m2);
    const year = Number(g.y1 ?? g.y2 ?? g.y3);
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

/** MONTHS by the code of their name (asciiWordCode). */
const MONTH_BY_CODE = new Map(Object.entries(MONTHS).map(([name, month]) => [asciiWordCode(name, 0, name.length), month]));

/**
 * A number that tells one word of up to ten ASCII letters from every other, whatever their case (five bits a
 * letter, 1-26, so no two lengths share a code either); -1 for anything else. Month names are looked up by it:
 * no lower-cased copy of the word is made, and a number is quicker to look up than a string.
 */
export function asciiWordCode(text: string, from: number, to: number): number {
  if (to - from > 10 || to <= from) return -1;
  let code = 0;
  for (let k = from; k < to; k++) {
    const letter = (text.charCodeAt(k) | 32) - 96;
    if (letter < 1 || letter > 26) return -1;
    code = code * 32 + letter;
  }
  return code;
}

/** Whether text[from, to) is a month name of MONTHS, in any letter case. */
export function isMonthName(text: string, from: number, to: number): boolean {
  return MONTH_BY_CODE.has(asciiWordCode(text, from, to));
}

/** The month of a month name as DATE_IN_TEXT matched it (any letter case): MONTHS[name.toLowerCase()]. */
function monthNumber(name: string): number {
  const code = asciiWordCode(name, 0, name.length);
  // A name the pattern matched by Unicode case folding ("ſeptember") has a letter that is not ASCII: read as before.
  return code === -1 ? MONTHS[name.toLowerCase()] : MONTH_BY_CODE.get(code)!;
}

/** The Danish month names, January first; abbreviations as in MONTHS. */
export const MONTH_FULL = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
const MONTH_SHORT = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

/** `word` written in the letter case of `model`: "ONSDAG", "Onsdag" or "onsdag". */
export function likeCase(word: string, model: string): string {
  if (model.length > 1 && model === model.toLocaleUpperCase('da') && model !== model.toLocaleLowerCase('da')) {
    return word.toLocaleUpperCase('da');
  }
  const first = model.charAt(0);
  if (first !== '' && first === first.toLocaleUpperCase('da') && first !== first.toLocaleLowerCase('da')) {
    return word.charAt(0).toLocaleUpperCase('da') + word.slice(1).toLocaleLowerCase('da');
  }
  return word.toLocaleLowerCase('da');
}

/** The weekday name of a real date, written in the letter case of `model` when given. */
export function weekdayName(iso: string, model?: string): string {
  const name = WEEKDAYS[weekdayOf(iso)];
  return model ? likeCase(name, model) : name;
}

/** "3. november 2021" (the readable Danish form of an ISO date, for messages). */
export function danishDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}. ${MONTH_FULL[m - 1]} ${y}`;
}

const NUMERIC_DATE = /^(?<d>\d{1,2})(?<sep>[-.])(?<m>\d{1,2})\k<sep>(?<y>\d{4})$/u;
const NAMED_DATE = /^(?<d>\d{1,2})(?<dot>\.?)(?<s1>\s+)(?<month>\p{L}+)(?<mdot>\.?)(?<s2>\s+)(?<y>\d{4})$/u;

/**
 * `iso` written the way `written` (a date as found by findDates, possibly with its
 * weekday) is written: the same separator, zero padding, month name or abbreviation,
 * letter case, and a weekday brought up to date. "03-11-2021" + 2021-11-04 →
 * "04-11-2021"; "Onsdag d. 3. november 2021" + 2021-11-04 → "Torsdag d. 4. november 2021".
 * Null when `written` is not a date in one of those forms.
 */
export function formatDateLike(written: string, iso: string): string | null {
  if (!isoDateValid(iso)) return null;
  const firstDigit = written.search(/\d/);
  if (firstDigit < 0) return null;
  let prefix = written.slice(0, firstDigit);
  const datePart = written.slice(firstDigit);
  const [year, month, day] = iso.split('-').map(Number);
  let out: string;
  const numeric = NUMERIC_DATE.exec(datePart)?.groups;
  const named = numeric ? undefined : NAMED_DATE.exec(datePart)?.groups;
  if (numeric) {
    // "03" is padded, "3" is not; "12" says nothing, so the other part decides (padded when both say nothing).
    const padded = (part: string, other: string) =>
      part.length === 1 ? false : part.startsWith('0') ? true : other.length === 1 ? false : true;
    const dd = padded(numeric.d, numeric.m) ? String(day).padStart(2, '0') : String(day);
    const mm = padded(numeric.m, numeric.d) ? String(month).padStart(2, '0') : String(month);
    out = `${dd}${numeric.sep}${mm}${numeric.sep}${year}`;
  } else if (named) {
    const lower = named.month.toLocaleLowerCase('da');
    // A date written with an English month name is not rewritten (the fix would mix the languages).
    if (DANISH_MONTHS[lower] === undefined) return null;
    const short = MONTH_FULL.indexOf(lower) < 0;
    const monthWord = likeCase((short ? MONTH_SHORT : MONTH_FULL)[month - 1], named.month);
    const dd = named.d.length === 2 && named.d.startsWith('0') ? String(day).padStart(2, '0') : String(day);
    out = `${dd}${named.dot}${named.s1}${monthWord}${named.mdot}${named.s2}${year}`;
  } else {
    return null;
  }
  const weekday = new RegExp(`^(${WEEKDAY_NAMES})`, 'iu').exec(prefix);
  if (weekday) prefix = weekdayName(iso, weekday[1]) + prefix.slice(weekday[1].length);
  return prefix + out;
}

function isoDateValid(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m !== null && isoDate(Number(m[1]), Number(m[2]), Number(m[3])) === iso;
}
