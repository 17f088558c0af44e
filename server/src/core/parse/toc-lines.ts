/**
 * Reading the lines of a table of contents. A whole entry ends in a dot leader, a tab or a table
 * cell before its page (matchEntry). Where the layout broke an entry, two readings more
 * (readBrokenEntry): a title wrapped onto the next line, and a page written straight after a title
 * that was cut for lack of room (the leader went with the end of the title). Without them the
 * contents ended at the first such line, and every item after it was reported missing from them.
 */
import type { TableOfContents } from '../model';
import type { LineIndex } from '../text/lines';

export interface EntryMatch {
  form: TableOfContents['form'];
  title: string;
  page: number | null;
  number: number | null;
}

/** An entry read from lines the layout broke: the lines it spans, and the title's columns on them. */
export interface BrokenEntry {
  match: EntryMatch;
  firstLine: number;
  lastLine: number;
  /** Column where the title starts on the first line and ends on the last. */
  titleStart: number;
  titleEnd: number;
  /** The page follows the title with no leader, so the number may also belong to the title. */
  pageAfterTitle: boolean;
}

const DOTS_ENTRY = /^(?<title>\S.*?)\s*\.{3,}\s*(?<page>\d+)?\s*$/u;
const PIPE_ENTRY = /^\|\s*(?<title>[^|]*?)\s*\.{0,}\s*\|\s*(?<page>\d*)\s*\|\s*$/u;
const NUMBERED_ENTRY = /^(?:(?:Punkt|Pkt\.?)\s+)?(?<number>\d{1,4})\s*[.:]?\s+(?:(?<category>[A-ZÆØÅ])\s*-\s*)?(?<title>\S.*?)(?:\s*\.{3,})?(?:\t+|\s{2,})(?<page>\d+)\s*$/u;

/**
 * A page after a title with a single space or a short leader: "… ved Skovv 17". The title's last word
 * has a letter, so "Budget 2024" is no title "Budget" on page 2024; the page has at most three digits.
 */
const PAGE_AFTER_TITLE = /^(?:(?<number>\d{1,4})\.?\s+(?:(?<category>[A-ZÆØÅ])\s*-\s*)?)?(?<title>\S.*?\p{L}\S*?)(?:\s*\.{2,}\s*|\s+)(?<page>\d{1,3})$/u;
/** The number at the start of a wrapped numbered entry's first line ("5. Forslag til …"). */
const LEADING_NUMBER = /^(?<number>\d{1,4})\.?\s+(?:(?<category>[A-ZÆØÅ])\s*-\s*)?(?=\S)/u;

/** A wrapped line fills the contents' width: a short line alone ("Lukkede punkter") is a label, not half a title. */
const MIN_WRAPPED_LINE = 30;
/**
 * A line that cannot end a title: it ends in a dash, a comma or an ampersand, or in a word that joins
 * two others (a conjunction or preposition: "… og", "… for"). Such a line goes on below, short or long.
 */
const UNFINISHED = /(?:[-–—,&]|\s(?:og|eller|samt|for|til|af|om|med|ved|på|fra|i|efter|under|mellem|over|vedr\.))$/u;
/** A title wraps over at most this many lines. */
const MAX_WRAPPED_LINES = 3;
/** How many non-blank lines ahead the next whole entry is looked for. */
const LOOKAHEAD_LINES = 3;
/** A contents line is short; a longer line is prose (and the patterns need not look at a page of it). */
const MAX_ENTRY_LINE = 300;

export function matchEntry(text: string): EntryMatch | null {
  let m = PIPE_ENTRY.exec(text);
  if (m?.groups && m.groups.title.replace(/\.+$/, '').trim() !== '') {
    return { form: 'pipe', title: m.groups.title.replace(/\s*\.{3,}$/, '').trim(), page: page(m.groups.page), number: null };
  }
  m = NUMBERED_ENTRY.exec(text);
  if (m?.groups) {
    return { form: 'numbered', title: m.groups.title.trim(), page: page(m.groups.page), number: Number(m.groups.number) };
  }
  m = text.includes('...') ? DOTS_ENTRY.exec(text) : null;
  if (m?.groups) return { form: 'dots', title: m.groups.title.trim(), page: page(m.groups.page), number: null };
  return null;
}

