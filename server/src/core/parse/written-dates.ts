/**
 * Every date and year range written in the text, wherever it stands: the header
 * ("Mødedato Onsdag d. 03. november 2021"), decision headings, prose, attachment
 * titles. The rules on dates (weekday against date, impossible dates, ranges that
 * end before they begin) read these collections, so they need no text of their own.
 *
 * Not dates: file names and web addresses ("… uge 2020-08-10.pdf",
 * ".../udvalget-08-10-2019"), case numbers ("21/14768") and KLE numbers
 * ("00.15.25-P05-1-20"): the date pattern needs a four-digit year after a day and a
 * month, and a match inside a name or an address is left out.
 */
import { findDates, isMonthName } from '../dates';
import type { DateRef, YearRange } from '../model';
import { isAsciiDigit, isAsciiLetter } from '../text/chars';
import type { LineIndex } from '../text/lines';
import { inNameOrAddress, isBlank } from './tokens';

/** A line longer than this is not prose (binary data, a minified blob): it is not searched. */
const MAX_LINE = 50_000;

/**
 * Two four-digit years (1900-2099) joined by a hyphen or an en dash, with no space or
 * one space on each side ("2021-2025", "2012 – 2024"). Not part of a longer number
 * chain, an amount or an ISO date ("12.2021-2022", "2019-2020-2021", "2020-08-10").
 * "2021 -2015" (space on one side only) is a number followed by a negative number in
 * a table row, not a range.
 */
const YEAR_RANGE = /(?<![\p{L}\p{N}.,/\\\-–])(?<from>(?:19|20)\d\d)(?<dash>[-–]|\s[-–]\s)(?<to>(?:19|20)\d\d)(?![\p{L}\p{N}]|[.,/\\\-–]\p{N})/gu;

/** What follows a date inside a file name: an extension. */

export interface WrittenDates {
  dates: DateRef[];
  yearRanges: YearRange[];
}

/** Dates and year ranges on lines [from, until), in document order. */
export function findWrittenDates(lines: LineIndex, from: number, until: number): WrittenDates {
  const dates: DateRef[] = [];
  const yearRanges: YearRange[] = [];
  for (let i = from; i < until; i++) {
    const clean = lines.line(i).clean;
    if (clean.length > MAX_LINE) continue;
    // Both a date and a range need a four-digit year: most lines are passed over here.
    YEAR.lastIndex = 0;
    let year = YEAR.exec(clean);
    if (!year) continue;
    let dashAfterYear = false;
    for (; year; year = YEAR.exec(clean)) {
      const date = dateEndingAt(clean, i, year.index);
      if (date && !inNameOrAddress(clean, date.range.start.character, date.range.end.character)) dates.push(date);
      dashAfterYear ||= isDash(clean.charCodeAt(year.index + 4)) || isDash(clean.charCodeAt(year.index + 5));
    }
    // A range's first year is a run of four digits, so one of the years above, with its dash one or two
    // characters after it: without such a dash, the line has no range (and the pattern need not run).
    if (!dashAfterYear) continue;
    YEAR_RANGE.lastIndex = 0;
    for (let m = YEAR_RANGE.exec(clean); m; m = YEAR_RANGE.exec(clean)) {
      const g = m.groups!;
      const start = m.index;
      const end = start + m[0].length;
      if (inNameOrAddress(clean, start, end)) continue;
      const toStart = start + g.from.length + g.dash.length;
      yearRanges.push({
        text: m[0],
        range: lines.span(i, start, end),
        from: Number(g.from),
        to: Number(g.to),
        toRange: lines.span(i, toStart, toStart + g.to.length),
      });
    }
  }
  return { dates, yearRanges };
}

const YEAR = /\d{4}/g;
/** Characters before a year that a date can take ("03. september 2021", "03-11-2021"), with room to spare. */
const DATE_REACH = 28;
/** The same with a weekday before it ("Onsdag, den 03. september 2021"). */
const WEEKDAY_DATE_REACH = 64;
/**
 * The date whose year is the four digits at `yearAt`, found as findDates(text) would
 * find it, but quicker: most years in minutes are no dates ("budget 2022"), so a look
 * at the characters right before the year ("03-11-", "3.11.", "november ", "nov. ")
 * decides whether the date pattern runs at all, and then only on a short window
 * instead of the whole paragraph.
 */
