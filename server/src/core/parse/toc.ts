/**
 * The table of contents ("Indholdsfortegnelse"): title lines with dot leaders and a
 * page number, a Markdown pipe table of the same, or numbered lines with a page; an entry the
 * layout broke (wrapped, or cut before its page) is read too (see toc-lines.ts).
 */
import type { Range, TableOfContents, TocEntry } from '../model';
import type { LineIndex } from '../text/lines';
import { foldHeading, type Profile } from '../profiles/profile';
import { matchEntry, readBrokenEntry, wholeEntryFollows, type EntryMatch } from './toc-lines';

const MAX_LINES_BEFORE_FIRST_ENTRY = 8;
const PIPE_RULE = /^\|?[\s|:-]+\|?$/u;
const NUMBER_ALONE = /^(\d{1,4})\.?$/u;

/**
 * Finds the table of contents between `from` and `until` (exclusive; the first item).
 * Returns null when there is no heading the profile knows.
 */
const LOWER_CASE_START = /^\p{Ll}/u;
const MAX_REST_LINE = 80;

function nextLine(lines: LineIndex, i: number, until: number): number {
  for (let j = i + 1; j < until; j++) if (lines.line(j).text !== '') return j;
  return -1;
}

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
  let form: TableOfContents['form'] | null = null;
  let last = headingLine;
  /** A number standing alone on the line before its entry (Acadre's PDF text: "716." over "Title .....4"). */
  let pendingNumber: number | null = null;
  const push = (entry: EntryMatch, titleRange: Range, range: Range, pageAfterTitle: boolean) => {
    if (entry.number === null && pendingNumber !== null) entry.number = pendingNumber;
    pendingNumber = null;
    const tocEntry: TocEntry = {
      number: entry.number,
      title: entry.title,
      titleRange,
      page: entry.page,
      range,
      // Paired with the items once they are read (parse/index.ts, pairContents).
      item: null,
      sameTitle: false,
      outOfOrder: false,
    };
    if (pageAfterTitle) tocEntry.pageAfterTitle = true;
    entries.push(tocEntry);
  };
  for (let i = headingLine + 1; i < until; i++) {
    const line = lines.line(i);
    const text = line.text;
    if (text === '') continue;
    const alone = NUMBER_ALONE.exec(text);
    if (alone) {
      pendingNumber = Number(alone[1]);
      continue;
    }
    const entry = matchEntry(text);
    if (entry) {
      form = entry.form;
      const titleStart = line.clean.indexOf(entry.title, line.indent);
      push(entry, lines.span(i, titleStart, titleStart + entry.title.length), lines.textRange(i), false);
      last = i;
      continue;
    }
    // A column heading ("Punkter til dagsorden<TAB>Side") or a table rule is part of it.
    if (PIPE_RULE.test(text) || (entries.length === 0 && /\t/.test(line.raw))) {
      last = i;
      continue;
    }
    const lastPage = entries.length > 0 ? entries[entries.length - 1].page : null;
    const broken = readBrokenEntry(lines, i, until, { lastPage, form });
    if (broken) {
      form ??= broken.match.form;
      const titleRange = { start: { line: broken.firstLine, character: broken.titleStart }, end: { line: broken.lastLine, character: broken.titleEnd } };
      push(broken.match, titleRange, lines.linesRange(broken.firstLine, broken.lastLine), broken.pageAfterTitle);
      last = i = broken.lastLine;
      continue;
    }
    // The rest of the entry above, wrapped after its page ("… for hele kommunen og de<TAB>5" / "mindre byer"):
    // a short line that goes on in lower case, with an entry (whole or broken) after it.
    if (entries.length > 0 && LOWER_CASE_START.test(text) && text.length <= MAX_REST_LINE && !/\d\s*$/.test(text)) {
      const next = nextLine(lines, i, until);
      if (next >= 0 && (matchEntry(lines.line(next).text) || readBrokenEntry(lines, next, until, { lastPage, form }))) {
        const previous = entries[entries.length - 1];
        previous.title = `${previous.title} ${text}`;
        previous.range = lines.linesRange(previous.range.start.line, i);
        last = i;
        continue;
      }
    }
    // A line the contents cannot read, with an entry right after it, leaves them going on: one entry
    // lost is one item reported, where ending the contents here lost every entry after it.
    if (entries.length > 0 && wholeEntryFollows(lines, i, until)) continue;
    // A heading with no entry soon after it ("Indhold" as a group heading) is no contents.
    if (entries.length > 0 || i - headingLine > MAX_LINES_BEFORE_FIRST_ENTRY) break;
  }
  return {
    heading: { text: lines.line(headingLine).text, range: lines.textRange(headingLine) },
    form: form ?? 'dots',
    entries,
    range: lines.linesRange(headingLine, last),
  };
}
