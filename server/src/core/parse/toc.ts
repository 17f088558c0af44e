/**
 * The table of contents ("Indholdsfortegnelse"): title lines with dot leaders and a
 * page number, a Markdown pipe table of the same, or numbered lines with a page
 * ("3. Title<TAB>5", "Punkt 3: Title<TAB>5"). Inside a contents list already begun, a line in
 * none of these forms does not end it (issue 23: one odd line made every later item "missing"):
 * a numbered line that ends in a page after a single space is an entry whose title the contents cut
 * short ("Punkt 2: Lokalplan 12 for et nyt boligområde ved Skovv 3"), a numbered line without a
 * page is the first part of an entry wrapped onto the next line, and a plain line is the rest of the
 * entry above, wrapped.
 */
import type { TableOfContents, TocEntry } from '../model';
import type { LineIndex } from '../text/lines';
import { foldHeading, type Profile } from '../profiles/profile';

const MAX_LINES_BEFORE_FIRST_ENTRY = 8;
const DOTS_ENTRY = /^(?<title>\S.*?)\s*\.{3,}\s*(?<page>\d+)?\s*$/u;
const PIPE_ENTRY = /^\|\s*(?<title>[^|]*?)\s*\.{0,}\s*\|\s*(?<page>\d*)\s*\|\s*$/u;
const PIPE_RULE = /^\|?[\s|:-]+\|?$/u;
const NUMBER_ALONE = /^(\d{1,4})\.?$/u;
const NUMBERED_ENTRY = /^(?:(?:Punkt|Pkt\.?)\s+)?(?<number>\d{1,4})\s*[.:]?\s+(?:(?<category>[A-ZÆØÅ])\s*-\s*)?(?<title>\S.*?)(?:\s*\.{3,})?(?:\t+|\s{2,})(?<page>\d+)\s*$/u;
/** In a contents list: a numbered line whose page follows a single space (the title cut short before it). */
const CUT_ENTRY = /^(?:(?:Punkt|Pkt\.?)\s+)?(?<number>\d{1,4})\s*[.:]\s+(?<title>\S.*?)\s(?<page>\d{1,3})$/u;
/** In a contents list: a numbered line without a page, the first part of an entry wrapped onto the next line. */
const ENTRY_START = /^(?:(?:Punkt|Pkt\.?)\s+)?(?<number>\d{1,4})\s*[.:]\s+(?<title>\S.*)$/u;
/** A wrapped part of an entry is a short line (a paragraph after the contents is not). */
const MAX_WRAPPED_LINE = 120;
/** A page at the end of a wrapped entry's second line ("mindre byer<TAB>5", "mindre byer ..... 5"). */
const WRAPPED_END = /^(?<title>\S.*?)(?:\s*\.{3,}\s*|\t+|\s{2,})(?<page>\d+)\s*$/u;

/**
 * Finds the table of contents between `from` and `until` (exclusive; the first item).
 * Returns null when there is no heading the profile knows.
 */
export function parseToc(lines: LineIndex, profile: Profile, from: number, until: number): TableOfContents | null {
  let headingLine = -1;
  for (let i = from; i < until; i++) {
    const text = lines.line(i).text;
    if (text !== '' && text.length < 60 && profile.tocHeadings.has(foldHeading(text))) {
      headingLine = i;
      break;
    }
  }
  if (headingLine < 0) return null;
  const entries: TocEntry[] = [];
  let form: TableOfContents['form'] = 'dots';
  let last = headingLine;
  /** A number standing alone on the line before its entry (Acadre's PDF text: "716." over "Title .....4"). */
  let pendingNumber: number | null = null;
  for (let i = headingLine + 1; i < until; i++) {
    const line = lines.line(i);
    const text = line.text;
    if (text === '') continue;
    const alone = NUMBER_ALONE.exec(text);
    if (alone) {
      pendingNumber = Number(alone[1]);
      continue;
    }
    let entry = matchEntry(text);
    if (entry) {
      if (entry.number === null && pendingNumber !== null) entry.number = pendingNumber;
      pendingNumber = null;
    }
    if (!entry && entries.length > 0 && text.length <= MAX_WRAPPED_LINE) {
      const wrapped = readWrapped(lines, i, until, entries[entries.length - 1].number);
      if (wrapped.kind === 'entry') entry = wrapped.entry;
      else if (wrapped.kind === 'start') {
        // "Punkt 3: Trafiksikkerhedsplan … og de" / "mindre byer<TAB>5": one entry over two lines.
        const titleStart = line.clean.indexOf(wrapped.firstPart, line.indent);
        entries.push(tocEntry(lines, i, wrapped.entry, titleStart, wrapped.end));
        last = i = wrapped.end;
        continue;
      } else if (wrapped.kind === 'rest') {
        // The rest of the entry above ("… og de<TAB>5" / "mindre byer").
        const previous = entries[entries.length - 1];
        previous.title = `${previous.title} ${text}`;
        previous.range = lines.linesRange(previous.range.start.line, i);
        last = i;
        continue;
      }
    }
    if (!entry) {
      // A column heading ("Punkter til dagsorden<TAB>Side") or a table rule is part of it.
      if (PIPE_RULE.test(text) || (entries.length === 0 && /\t/.test(line.raw))) {
        last = i;
        continue;
      }
      // A heading with no entry soon after it ("Indhold" as a group heading) is no contents.
      if (entries.length > 0 || i - headingLine > MAX_LINES_BEFORE_FIRST_ENTRY) break;
      continue;
    }
    form = entry.form;
    const titleStart = line.clean.indexOf(entry.title, line.indent);
    entries.push(tocEntry(lines, i, entry, titleStart, i));
    last = i;
  }
  return {
    heading: { text: lines.line(headingLine).text, range: lines.textRange(headingLine) },
    form,
    entries,
    range: lines.linesRange(headingLine, last),
  };
}

