/**
 * text → MinutesDocument. The one entry point of the parser: detect the template,
 * find the items, then read the header, the contents and each item.
 */
import type { DocumentKind, Item, MinutesDocument, TableOfContents } from '../model';
import { builtinProfiles, type ProfileRegistry } from '../profiles/builtin';
import { detectProfile } from '../profiles/detect';
import type { Profile } from '../profiles/profile';
import { LineIndex } from '../text/lines';
import { findChrome, type Chrome } from './chrome';
import { decisionOnPages, findLostLines, itemsOnPages, type LostLines } from './lost-lines';
import { findPersonalNumbers } from './cpr';
import { findWrittenDates, type WrittenDates } from './written-dates';
import { kindInPhrase, parseHeader } from './header';
import { findItemHeadings, TRAILER, type ItemHeading } from './headings';
import { itemKey, itemText, ParseMemo, type MemoEntry } from './memo';
import { parseItem } from './items';
import { SectionMatcher } from './sections';
import { findTables } from './tables/index';
import { applyConventions, learnHeadings } from './template';
import { parseToc } from './toc';
import { pairContents } from '../toc-match';

export interface ParseOptions {
  /** Use this profile instead of detecting one. */
  profile?: string;
  registry?: ProfileRegistry;
  /** What the parse of the document's previous version kept (incremental parsing, see memo.ts). */
  previous?: ParseMemo;
}

export interface ParseResult {
  model: MinutesDocument;
  lines: LineIndex;
  profile: Profile;
  /** For the parse of the next version of the same document. */
  memo: ParseMemo;
}

export function parseDocument(text: string, options: ParseOptions = {}): ParseResult {
  const registry = options.registry ?? builtinProfiles();
  const memo = new ParseMemo(options.previous);
  const lines = new LineIndex(text, memo.previousLines);
  // Stage 1: lines and chrome. Chrome (navigation, banners, page furniture) is read as blank lines by every stage.
  const chrome = findChrome(lines);
  lines.blankOut(chrome.lines);
  // Text with one line per page (lost line breaks) is read by its words, not by its lines.
  const lost = findLostLines(lines);
  const chosen = options.profile && registry.has(options.profile);
  const detection = chosen ? { profile: registry.get(options.profile!), score: 0 } : detectProfile(lines.lines, registry);
  let reading = readItems(lines, detection.profile, memo, chrome, lost);
  let profileFallback: string | undefined;
  // A detected template that finds no item, or whose required sections most items lack, does not fit (a
  // municipality's older template, or another template that shares a heading with it): the generic reading is
  // used instead. A profile the user chose is kept as it is.
  if (!chosen && reading.profile.id !== 'generic' && registry.has('generic') && !fits(reading)) {
    const generic = readItems(lines, registry.get('generic'), memo, chrome, lost);
    if (generic.items.length > 0) {
      profileFallback = reading.profile.id;
      reading = generic;
    }
  }
  const { profile, found, header, toc, items, learned, documentEnd, entries, ends } = reading;
  const headings = found.headings;
  const tables = headings.length === 0 ? findTables(lines, toc ? toc.range.end.line + 1 : 0, documentEnd, profile.tables) : [];

  const sectionCount = items.reduce((n, it) => n + it.sections.length, 0);
  // One item alone, its heading without a number (a page of one item of a meeting): its sections show it.
  const lone = headings.length === 0 && !lost ? loneItemSections(lines, profile) : null;
  const looksLikeMinutes =
    lost !== null ||
    lone !== null ||
    (items.length > 0 && (sectionCount > 0 || header?.statedKind != null)) ||
    (header?.statedKind != null && (header.date !== undefined || header.committee !== undefined));
  const conventions = looksLikeMinutes
    ? applyConventions({ items, profile, statedKind: header?.statedKind ?? null, learned, nested: found.nested, basis: found.basis, restarts: numberingRestarts(lines, items), profileFallback })
    : null;
  let kind: DocumentKind | null = conventions?.kind ?? null;
  if (lone && conventions && header?.statedKind == null) {
    kind = lone.has('decision') ? 'referat' : 'dagsorden';
    conventions.template.kindFrom = lone.has('decision') ? 'decisions' : 'noDecisions';
  }
  if (lone && conventions) conventions.template.itemBasis = 'sectionsOnly';
  // Lost line breaks: where the header names no kind, a decision named on a page makes a referat.
  if (lost && conventions && header?.statedKind == null) {
    kind = lost.decisions ? 'referat' : 'dagsorden';
    conventions.template.kindFrom = lost.decisions ? 'decisions' : 'noDecisions';
  }

  // All dates and year ranges, for the rules on dates; a text that is not minutes gets none,
  // so a shopping list with "onsdag 3. november 2021" on it is not checked as a meeting.
  const written = looksLikeMinutes ? writtenDates(lines, headings, ends, entries) : { dates: [], yearRanges: [] };
  // CPR numbers anywhere in the text, for RF200; the tables tell a column of amounts apart.
  const personalNumbers = !looksLikeMinutes
    ? []
    : headings.length === 0
      ? findPersonalNumbers(lines, 0, lines.lineCount, tables)
      : byItem(lines, headings, ends, entries, 'personalNumbers', (from, to, k) => findPersonalNumbers(lines, from, to, k === null ? [] : items[k].tables));

  const model: MinutesDocument = {
    kind,
    profile: profile.id,
    header,
    toc,
    items: looksLikeMinutes ? items : [],
    tables,
    lineCount: lines.lineCount,
    blank: lines.lines.every((l) => l.text === ''),
    dates: written.dates,
    yearRanges: written.yearRanges,
    personalNumbers,
    eol: lineTerminator(text),
  };
  if (conventions) model.template = conventions.template;
  if (lost) model.lineBreaksLost = { pages: lost.pages.length, firstPage: lost.pages[0] };
  // Each contents entry carries its item, paired once here for every reader (see TocEntry.item).
  pairContents(toc, model.items, (k) => lineUnderHeading(lines, model.items[k]));
  return { model, lines, profile, memo: memo.seal(lines) };
}

