import { moneyMultiplier, moneyUnitAfterNumber } from '../amounts';
import type { Item, MinutesDocument, Range, Section, Table } from '../model';
import { joinList } from '../messages';
import { isAsciiDigit } from '../text/chars';
import { allMatches } from './matches';
import { ruleMessages, type Rule, type RuleFinding } from './rule';
import { tablesOf } from './table-common';

const { messages, message, report } = ruleMessages({
  malformed: {
    da: '{written} er ikke et dansk tal: punktum adskiller tusinder i grupper af tre cifre, og komma er decimaltegn.{guess}',
    en: '{written} is not a Danish number: a dot groups thousands in threes and a comma is the decimal mark.{guess}',
  },
  guess: { da: ' Mente du {readings}?', en: ' Did you mean {readings}?' },
  fix: { da: 'Skriv {reading}', en: 'Write {reading}' },
});

/**
 * RF104: an amount written with a grouping dot that does not group three digits
 * ("500.00 kr.", "14.35", "1.3034"): a decimal point in English style, or a typo. Its value
 * is a guess (five hundred or five hundred thousand?).
 *
 * In a table: a number in an amount column, or with "kr." in its cell; the sums around it
 * cannot be trusted. Account codes ("1.01"), dates and columns of codes are not amounts.
 *
 * In the text: only a number followed by a money unit of the amount grammar (core/amounts.ts:
 * kr., kroner, t. kr., tusind kroner, mio. kr., millioner kroner, mia. kr.). A dot between digits is otherwise often right: times ("kl. 10.00"), dates
 * ("1.10"), sections ("§ 3.2"), versions, account and case numbers, a figure quoted from an
 * English source; none of them is followed by "kr.". "DKK" is left out for the same reason
 * (an English "DKK 500.00").
 */
export const malformedNumber: Rule = {
  code: 'RF104',
  name: 'malformed-number',
  defaultSeverity: 'warning',
  tags: ['tables'],
  fixable: true,
  description: {
    da: 'Et beløb er ikke skrevet som et dansk tal (500.00 kr.).',
    en: 'An amount is not written as a Danish number (500.00 kr.).',
  },
  messages,
  check({ model, profile }) {
    const out: RuleFinding[] = [];
    for (const analysis of tablesOf(model, profile)) {
      for (const m of analysis.malformed) {
        out.push(finding(m.cell.text, m.cell.range, m.suggestion ? [m.suggestion] : []));
      }
    }
    for (const m of malformedInText(model)) out.push(finding(m.text, m.range, m.readings));
    return out;
  },
};

function finding(written: string, range: Range, readings: string[]): RuleFinding {
  const guess = readings.length > 0 ? message('guess', { readings: joinList(readings, 'or') }) : '';
  return report({
    messageId: 'malformed',
    data: { written, guess },
    range,
    details: { written, suggestion: readings[0] ?? null },
    fixes: readings.length > 0 ? readings.map((r) => ({ title: message('fix', { reading: r }), edits: [{ range, newText: r }], safe: false })) : undefined,
  });
}

// ── Amounts in the text ───────────────────────────────────────────────────────────

/**
 * Digits with a dot whose last group is not three digits (groups of three before it), a
 * decimal comma, then an amount unit. Not part of a longer number, a date or a code: no digit,
 * dot, comma, letter or "§" right before it. Groups: num, dec, unit.
 */