function tocEntry(lines: LineIndex, i: number, entry: EntryMatch, titleStart: number, end: number): TocEntry {
  return {
    number: entry.number,
    title: entry.title,
    titleRange: lines.span(i, titleStart, titleStart + Math.min(entry.title.length, lines.line(i).clean.length - titleStart)),
    page: entry.page,
    range: end === i ? lines.textRange(i) : lines.linesRange(i, end),
    // Paired with the items once they are read (parse/index.ts, pairContents).
    item: null,
    sameTitle: false,
    outOfOrder: false,
  };
}

type Wrapped =
  | { kind: 'entry'; entry: EntryMatch }
  | { kind: 'start'; entry: EntryMatch; firstPart: string; end: number }
  | { kind: 'rest' }
  | { kind: 'none' };

/**
 * A line of a contents list in none of its forms (see the module's comment): an entry cut short before
 * its page, the first line of an entry wrapped onto the next, the rest of the entry above, or none of these
 * (the contents end).
 */
function readWrapped(lines: LineIndex, i: number, until: number, previous: number | null): Wrapped {
  // The entries' own numbering tells an entry from a date or a list in the text after the contents.
  const continues = (n: string) => previous === null || Number(n) === previous + 1;
  const text = lines.line(i).text;
  const cut = CUT_ENTRY.exec(text);
  if (cut?.groups && continues(cut.groups.number)) {
    return { kind: 'entry', entry: { form: 'numbered', title: cut.groups.title.trim(), page: Number(cut.groups.page), number: Number(cut.groups.number) } };
  }
  const next = nextNonBlank(lines, i, until);
  const nextText = next >= 0 ? lines.line(next).text : '';
  const start = ENTRY_START.exec(text);
  if (start?.groups) {
    const end = continues(start.groups.number) && next >= 0 && !ENTRY_START.test(nextText) && nextText.length <= MAX_WRAPPED_LINE ? WRAPPED_END.exec(nextText) : null;
    if (!end?.groups) return { kind: 'none' };
    const firstPart = start.groups.title.trim();
    const title = `${firstPart} ${end.groups.title.trim()}`;
    return { kind: 'start', entry: { form: 'numbered', title, page: Number(end.groups.page), number: Number(start.groups.number) }, firstPart, end: next };
  }
  // The rest of the entry above: a short line without a page, followed by the next entry (not the end of the
  // list: what follows the contents, a "Lukket referat" heading, is no part of them).
  if (/\d\s*$/.test(text) || /[.:]$/.test(text) || next < 0) return { kind: 'none' };
  const following = matchEntry(nextText) ?? (ENTRY_START.exec(nextText) || CUT_ENTRY.exec(nextText) ? { number: Number(/\d{1,4}/.exec(nextText)![0]) } : null);
  if (!following) return { kind: 'none' };
  return following.number === null || continues(String(following.number)) ? { kind: 'rest' } : { kind: 'none' };
}

function nextNonBlank(lines: LineIndex, i: number, until: number): number {
  for (let j = i + 1; j < until; j++) if (lines.line(j).text !== '') return j;
  return -1;
}

interface EntryMatch {
  form: TableOfContents['form'];
  title: string;
  page: number | null;
  number: number | null;
}

function matchEntry(text: string): EntryMatch | null {
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

function page(s: string | undefined): number | null {
  return s ? Number(s) : null;
}