/** A title wraps onto the line right under its heading, if any: that line, for comparing with the contents. */
const MAX_TITLE_CONTINUATION = 120;
function lineUnderHeading(lines: LineIndex, item: Item): string | null {
  const next = item.headingRange.end.line + 1;
  const text = next < lines.lineCount ? lines.line(next).text : '';
  return text !== '' && text.length <= MAX_TITLE_CONTINUATION ? text : null;
}

/**
 * Every date and year range in the text, as findWrittenDates(lines, 0, lineCount) finds them (it reads
 * each line on its own), with each item's share taken from the memo when the item is unchanged.
 */
function writtenDates(lines: LineIndex, headings: ItemHeading[], ends: number[], entries: MemoEntry[]): WrittenDates {
  if (headings.length === 0) return findWrittenDates(lines, 0, lines.lineCount);
  const parts = byItem(lines, headings, ends, entries, 'dates', (from, to) => [findWrittenDates(lines, from, to)]);
  return { dates: parts.flatMap((p) => p.dates), yearRanges: parts.flatMap((p) => p.yearRanges) };
}

/**
 * What a scan that reads each line on its own finds in the whole text, made of its finds in the
 * header, in each item (taken from the memo when the item is unchanged, see memo.ts) and after the
 * last item. `scan` gets the lines [from, to) and the item's index (null outside the items).
 */
function byItem<K extends 'dates' | 'personalNumbers'>(
  lines: LineIndex,
  headings: ItemHeading[],
  ends: number[],
  entries: MemoEntry[],
  key: K,
  scan: (from: number, to: number, item: number | null) => NonNullable<MemoEntry[K]>,
): NonNullable<MemoEntry[K]>[number][] {
  const out = [...scan(0, headings[0].firstLine, null)];
  headings.forEach((h, k) => {
    const found = (entries[k][key] ??= scan(h.firstLine, ends[k], k));
    for (const x of found) out.push(x);
  });
  for (const x of scan(ends[ends.length - 1], lines.lineCount, null)) out.push(x);
  return out;
}

