/**
 * Finding the item headings ("Punkt N: Title", "## **1. A - Title**", "3. Title").
 * Strong forms are trusted wherever they stand; weak forms ("3. Title") also match
 * numbered lists, so they are used only when no strong form occurs, and only where
 * they look like a heading and agree with the table of contents or the numbering.
 */
import type { Range, TableOfContents, TextRef } from '../model';
import type { Line, LineIndex } from '../text/lines';
import { foldTitle } from '../text/lines';
import type { ItemHeadingForm, Profile } from '../profiles/profile';

export interface ItemHeading {
  /** First and last line of the heading (a wrapped title spans several). */
  firstLine: number;
  lastLine: number;
  number: number;
  numberRange: Range;
  title: string;
  titleRange: Range;
  category?: TextRef;
}

/** Lines at the end of a document that belong to no item. */
export const TRAILER = /^(?:Source URL:|Kilde URL:)/i;

// A list number that PDF extraction moved from the start of a line to its end ("tages1.").
const TRAILING_LIST_NUMBER = /(?<=[\p{L}.)])\d{1,2}\.$/u;

/** A line ending in a dot leader and a page number ("Meddelelser.....\t3"), or in a long dot leader. */
function isContentsLine(text: string): boolean {
  if (!text.includes('...')) return false;
  const page = /\d{1,4}$/.exec(text);
  return page ? text.slice(0, page.index).trimEnd().endsWith('...') : text.endsWith('....');
}

const MAX_TITLE_LENGTH = 200;
const MAX_WRAP_LINES = 3;

export interface FoundHeadings {
  headings: ItemHeading[];
  /** Lines written like item headings that restart the numbering inside an item (see withoutNestedRestarts). */
  nested: ItemHeading[];
}

export function findItemHeadings(
  lines: LineIndex,
  profile: Profile,
  isSectionHeading: (text: string) => boolean,
  excluded: (line: number) => boolean,
  toc: () => TableOfContents | null,
): FoundHeadings {
  const strong = profile.itemHeadings.filter((f) => f.strength === 'strong');
  const weak = profile.itemHeadings.filter((f) => f.strength === 'weak');
  // Strong forms are trusted wherever they stand, except on a contents line: some contents
  // write "Punkt 1: Meddelelser.....<TAB>3", and a title never ends in a dot leader and a page.
  // Weak candidates are checked against the whole table of contents below.
  const all = collect(lines, strong, isSectionHeading, (i) => isContentsLine(lines.line(i).text));
  const found = withoutNestedRestarts(all);
  if (found.length > 0 || weak.length === 0) return { headings: found, nested: all.filter((h) => !found.includes(h)) };
  return { headings: selectWeak(lines, collect(lines, weak, isSectionHeading, excluded), toc()), nested: [] };
}

function collect(
  lines: LineIndex,
  forms: ItemHeadingForm[],
  isSectionHeading: (text: string) => boolean,
  excluded: (line: number) => boolean,
): ItemHeading[] {
  const out: ItemHeading[] = [];
  if (forms.length === 0) return out;
  for (let i = 0; i < lines.lineCount; i++) {
    const line = lines.line(i);
    const text = line.text;
    if (text === '' || text.length > 400 || !/\d/.test(text) || excluded(i)) continue;
    for (const form of forms) {
      const m = form.pattern.exec(text);
      if (!m?.groups) continue;
      const heading = makeHeading(lines, line, m, form, isSectionHeading);
      if (heading) {
        out.push(heading);
        i = heading.lastLine;
      }
      break;
    }
  }
  return out;
}

function makeHeading(
  lines: LineIndex,
  line: Line,
  m: RegExpExecArray,
  form: ItemHeadingForm,
  isSectionHeading: (text: string) => boolean,
): ItemHeading | null {
  const g = m.groups!;
  const number = Number(g.number);
  let title = g.title.trim();
  if (!Number.isSafeInteger(number) || title === '') return null;
  const numberCol = line.clean.indexOf(g.number, line.indent);
  const titleCol = line.clean.indexOf(title, numberCol + g.number.length);
  let titleRange = lines.span(line.index, titleCol, titleCol + title.length);
  let lastLine = line.index;
  if (form.wrap) {
    // PDF text wraps a long title onto the next lines, with no blank line between.
    for (let j = line.index + 1; j < lines.lineCount && j <= line.index + MAX_WRAP_LINES; j++) {
      const next = lines.line(j);
      if (next.text === '' || isSectionHeading(next.text) || !looksLikeTitleContinuation(next.text) || title.length > MAX_TITLE_LENGTH) break;
      title = joinWrapped(title, next.text);
      titleRange = { start: titleRange.start, end: { line: j, character: next.indent + next.text.length } };
      lastLine = j;
    }
  }
  const stripped = title.replace(TRAILING_LIST_NUMBER, '').trim();
  if (stripped !== title && lastLine === line.index) {
    titleRange = lines.span(line.index, titleCol, titleCol + stripped.length);
  }
  title = stripped;
  const heading: ItemHeading = {
    firstLine: line.index,
    lastLine,
    number,
    numberRange: lines.span(line.index, numberCol, numberCol + g.number.length),
    title,
    titleRange,
  };
  if (g.category) {
    const col = line.clean.indexOf(g.category, numberCol + g.number.length);
    heading.category = { text: g.category, range: lines.span(line.index, col, col + g.category.length) };
  }
  return heading;
}

