/**
 * Finding the item headings ("Punkt N: Title", "## **1. A - Title**", "3. Title").
 * Strong forms are trusted wherever they stand; weak forms ("3. Title") also match
 * numbered lists, so they are used only when no strong form occurs, and only where
 * the document's own evidence says they head items (parse/heading-evidence.ts).
 */
import type { ItemBasis, TableOfContents } from '../model';
import type { Line, LineIndex } from '../text/lines';
import { foldHeading, type ItemHeadingForm, type Profile } from '../profiles/profile';
import { foldTitle } from '../text/lines';
import { chooseChains } from './heading-evidence';
import { isContentsLine, standsAmidContents } from './toc-lines';
import type { ItemHeading } from './item-heading';

export type { ItemHeading } from './item-heading';

/** Lines at the end of a document that belong to no item. */
export const TRAILER = /^(?:Source URL:|Kilde URL:)/i;

// A list number that PDF extraction moved from the start of a line to its end ("tages1.").
const TRAILING_LIST_NUMBER = /(?<=[\p{L}.)])\d{1,2}\.$/u;

const MAX_TITLE_LENGTH = 200;
/** An empty marker after a title ("Godkendelse af dagsorden ( )"): a field the case system left blank. */
const EMPTY_MARKER = /\s*\(\s*\)$/;
const MAX_WRAP_LINES = 3;

export interface FoundHeadings {
  headings: ItemHeading[];
  /** Lines written like item headings that restart the numbering inside an item (see withoutNestedRestarts). */
  nested: ItemHeading[];
  /** What decided that these lines head the items (see ItemBasis). */
  basis: ItemBasis;
}

export function findItemHeadings(
  lines: LineIndex,
  profile: Profile,
  isSectionHeading: (text: string) => boolean,
  excluded: (line: number) => boolean,
  toc: () => TableOfContents | null,
  statesKind: (text: string) => boolean = () => false,
): FoundHeadings {
  const strong = profile.itemHeadings.filter((f) => f.strength === 'strong');
  const weak = profile.itemHeadings.filter((f) => f.strength === 'weak');
  // Strong forms are trusted wherever they stand, except on a contents line: some contents
  // write "Punkt 1: Meddelelser.....<TAB>3", and a title never ends in a dot leader and a page.
  // Nor amid such lines: there a line without the leader is an entry the layout broke
  // ("Punkt 3: Lokalplan … ved Skovv 17", or the first line of a wrapped entry).
  // Weak candidates are checked against the whole table of contents below.
  const isContentsHeading = (text: string) => text.length < 60 && profile.tocHeadings.has(foldHeading(text));
  const inContents = (i: number) => isContentsLine(lines.line(i).text) || standsAmidContents(lines, i, isContentsHeading);
  const all = collect(lines, strong, isSectionHeading, inContents);
  const found = withoutNestedRestarts(all);
  if (found.length > 0 || weak.length === 0) return { headings: found, nested: all.filter((h) => !found.includes(h)), basis: 'form' };
  const candidates = collect(lines, weak, isSectionHeading, excluded);
  for (const h of collectNumberAlone(lines, isSectionHeading, excluded)) candidates.push(h);
  candidates.sort((a, b) => a.firstLine - b.firstLine);
  const isCaseNumber = (text: string) => text.length <= 80 && profile.caseNumbers.some((p) => p.test(text));
  const isClosedTitle = (title: string) => {
    const folded = foldTitle(title);
    return profile.closedItems.some((p) => p.test(folded));
  };
  return { ...chooseChains({ lines, isSectionHeading, isCaseNumber, isClosedTitle, statesKind, toc: toc() }, candidates), nested: [] };
}

/** "12" (or "12.") alone on its line, the title on the next non-blank line: the number of a heading written above its title. */
const NUMBER_ALONE = /^(?<number>\d{1,4})\.?$/;
const TITLE_START = /^[\p{Lu}"”“«]/u;

function collectNumberAlone(lines: LineIndex, isSectionHeading: (text: string) => boolean, excluded: (line: number) => boolean): ItemHeading[] {
  const out: ItemHeading[] = [];
  for (let i = 0; i < lines.lineCount; i++) {
    const line = lines.line(i);
    if (line.text.length > 5 || line.text === '' || excluded(i)) continue;
    const m = NUMBER_ALONE.exec(line.text);
    if (!m?.groups) continue;
    let j = i + 1;
    while (j < lines.lineCount && j <= i + 2 && lines.line(j).text === '') j++;
    if (j >= lines.lineCount || j > i + 2) continue;
    const next = lines.line(j);
    if (!TITLE_START.test(next.text) || next.text.length > MAX_TITLE_LENGTH || isSectionHeading(next.text) || /^\d/.test(next.text)) continue;
    const numberCol = line.clean.indexOf(m.groups.number);
    out.push({
      firstLine: i,
      lastLine: j,
      number: Number(m.groups.number),
      numberRange: lines.span(i, numberCol, numberCol + m.groups.number.length),
      title: next.text,
      titleRange: lines.textRange(j),
    });
    i = j;
  }
  return out;
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
  const stripped = title.replace(TRAILING_LIST_NUMBER, '').replace(EMPTY_MARKER, '').trim();
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