/** The document read with one profile: its item headings, header, contents and items. */
function readItems(lines: LineIndex, profile: Profile, memo: ParseMemo, chrome: Chrome, lost: LostLines | null) {
  const matcher = new SectionMatcher(profile);
  let earlyToc: TableOfContents | null | undefined;
  // Computed once: `??=` would parse again on every call when there is no contents (null),
  // which made a long numbered list quadratic (one whole-document pass per candidate line).
  const tocBeforeItems = () => (earlyToc === undefined ? (earlyToc = parseToc(lines, profile, 0, lines.lineCount)) : earlyToc);
  const inToc = (line: number) => {
    const toc = tocBeforeItems();
    return toc !== null && line >= toc.range.start.line && line <= toc.range.end.line;
  };
  // A sentence ("Referat is a tool for …") states no kind; a title line does.
  const statesKind = (text: string) => text.length <= 120 && !text.endsWith('.') && kindInPhrase(text, profile) !== null;
  const found = lost
    ? { headings: itemsOnPages(lines, lost), nested: [], basis: 'pageStarts' as const }
    : findItemHeadings(lines, profile, (t) => matcher.isHeadingText(t), inToc, tocBeforeItems, statesKind);
  const headings = found.headings;

  const firstItemLine = headings.length > 0 ? headings[0].firstLine : lines.lineCount;
  const toc = parseToc(lines, profile, 0, firstItemLine);
  const headerEnd = toc?.heading ? toc.range.start.line : firstItemLine;
  const header = parseHeader(lines, profile, 0, headerEnd, chrome.pageTitle);

  let documentEnd = lines.lineCount;
  for (let j = lines.lineCount - 1; j >= firstItemLine && j >= lines.lineCount - 5; j--) {
    if (TRAILER.test(lines.line(j).text)) documentEnd = j;
  }
  // An item ends where the next begins, or at a label over the next items ("Lukkede punkter", "ÅBNE SAGER").
  const itemEnd = (k: number) => (k + 1 < headings.length ? groupLabelBefore(lines, headings[k + 1].firstLine, headings[k].lastLine) : documentEnd);
  // The headings the items share that the profile does not know are read as sections too.
  const ends = headings.map((_, k) => itemEnd(k));
  const entries = headings.map((h, k) => memo.entry(itemKey(h, ends[k]), itemText(lines, h, ends[k])));
  const learned = learnHeadings(lines, profile, headings, itemEnd, matcher, {
    get: (k) => (entries[k].learnProfile === profile ? entries[k].candidates : undefined),
    set: (k, candidates) => Object.assign(entries[k], { candidates, learnProfile: profile }),
  });
  matcher.learn(learned);
  // parseItem reads the profile, the learned headings and the committee besides the item's own lines.
  const committee = header?.committee?.text;
  const meetingIso = header?.date?.iso ?? null;
  const context = `${[...learned].sort().join('\u0000')}\u0001${committee ?? ''}\u0001${meetingIso ?? ''}`;
  const items: Item[] = headings.map((h, k) => {
    const entry = entries[k];
    if (entry.item && entry.itemProfile === profile && entry.itemContext === context) return entry.item;
    const item = parseItem(lines, profile, matcher, h, ends[k], committee, meetingIso);
    // On page lines (lost line breaks) the decision is read from the words after its label.
    if (lost && !item.decision) item.decision = decisionOnPages(lines, h.firstLine, Math.max(h.firstLine, ends[k] - 1), profile);
    Object.assign(entry, { item, itemProfile: profile, itemContext: context });
    // The CPR scan reads the item's tables, and a stacked table depends on the profile and the section headings.
    delete entry.personalNumbers;
    return item;
  });
  return { profile, found, header, toc, items, learned, documentEnd, entries, ends };
}

/**
 * Whether a profile fits the document it read: it found items, and at least half of the sections it requires
 * besides the decision stand in some item (one item may lack one for real; a template whose required
 * sections the document never writes is another template that only shares a heading or two with it).
 */
function fits(reading: ReturnType<typeof readItems>): boolean {
  const { items, profile } = reading;
  if (items.length === 0) return false;
  const required = new Set([...profile.required.referat, ...profile.required.dagsorden]);
  required.delete('decision');
  if (required.size === 0) return true;
  const written = new Set(items.flatMap((it) => it.sections.map((s) => s.role)));
  const present = [...required].filter((role) => written.has(role)).length;
  return present * 2 >= required.size;
}

/** A label over a group of items ("Lukkede dagsordenspunkter", "ÅBNE SAGER", "Lukket møde"). */
const GROUP_LABEL = /^(?:åbne|åben|åbent|lukkede|lukket|fortrolige)\s+(?:dagsordens)?(?:punkter|sager|møde|del)$/i;

/** Where the item before the heading at `line` ends: at a group label right above the heading, else at the heading. */
function groupLabelBefore(lines: LineIndex, line: number, after: number): number {
  let j = line - 1;
  while (j > after && lines.line(j).text === '') j--;
  return j > after && GROUP_LABEL.test(lines.line(j).text) ? j : line;
}

/**
 * The section roles of a text without any item heading, when they show one item of a meeting: at least two
 * different sections of the vocabulary, one of them a recommendation or a decision. Null otherwise.
 */
function loneItemSections(lines: LineIndex, profile: Profile): Set<string> | null {
  const matcher = new SectionMatcher(profile);
  const roles = new Set<string>();
  for (let i = 0; i < lines.lineCount; i++) {
    if (lines.line(i).text === '') continue;
    const match = matcher.match(lines, i);
    if (match && !match.form.group) roles.add(match.form.role);
  }
  return roles.size >= 2 && (roles.has('decision') || roles.has('recommendation')) ? roles : null;
}

/**
 * The items where the numbering starts again from 1 after a run, by design: the closed items of a meeting,
 * numbered apart, whose first item is closed or stands under a line that says so ("Lukkede dagsordenspunkter").
 */
function numberingRestarts(lines: LineIndex, items: Item[]): number[] {
  const out: number[] = [];
  for (let k = 1; k < items.length; k++) {
    if (items[k].number !== 1 || items[k - 1].number <= 1) continue;
    let opener = '';
    for (let j = items[k].headingRange.start.line - 1; j >= 0 && opener === ''; j--) opener = lines.line(j).text;
    if (items[k].closed || /lukke/i.test(opener)) out.push(k);
  }
  return out;
}

/** The first line terminator in the text; "\n" for text without one. */
function lineTerminator(text: string): string {
  const n = text.indexOf('\n');
  const r = text.indexOf('\r');
  if (r < 0) return '\n';
  if (n < 0 || r < n) return text.charCodeAt(r + 1) === 10 ? '\r\n' : '\r';
  return '\n';
}

