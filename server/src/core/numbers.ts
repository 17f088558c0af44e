/**
 * Danish numbers as clerks write them: '.' groups thousands (1.303), ',' is the
 * decimal mark (10,9), minus is '-', '–' or '−', and '-' alone means "none". The one
 * reading of a written amount (number, footnote marker, unit); what a unit is worth is
 * in amounts.ts.
 */
import { unitMultiplier } from './amounts';
import { isAsciiDigit } from './text/chars';

export interface ParsedNumber {
  value: number;
  /** Digits after the decimal mark (0 for integers): how the number was rounded. */
  decimals: number;
  /** True for "-" or "–" alone: "none", counted as 0 in sums. */
  none: boolean;
  /** True when the grouping dots are not in groups of three (500.00). */
  malformed: boolean;
  /** A unit or suffix written after the number (kr., mio. kr., pct., %), lower-cased. */
  unit: string;
  /** How many the unit counts per number written: 1, 1.000 ("t. kr."), 1.000.000 ("mio. kr.", "mio."), 1.000.000.000. */
  multiplier: number;
  /**
   * A footnote marker written next to the number ("*", "*)", "(*)", "¹", "(1)"), if any.
   * Added for the table checks: a marked number may be explained by a note.
   */
  marker?: string;
}

// '÷' is the minus of Danish budget tables ("÷ 5.000").
const MINUS = /^[-–−÷]/;
const NONE = /^[-–−]$/;
// A number with optional grouping dots and decimal comma, then an optional footnote
// marker (*, *), (*), ¹, (1)) and an optional unit.
const NUMBER =
  /^([-–−÷]\s?)?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(?:\s*(\*{1,3}\)?|\(\*{1,3}\)|[¹²³⁴⁵⁶⁷⁸⁹⁰]+⁾?|\(\d{1,2}\)))?\s*(mio\.\s?kr\.?|mia\.\s?kr\.?|t\.\s?kr\.?|kr\.?|mio\.|mia\.|pct\.?|%|stk\.?)?$/i;
const MALFORMED = /^([-–−÷]\s?)?\d{1,3}(?:\.\d{1,2}|\.\d{4,})(?:\.\d+)*(?:,\d+)?\s*(kr\.?|mio\.\s?kr\.?)?$/i;

/** Parses one cell's text as a Danish number, or returns null when it is not one. */
export function parseDanishNumber(input: string): ParsedNumber | null {
  const s = input.trim();
  if (s === '' || !mayStartNumber(s.charCodeAt(0))) return null;
  if (NONE.test(s)) return { value: 0, decimals: 0, none: true, malformed: false, unit: '', multiplier: 1 };
  const m = NUMBER.exec(s);
  if (m) {
    const negative = Boolean(m[1]);
    const intPart = m[2].replace(/\./g, '');
    const decimals = m[3] ? m[3].length : 0;
    const value = Number(intPart + (m[3] ? '.' + m[3] : '')) * (negative ? -1 : 1);
    const unit = (m[5] ?? '').toLowerCase();
    const parsed: ParsedNumber = { value, decimals, none: false, malformed: false, unit, multiplier: unitMultiplier(unit) };
    if (m[4]) parsed.marker = m[4];
    return parsed;
  }
  if (MALFORMED.test(s)) {
    const negative = MINUS.test(s);
    const digits = s.replace(/^[-–−÷]\s?/, '').replace(/\s*(kr\.?|mio\.\s?kr\.?)$/i, '');
    const value = Number(digits.replace(/\./g, '').replace(',', '.')) * (negative ? -1 : 1);
    return { value, decimals: 0, none: false, malformed: true, unit: '', multiplier: 1 };
  }
  return null;
}

/**
 * Whether a text starting with this character can be a number: NONE, NUMBER and MALFORMED all begin with a
 * digit or a minus sign. Tested first because most texts handed here are words (every short line of an
 * item is asked whether it is a one-cell-a-line table's number), and a look at one character spares the patterns.
 */
function mayStartNumber(code: number): boolean {
  return isAsciiDigit(code) || code === 45 /* - */ || code === 0x2013 /* – */ || code === 0x2212 /* − */ || code === 0xf7 /* ÷ */;
}

/** A four-digit year (1900–2099) standing alone: a column heading, never an amount. */
export function isYear(input: string): boolean {
  return /^(19|20)\d{2}$/.test(input.trim());
}