/**
 * A line of a table of contents: ending in a dot leader and a page number ("Meddelelser.....\t3"), in a long
 * dot leader, or in a tab and a page number ("Punkt 3: Budget 2025<TAB>5").
 */
const TAB_PAGE = /\S\t+\d{1,4}\s*$/;

export function isContentsLine(text: string): boolean {
  if (TAB_PAGE.test(text)) return true;
  if (!text.includes('...')) return false;
  const p = /\d{1,4}$/.exec(text);
  return p ? text.slice(0, p.index).trimEnd().endsWith('...') : text.endsWith('....');
}

/**
 * Whether line `i` stands inside a dot-leader contents: the line before it is a contents line (or the
 * contents' heading) and so is the line after it, blank lines aside. Such a line is an entry the layout
 * broke ("Punkt 3: Lokalplan … ved Skovv 17"), not an item heading.
 */
export function standsAmidContents(lines: LineIndex, i: number, isContentsHeading: (text: string) => boolean): boolean {
  const after = nonBlank(lines, i, +1);
  if (after < 0 || !isContentsLine(lines.line(after).text)) return false;
  const before = nonBlank(lines, i, -1);
  if (before < 0) return false;
  const b = lines.line(before).text;
  return isContentsLine(b) || isContentsHeading(b);
}

/** What the contents read so far say about the next entry. */
export interface ContentsSoFar {
  /** The page of the entry before, if it has one. */
  lastPage: number | null;
  /** The form of the entries before; null before the first. */
  form: TableOfContents['form'] | null;
}

/**
 * Reads an entry from line `i`, which is no whole entry, where the layout broke it: a title wrapped
 * over up to three lines, the last with the page; or a page straight after a cut title. Read only where
 * the pages say so: not below the entry before and, for a page after a title, not above the next whole
 * entry, which must follow (a line ending in a number is otherwise just a line).
 */
export function readBrokenEntry(lines: LineIndex, i: number, until: number, sofar: ContentsSoFar): BrokenEntry | null {
  if (lines.line(i).text.length > MAX_ENTRY_LINE) return null;
  // A line that ends in a fitting page is a cut title, unless the next line goes on in lower case:
  // then the number is the title's ("… lokalplan 45" / "for erhvervsområdet …").
  const cut = readPageAfterTitle(lines, i, until, sofar);
  if (cut && !continuesInLowerCase(lines, i, until)) return cut;
  return readWrapped(lines, i, until, sofar) ?? cut;
}

function continuesInLowerCase(lines: LineIndex, i: number, until: number): boolean {
  return i + 1 < until && /^\p{Ll}/u.test(lines.line(i + 1).text);
}

/**
 * The entry's number and title from its text. Only numbered contents state a number: in a dots or pipe
 * contents "2. behandling af …" is a title that begins with an ordinal (see describeEntry).
 */
function numberAndTitle(text: string, sofar: ContentsSoFar): { number: number | null; title: string; offset: number } {
  const lead = sofar.form === 'numbered' || sofar.form === null ? LEADING_NUMBER.exec(text) : null;
  if (!lead?.groups) return { number: null, title: text, offset: 0 };
  return { number: Number(lead.groups.number), title: text.slice(lead[0].length), offset: lead[0].length };
}

function readWrapped(lines: LineIndex, i: number, until: number, sofar: ContentsSoFar): BrokenEntry | null {
  const parts = [lines.line(i).text];
  for (let j = i + 1; j < until && j < i + MAX_WRAPPED_LINES; j++) {
    // Every line before the one with the page is the start of a title (no blank line between).
    if (!wrapsOn(parts[parts.length - 1], sofar)) return null;
    const line = lines.line(j);
    if (line.text === '' || line.text.length > MAX_ENTRY_LINE) return null;
    const whole = matchEntry(line.text);
    const tail = whole ? null : PAGE_AFTER_TITLE.exec(line.text)?.groups;
    if (whole && whole.form === 'dots' && whole.page !== null) {
      if (!pageFits(whole.page, sofar.lastPage, null)) return null;
      // A dot leader: the first line's number, if any, is part of the title, as in any dots entry.
      return wrappedEntry(lines, i, j, [...parts, whole.title], whole.page, false, { ...sofar, form: 'dots' });
    }
    // A tail without a leader: its own number would make it an entry of its own.
    if (tail && !tail.number && !tail.category) {
      if (!pageFits(Number(tail.page), sofar.lastPage, nextWholePage(lines, j, until))) return null;
      return wrappedEntry(lines, i, j, [...parts, tail.title], Number(tail.page), true, sofar);
    }
    if (whole) return null;
    parts.push(line.text);
  }
  return null;
}