/** A wrapped title line: not a number, not a "Label: value" line, not a sentence's worth of text. */
function looksLikeTitleContinuation(text: string): boolean {
  return !/^\d/.test(text) && !/^[\p{L} .]{1,30}:/u.test(text) && text.length <= 120;
}

function joinWrapped(title: string, next: string): string {
  // "Beskæf-" + "tigelse" was one word; "Erhvervs- og" + "Beskæftigelse" are two.
  if (/\p{L}-$/u.test(title) && /^\p{Ll}/u.test(next)) return title.slice(0, -1) + next;
  return `${title} ${next}`;
}

/**
 * Drops headings that restart the numbering inside an item: a history or a list of decisions per
 * recommendation written as "Punkt 1: Økonomiudvalget anbefaler …", "Pkt. 2: Anbefales." between the
 * document's Punkt 7 and Punkt 8. The document's own sequence is the longest run of consecutive numbers in
 * document order (the earliest such run on a tie, as the real items start first); a heading standing between
 * two neighbours of that run (n, then n+1) whose number is not above n is body text of item n. Anything else
 * off the run (a gap, a repeat, a wrong order) is kept, so the numbering rule can report it.
 */
export function withoutNestedRestarts(headings: ItemHeading[]): ItemHeading[] {
  if (headings.length < 3) return headings;
  // best[k]: the length of the longest consecutive run ending at heading k; from[k]: its predecessor;
  // start[k]: where that run starts. Of two runs of one length, the one that starts first wins.
  const best = new Array<number>(headings.length).fill(1);
  const from = new Array<number>(headings.length).fill(-1);
  const start = headings.map((_, k) => k);
  /** For each number, the heading with that number that ends the best run so far. */
  const bestWithNumber = new Map<number, number>();
  const better = (a: number, b: number) => best[a] > best[b] || (best[a] === best[b] && start[a] < start[b]);
  for (let k = 0; k < headings.length; k++) {
    const previous = bestWithNumber.get(headings[k].number - 1);
    if (previous !== undefined) {
      best[k] = best[previous] + 1;
      from[k] = previous;
      start[k] = start[previous];
    }
    const holder = bestWithNumber.get(headings[k].number);
    if (holder === undefined || better(k, holder)) bestWithNumber.set(headings[k].number, k);
  }
  let end = 0;
  for (let k = 1; k < headings.length; k++) if (better(k, end)) end = k;
  if (best[end] < 2) return headings;
  const run = new Set<number>();
  for (let k = end; k >= 0; k = from[k]) run.add(k);
  const nested = new Set<number>();
  let previousInRun = -1;
  for (let k = 0; k < headings.length; k++) {
    if (run.has(k)) {
      if (previousInRun >= 0) {
        for (let j = previousInRun + 1; j < k; j++) {
          if (headings[j].number <= headings[previousInRun].number) nested.add(j);
        }
      }
      previousInRun = k;
    }
  }
  // Headings after the run's last item are kept: a file of several meetings restarts there, and a
  // heading there that is really body text cannot be told from the next meeting's first item.
  return nested.size === 0 ? headings : headings.filter((_, k) => !nested.has(k));
}

/** Weak headings: keep those that look like headings and fit the contents or the numbering. */
function selectWeak(lines: LineIndex, candidates: ItemHeading[], toc: TableOfContents | null): ItemHeading[] {
  const looksLikeHeading = candidates.filter((h) => {
    if (h.title.length > MAX_TITLE_LENGTH || /[,;:]$/.test(h.title)) return false;
    const before = previousNonBlank(lines, h.firstLine);
    const after = nextNonBlank(lines, h.lastLine);
    // In a list, the neighbouring lines are numbered too and stand without blank lines.
    const listNeighbour = (j: number, adjacent: boolean) => adjacent && /^\d{1,3}[.)]\s/.test(lines.line(j).text);
    if (before >= 0 && listNeighbour(before, before === h.firstLine - 1)) return false;
    if (after >= 0 && listNeighbour(after, after === h.lastLine + 1)) return false;
    return true;
  });
  const tocTitles = new Set((toc?.entries ?? []).map((e) => foldTitle(e.title)));
  if (tocTitles.size > 0) {
    // The contents decide; a heading it misses (a contents line PDF text broke up) still counts when it
    // continues the numbering of one it lists.
    const kept: ItemHeading[] = [];
    for (const h of looksLikeHeading) {
      const previous = kept[kept.length - 1];
      if (tocTitles.has(foldTitle(h.title)) || (previous && h.number === previous.number + 1)) kept.push(h);
    }
    return kept;
  }
  const chain: ItemHeading[] = [];
  for (const h of looksLikeHeading) {
    if (chain.length === 0 || h.number === chain[chain.length - 1].number + 1) chain.push(h);
  }
  return chain;
}

function previousNonBlank(lines: LineIndex, from: number): number {
  for (let j = from - 1; j >= 0; j--) if (lines.line(j).text !== '') return j;
  return -1;
}

function nextNonBlank(lines: LineIndex, from: number): number {
  for (let j = from + 1; j < lines.lineCount; j++) if (lines.line(j).text !== '') return j;
  return -1;
}
