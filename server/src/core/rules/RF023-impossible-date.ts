import { daysInMonth } from '../dates';
import type { DateRef, Fix, Item, MinutesDocument, YearRange } from '../model';
import { perLanguage } from '../messages';
import { ruleMessages, type Rule, type RuleFinding } from './rule';
import { dateOnly, within } from './date-common';

const { messages, message, report } = ruleMessages({
  noSuchDate: {
    da: 'Datoen {date} findes ikke: {month} {year} har kun {days} dage{leap}.',
    en: 'The date {date} does not exist: {month} {year} has only {days} days{leap}.',
  },
  notLeap: { da: ' ({year} er ikke et skudår)', en: ' ({year} is not a leap year)' },
  backwardsMeant: {
    da: 'Årsintervallet {range} slutter før det begynder; menes der {intended} ({where})?',
    en: 'The year range {range} ends before it begins; is {intended} meant ({where})?',
  },
  backwards: {
    da: 'Årsintervallet {range} slutter før det begynder: {to} ligger før {from}.',
    en: 'The year range {range} ends before it begins: {to} is before {from}.',
  },
  inTitle: { da: 'som i punktets titel', en: "as in the item's title" },
  inItem: { da: 'som andre steder i punktet', en: 'as elsewhere in the item' },
  inDocument: { da: 'som andre steder i dokumentet', en: 'as elsewhere in the document' },
  fix: { da: 'Ret til {intended}', en: 'Change to {intended}' },
});

/**
 * RF023: a date that does not exist (31-11-2021, 30. februar 2021) or a year range
 * that ends before it begins (2021-2015). Only what is written as a date counts:
 * a day and a month that could be one (1-31, 1-12 or a month name) and a four-digit
 * year; file names, addresses, case and KLE numbers are not collected by the parser
 * (see parse/written-dates.ts). For a backwards range the item's title or text usually has the
 * intended range with the same first year ("2021-2025"): the message names it and the
 * fix writes it (not safe: only the clerk knows which year is meant).
 */
export const impossibleDate: Rule = {
  code: 'RF023',
  name: 'impossible-date',
  defaultSeverity: 'warning',
  tags: ['dates'],
  fixable: true,
  description: {
    da: 'En dato findes ikke, eller et årsinterval slutter før det begynder.',
    en: 'A date does not exist, or a year range ends before it begins.',
  },
  messages,
  check({ model }) {
    const out: RuleFinding[] = [];
    for (const date of model.dates) {
      const finding = impossible(date);
      if (finding) out.push(finding);
    }
    if (model.yearRanges.some((r) => r.to < r.from)) {
      const spacedTableRows = spaceTableRows(model);
      // Ranges that run forwards, by first year: where a backwards one looks for what was meant.
      const forwards = new Map<number, YearRange[]>();
      for (const r of model.yearRanges) {
        if (r.to <= r.from) continue;
        const list = forwards.get(r.from);
        if (list) list.push(r);
        else forwards.set(r.from, [r]);
      }
      for (const range of model.yearRanges) {
        if (range.to >= range.from) continue;
        // "2021 - 2015" on a row of a space-separated table is three cells (2021, none, 2015).
        if (range.text.includes(' ') && spacedTableRows.has(range.range.start.line)) continue;
        out.push(backwards(range, model, forwards.get(range.from) ?? []));
      }
    }
    return out;
  },
};

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DA_MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

function impossible(date: DateRef): RuleFinding | null {
  if (date.iso !== null) return null;
  const { day, month, year } = date;
  // A number such as 45-97-2000 is no date at all; 31-11-2021 and 30. februar 2021 are dates that do not exist.
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const written = dateOnly(date);
  const days = daysInMonth(year, month);
  const leap = month === 2 && day === 29;
  return report({
    messageId: 'noSuchDate',
    data: { date: written.text, month: perLanguage(DA_MONTHS[month - 1], EN_MONTHS[month - 1]), year, days, leap: leap ? message('notLeap', { year }) : '' },
    range: written.range,
  });
}

function backwards(range: YearRange, model: MinutesDocument, candidates: YearRange[]): RuleFinding {
  const item = itemAt(model.items, range.range.start.line);
  const suggestion = intendedRange(candidates, item);
  if (!suggestion) return report({ messageId: 'backwards', data: { range: range.text, to: range.to, from: range.from }, range: range.range, fixes: [] });
  const intended = `${range.from}${range.text.slice(String(range.from).length, range.text.length - String(range.to).length)}${suggestion.to}`;
  const where = message(({ title: 'inTitle', item: 'inItem', document: 'inDocument' } as const)[suggestion.where]);
  const fixes: Fix[] = [
    { title: message('fix', { intended }), edits: [{ range: range.toRange, newText: String(suggestion.to) }], safe: false },
  ];
  return report({ messageId: 'backwardsMeant', data: { range: range.text, intended, where }, range: range.range, fixes });
}

/**
 * The range with the same first year written elsewhere: in the item's title first,
 * then in the item's text (the most frequent end year). Another item may be about
 * another plan with other years, so it is not looked at; a range outside the items
 * (header, contents) is compared with the whole document.
 */
function intendedRange(candidates: YearRange[], item: Item | undefined): { to: number; where: 'title' | 'item' | 'document' } | null {
  if (candidates.length === 0) return null;
  if (item) {
    const inTitle = candidates.find((r) => within(r.range, item.titleRange));
    if (inTitle) return { to: inTitle.to, where: 'title' };
    const inItem = mostFrequentEnd(candidates.filter((r) => within(r.range, item.range)));
    return inItem === null ? null : { to: inItem, where: 'item' };
  }
  const anywhere = mostFrequentEnd(candidates);
  return anywhere === null ? null : { to: anywhere, where: 'document' };
}

/** The item whose lines include `line` (items are in document order). */
function itemAt(items: Item[], line: number): Item | undefined {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = items[mid].range;
    if (line < r.start.line) hi = mid - 1;
    else if (line > r.end.line) lo = mid + 1;
    else return items[mid];
  }
  return undefined;
}

function mostFrequentEnd(ranges: YearRange[]): number | null {
  const counts = new Map<number, number>();
  let best: number | null = null;
  for (const r of ranges) {
    const n = (counts.get(r.to) ?? 0) + 1;
    counts.set(r.to, n);
    if (best === null || n > counts.get(best)!) best = r.to;
  }
  return best;
}

/** Lines that are rows of a space-separated table (PDF text), where spaced dashes separate cells. */
function spaceTableRows(model: MinutesDocument): Set<number> {
  const rows = new Set<number>();
  const add = (tables: MinutesDocument['tables']) => {
    for (const t of tables) if (t.form === 'space') for (const r of t.rows) rows.add(r.line);
  };
  add(model.tables);
  for (const item of model.items) add(item.tables);
  return rows;
}