/**
 * Whether a line above an entry's last line is the start of its title: it cannot end one, or (once
 * an entry has been read, so the line is no header line above the contents) it fills the width.
 */
function wrapsOn(line: string, sofar: ContentsSoFar): boolean {
  if (UNFINISHED.test(line)) return true;
  return sofar.form !== null && line.length >= MIN_WRAPPED_LINE && !line.endsWith(':') && !line.endsWith('.');
}

function wrappedEntry(lines: LineIndex, i: number, j: number, parts: string[], pageNumber: number, pageAfterTitle: boolean, sofar: ContentsSoFar): BrokenEntry {
  const { number, title, offset } = numberAndTitle(parts.map((p) => p.trim()).join(' '), sofar);
  const titleStart = lines.line(i).indent + offset;
  const last = lines.line(j);
  const lastPart = parts[parts.length - 1];
  const titleEnd = last.clean.indexOf(lastPart, last.indent) + lastPart.length;
  return {
    match: { form: number === null ? 'dots' : 'numbered', title, page: pageNumber, number },
    firstLine: i,
    lastLine: j,
    titleStart,
    titleEnd,
    pageAfterTitle,
  };
}

function readPageAfterTitle(lines: LineIndex, i: number, until: number, sofar: ContentsSoFar): BrokenEntry | null {
  const line = lines.line(i);
  const g = PAGE_AFTER_TITLE.exec(line.text)?.groups;
  if (!g) return null;
  const pageNumber = Number(g.page);
  const next = nextWholePage(lines, i, until);
  if (next === undefined || !pageFits(pageNumber, sofar.lastPage, next)) return null;
  const pageAt = line.text.lastIndexOf(g.page);
  const { number, title: rest, offset } = numberAndTitle(line.text.slice(0, pageAt).replace(/(?:\s*\.{2,})?\s*$/u, ''), sofar);
  const title = rest.trim();
  const titleStart = line.indent + offset;
  return {
    match: { form: number === null ? 'dots' : 'numbered', title, page: pageNumber, number },
    firstLine: i,
    lastLine: i,
    titleStart,
    titleEnd: titleStart + title.length,
    pageAfterTitle: true,
  };
}

/** A page between the entry before and the entry after it (either may be unknown: null). */
function pageFits(p: number, before: number | null, after: number | null | undefined): boolean {
  return p >= 1 && (before === null || p >= before) && (after === null || after === undefined || p <= after);
}

/**
 * The page of the next whole entry within a few non-blank lines after line `i`: a number, null for an
 * entry without a page, undefined when no whole entry follows there.
 */
export function nextWholePage(lines: LineIndex, i: number, until: number): number | null | undefined {
  let seen = 0;
  for (let j = i + 1; j < until && seen < LOOKAHEAD_LINES; j++) {
    const text = lines.line(j).text;
    if (text === '') continue;
    seen++;
    const whole = matchEntry(text);
    if (whole) return whole.page;
  }
  return undefined;
}

/** Whether the next non-blank line after `i` (within two lines) is a whole entry: the contents go on. */
export function wholeEntryFollows(lines: LineIndex, i: number, until: number): boolean {
  const j = nonBlank(lines, i, +1);
  return j >= 0 && j < until && j <= i + 2 && matchEntry(lines.line(j).text) !== null;
}

function nonBlank(lines: LineIndex, i: number, step: 1 | -1): number {
  for (let j = i + step, k = 0; j >= 0 && j < lines.lineCount && k < 3; j += step, k++) {
    if (lines.line(j).text !== '') return j;
  }
  return -1;
}

function page(s: string | undefined): number | null {
  return s ? Number(s) : null;
}