function dateEndingAt(text: string, lineIndex: number, yearAt: number): DateRef | null {
  if (!numericBefore(text, yearAt)) {
    // A word right before the year decides; without one, a month name before a day ("September 27, 2017") may.
    const word = wordBefore(text, yearAt);
    if (word === NO_WORD ? !monthBeforeDay(text, yearAt) : word !== MONTH_NAME) return null;
  }
  const yearEnd = yearAt + 4;
  // Every weekday name ends in "dag": without one nearby, a short window will do.
  const reach = hasDagBefore(text, yearAt) ? WEEKDAY_DATE_REACH : DATE_REACH;
  // Start the window at a blank, so no number or word is cut in two (within reason).
  let from = Math.max(0, yearAt - reach);
  for (let k = 0; from > 0 && k < 32 && !isBlank(text.charCodeAt(from - 1)); k++) from--;
  // Two characters after the year: the pattern looks ahead to tell "2021" from "2021.5" or "20215".
  const window = text.slice(from, Math.min(text.length, yearEnd + 2));
  const found = findDates(window, lineIndex, from);
  const last = found[found.length - 1];
  return last && last.range.end.character === yearEnd ? last : null;
}

/**
 * Whether "dag" (any letter case) stands within WEEKDAY_DATE_REACH characters before `at`: read in
 * place, as /dag/i on that slice would read it, without cutting the slice (this runs for every year).
 */
function hasDagBefore(text: string, at: number): boolean {
  // Horspool's search: the third character of each place decides how far the next place is (no "dag" can
  // start at the places skipped). ASCII letters only: `| 32` lower-cases D, A and G and maps no other
  // character onto d, a or g.
  for (let k = Math.max(0, at - WEEKDAY_DATE_REACH); k + 3 <= at; ) {
    const third = text.charCodeAt(k + 2) | 32;
    if (third === 103 /* g */) {
      if ((text.charCodeAt(k) | 32) === 100 && (text.charCodeAt(k + 1) | 32) === 97) return true;
      k += 3;
    } else if (third === 97 /* a */) k += 1;
    else if (third === 100 /* d */) k += 2;
    else k += 3;
  }
  return false;
}

/** "…3-11-" or "…3.11." right before `at`. */
function numericBefore(text: string, at: number): boolean {
  if (at < 2) return false;
  const sep = text.charCodeAt(at - 1);
  const digit = text.charCodeAt(at - 2);
  return (sep === 45 /* - */ || sep === 46) /* . */ && isAsciiDigit(digit);
}

/** What wordBefore finds: no word, a word that is a month name (of MONTHS, any letter case), another word. */
const NO_WORD = 0;
const MONTH_NAME = 1;
const OTHER_WORD = 2;

/**
 * The word (ASCII letters, as the month names are) before blanks and an optional dot or comma right before
 * `at` ("november 2021", "nov. 2021", "september, 2021"), told by kind: read in place (this runs for every year).
 */
function wordBefore(text: string, at: number): typeof NO_WORD | typeof MONTH_NAME | typeof OTHER_WORD {
  let j = at;
  while (j > 0 && at - j < 8 && isBlank(text.charCodeAt(j - 1))) j--;
  if (j === at) return NO_WORD;
  if (j > 0 && (text.charCodeAt(j - 1) === 46 /* . */ || text.charCodeAt(j - 1) === 44) /* , */) j--;
  const end = j;
  while (j > 0 && end - j <= 9 && isAsciiLetter(text.charCodeAt(j - 1))) j--;
  if (j === end || (j > 0 && isAsciiLetter(text.charCodeAt(j - 1)))) return NO_WORD;
  return isMonthName(text, j, end) ? MONTH_NAME : OTHER_WORD;
}

/** Whether a month name stands before a day of one or two digits before the year at `at` ("September 27, 2017"). */
function monthBeforeDay(text: string, at: number): boolean {
  let j = at;
  while (j > 0 && at - j < 4 && isBlank(text.charCodeAt(j - 1))) j--;
  if (j === at) return false;
  if (j > 0 && text.charCodeAt(j - 1) === 44 /* , */) j--;
  let digits = 0;
  while (j > 0 && digits < 3 && isAsciiDigit(text.charCodeAt(j - 1))) {
    j--;
    digits++;
  }
  if (digits === 0 || digits > 2) return false;
  return wordBefore(text, j) === MONTH_NAME;
}

/** "-" or "–", the dashes of YEAR_RANGE. */
function isDash(code: number): boolean {
  return code === 45 || code === 0x2013;
}

/** How far around a match to look for the rest of a file name or an address. */

