/**
 * The table of contents ("Indholdsfortegnelse"): title lines with dot leaders and a
 * page number, a Markdown pipe table of the same, or numbered lines with a page.
 */
import type { TableOfContents, TocEntry } from '../model';
import type { LineIndex } from '../text/lines';
import { foldHeading, type Profile } from '../profiles/profile';

const MAX_LINES_BEFORE_FIRST_ENTRY = 8;
const DOTS_ENTRY = /^(?<title>\S.*?)\s*\.{3,}\s*(?<page>\d+)?\s*$/u;
const PIPE_ENTRY = /^\|\s*(?<title>[^|]*?)\s*\.{0,}\s*\|\s*(?<page>\d*)\s*\|\s*$/u;
const PIPE_RULE = /^\|?[\s|:-]+\|?$/u;
const NUMBER_ALONE = /^(\d{1,4})\.?$/u;
const NUMBERED_ENTRY = /^(?<number>\d{1,4})\.?\s+(?:(?<category>[A-ZÆØÅ])\s*-\s*)?(?<title>\S.*?)(?:\s*\.{3,})?(?:\t+|\s{2,})(?<page>\d+)\s*$/u;

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
    const entry = matchEntry(text);
    if (entry) {
      if (entry.number === null && pendingNumber !== null) entry.number = pendingNumber;
      pendingNumber = null;
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
    entries.push({
      number: entry.number,
      title: entry.title,
      titleRange: lines.span(i, titleStart, titleStart + entry.title.length),
      page: entry.page,
      range: lines.textRange(i),
      // Paired with the items once they are read (parse/index.ts, pairContents).
      item: null,
      sameTitle: false,
      outOfOrder: false,
    });
    last = i;
  }
  return {
    heading: { text: lines.line(headingLine).text, range: lines.textRange(headingLine) },
    form,
    entries,
    range: lines.linesRange(headingLine, last),
  };
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