const MALFORMED_AMOUNT = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,§/\-–])(?<num>\d{1,3}(?:\.\d{3})*\.(?:\d{1,2}|\d{4,}))(?:,(?<dec>\d+))?(?![\p{N}]|[.,/\-–]\p{N})` +
    // The money units of the grammar (core/amounts.ts), without "DKK" (see above).
    String.raw`(?<unit>\s?(?:${moneyUnitAfterNumber({ dkk: false })}))(?![\p{L}\p{N}])`,
  'gu',
);

/** Words right before a number that make it no amount, whatever follows (times, sections, numbers of things). */
const NOT_AN_AMOUNT_BEFORE = /(?:^|[^\p{L}])(?:kl|klokken|§|pkt|punkt|nr|bilag|version|ver|v|konto|side|s)\.?\s*$/iu;

interface MalformedInText {
  text: string;
  range: Range;
  /** What it may have meant, most likely first. */
  readings: string[];
}

/**
 * Per item, cached on the item object: the parser reuses an item the edit did not touch
 * (parse/memo.ts), and then its text need not be read again.
 */
const inTextCache = new WeakMap<Item, MalformedInText[]>();

function malformedInText(model: MinutesDocument): MalformedInText[] {
  return model.items.flatMap((item) => {
    let found = inTextCache.get(item);
    if (!found) inTextCache.set(item, (found = malformedInItem(item)));
    return found;
  });
}

function malformedInItem(item: Item): MalformedInText[] {
  const out: MalformedInText[] = [];
  // Most items have no "digit.digit" at all: the set of their table lines is built only for one that has.
  let tableLines: Set<number> | undefined;
  for (const section of proseSections(item.sections, item.decision?.section)) {
    for (const ref of section.body) {
      if (!hasDigitDotDigit(ref.text)) continue;
      tableLines ??= linesOf(item.tables);
      if (tableLines.has(ref.range.start.line) || ref.range.start.line !== ref.range.end.line) continue;
      for (const m of allMatches(MALFORMED_AMOUNT, ref.text)) {
        if (NOT_AN_AMOUNT_BEFORE.test(ref.text.slice(Math.max(0, m.index! - 12), m.index!))) continue;
        const readings = readingsOf(m.groups!.num, m.groups!.dec, m.groups!.unit);
        // One reading only ("0.5 mio. kr." is 0,5 mio. kr.): the reader cannot mistake the amount, so the
        // text is not surely wrong in what it says. Two ("500.00 kr.": 500 or 500.000 kroner?) must be settled.
        if (readings.length < 2) continue;
        const start = ref.range.start.character + m.index!;
        const line = ref.range.start.line;
        out.push({
          text: m[0],
          range: { start: { line, character: start }, end: { line, character: start + m[0].length } },
          readings,
        });
      }
    }
  }
  return out;
}

/**
 * Whether the text has an ASCII digit, a dot and an ASCII digit in a row (what /\d\.\d/ finds): every malformed
 * amount has one. Found by jumping from dot to dot, faster than the regex over a paragraph (RF104 reads every line).
 */
function hasDigitDotDigit(text: string): boolean {
  for (let i = text.indexOf('.', 1); i > 0 && i < text.length - 1; i = text.indexOf('.', i + 1)) {
    if (isAsciiDigit(text.charCodeAt(i - 1)) && isAsciiDigit(text.charCodeAt(i + 1))) return true;
  }
  return false;
}

/**
 * The Danish numbers "500.00 kr." may have been: the dot as a decimal comma ("500,00 kr."),
 * and, for kroner, a digit lost from the last group ("500.000 kr."). "1.5 mio. kr." is
 * 1,5 mio. kr.: a million amount is not written with thousands of millions.
 */
function readingsOf(num: string, dec: string | undefined, unit: string): string[] {
  const last = num.lastIndexOf('.');
  const tail = num.slice(last + 1);
  const out: string[] = [];
  if (dec === undefined) out.push(`${num.slice(0, last)},${tail}${unit}`);
  const kroner = moneyMultiplier(unit) === 1;
  if (kroner && tail.length < 3) out.push(`${num.slice(0, last)}.${tail.padEnd(3, '0')}${dec !== undefined ? `,${dec}` : ''}${unit}`);
  return out;
}

/** The item's sections, and its decision when that is a section of its own: whose lines RF104 reads. */
function proseSections(sections: Section[], decision: Section | undefined): Section[] {
  return decision && !sections.includes(decision) ? [...sections, decision] : sections;
}

/** The lines of the item's tables (rows and the header lines above them): RF104 reads their cells there. */
function linesOf(tables: Table[]): Set<number> {
  const lines = new Set<number>();
  for (const t of tables) {
    for (const r of t.rows) for (let l = r.range.start.line; l <= r.range.end.line; l++) lines.add(l);
    for (const h of t.head ?? []) lines.add(h.range.start.line);
  }
  return lines;
}
