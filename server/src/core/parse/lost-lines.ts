/**
 * Text that lost its line breaks: some PDF converters and web transcripts of PDFs give one line per page, with
 * the headings, the sections and the decisions of a page run together. The structure cannot be read from such
 * text, but it can be recognised: a page line is very long and holds several section labels. Where most of the
 * text stands in long lines and no heading stands alone on its line, the document is read as minutes or an agenda by its words, an item heading that can
 * be told at the start of a page (page number, item number, title, then a case field or a section label) starts
 * an item, and RF092 tells the reader how to get the line breaks back instead of any structure finding.
 */
import type { Decision, TextRef } from '../model';
import type { Profile } from '../profiles/profile';
import type { LineIndex } from '../text/lines';
import type { ItemHeading } from './headings';
import { classifyOutcome } from './items';

/** A page line is at least this long… */
const PAGE_LINE_LENGTH = 200;
/** …and names at least this many different section labels. */
const PAGE_LINE_LABELS = 2;
/** A page that holds little text (a short item) is a shorter line; it may start an item too. */
const CANDIDATE_LENGTH = 40;
/** Most of the text (by characters) stands in long lines (pages, the header's page, the contents' page). */
const PAGE_SHARE = 0.5;

/** Section labels and case fields that a page of minutes carries, written with their capital. */
const LABEL = /(?<![\p{L}])(?:Sagsfremstilling|Sagsbeskrivelse|Indstilling(?:en)?|INDSTILLING|Beslutning|BESLUTNING|Resumé|Resume|Baggrund|Økonomi|Lovgrundlag|Retsgrundlag|Vurdering|Bilag|Sagsnr\.|Sag nr\.|Dok\.\s?nr\.|J\.\s?nr\.)(?![\p{Ll}])/gu;

/**
 * The start of an item on a page line: the page number, optionally "Side N", the item number (with a dot, or
 * after a page number), the title, then a case field or a section label.
 */
const ITEM_AT_PAGE_START =
  /^(?<prefix>(?:(?<page>\d{1,3})\s+)?(?:Side\s+\d{1,3}\s+)?)(?<number>\d{1,4})(?<dot>\.)?\s+(?<title>\p{Lu}.{2,160}?)\s+(?=Sagsnr\.|Sag nr\.|Dok\.\s?nr\.|J\.\s?nr\.|Sagsid|Åben sag|Lukket sag|Resumé|Resume|Sagsfremstilling|Sagsbeskrivelse|Indstilling|Beslutning|Baggrund)/u;

export interface LostLines {
  /** The page lines, in order. */
  pages: number[];
  /** The lines that may start an item: the page lines and the shorter lines of pages that hold little text. */
  candidates: number[];
  /** Whether a page line names a decision ("Beslutning"): evidence of a referat where the header names no kind. */
  decisions: boolean;
}

/** The page lines of a text whose line breaks are lost, or null for text with its lines. */
export function findLostLines(lines: LineIndex): LostLines | null {
  let total = 0;
  let inLongLines = 0;
  const pages: number[] = [];
  let decisions = false;
  for (let i = 0; i < lines.lineCount; i++) {
    const text = lines.line(i).text;
    total += text.length;
    // A label alone on its line is a heading: the text has its lines.
    if (text.length <= LABEL_ALONE && isLabelAlone(text)) return null;
    if (text.length < PAGE_LINE_LENGTH) continue;
    inLongLines += text.length;
    const labels = labelsIn(text);
    if (labels.size < PAGE_LINE_LABELS) continue;
    pages.push(i);
    if (labels.has('beslutning')) decisions = true;
  }
  if (pages.length === 0 || inLongLines < PAGE_SHARE * total) return null;
  const candidates: number[] = [];
  for (let i = 0; i < lines.lineCount; i++) if (lines.line(i).text.length >= CANDIDATE_LENGTH) candidates.push(i);
  // A shorter page line names a decision too ("… Beslutning Økonomiudvalget den Godkendt. Side 2").
  if (!decisions) decisions = candidates.some((i) => labelsIn(lines.line(i).text).has('beslutning'));
  return { pages, candidates, decisions };
}

/** Lines no longer than this are looked at for a label alone. */
const LABEL_ALONE = 40;

function isLabelAlone(text: string): boolean {
  const plain = text.replace(/[\s:*#_]+$/, '').replace(/^[\s*#_]+/, '');
  if (plain.length < 5) return false;
  LABEL.lastIndex = 0;
  const m = LABEL.exec(plain);
  return m !== null && m.index === 0 && m[0].length === plain.length;
}

/** The different section labels a line names, folded. */
function labelsIn(text: string): Set<string> {
  const labels = new Set<string>();
  LABEL.lastIndex = 0;
  for (let m = LABEL.exec(text); m && labels.size < 4; m = LABEL.exec(text)) labels.add(m[0].toLowerCase().replace(/en$/, ''));
  return labels;
}

/** The item headings that can be told at the start of page lines (see ITEM_AT_PAGE_START). */
export function itemsOnPages(lines: LineIndex, lost: LostLines): ItemHeading[] {
  const out: ItemHeading[] = [];
  for (const i of lost.candidates) {
    const line = lines.line(i);
    const m = ITEM_AT_PAGE_START.exec(line.text);
    if (!m?.groups || (m.groups.page === undefined && m.groups.dot === undefined)) continue;
    const number = Number(m.groups.number);
    const title = m.groups.title.trim();
    // The number stands after the page number (and "Side N"), the title after the number.
    const numberCol = line.indent + m.groups.prefix.length;
    const titleCol = line.clean.indexOf(title, numberCol + m.groups.number.length);
    out.push({
      firstLine: i,
      lastLine: i,
      number,
      numberRange: lines.span(i, numberCol, numberCol + m.groups.number.length),
      title,
      titleRange: lines.span(i, titleCol, titleCol + title.length),
    });
  }
  return out;
}

/** The decision label on a page line, and what follows it up to the next label. */
const DECISION_ON_PAGE = /(?<![\p{L}])(?:Beslutning|BESLUTNING)(?![\p{Ll}])/gu;
const DECISION_TEXT_LENGTH = 300;

/**
 * The decision of an item on page lines: the text after the item's last decision label (and the committee and
 * date that may follow it), up to the next section label. Null when the item's lines name no decision.
 */
export function decisionOnPages(lines: LineIndex, first: number, last: number, profile: Profile): Decision | null {
  for (let i = last; i >= first; i--) {
    const line = lines.line(i);
    let at = -1;
    let length = 0;
    DECISION_ON_PAGE.lastIndex = 0;
    for (let m = DECISION_ON_PAGE.exec(line.clean); m; m = DECISION_ON_PAGE.exec(line.clean)) {
      at = m.index;
      length = m[0].length;
    }
    if (at < 0) continue;
    let end = Math.min(line.clean.length, at + length + DECISION_TEXT_LENGTH);
    LABEL.lastIndex = at + length;
    const next = LABEL.exec(line.clean);
    if (next && next.index < end) end = next.index;
    const start = at + length;
    const text = line.clean.slice(start, end).trim();
    if (text === '') return null;
    const col = line.clean.indexOf(text, start);
    const body: TextRef[] = [{ text, range: lines.span(i, col, col + text.length) }];
    return { text, outcome: classifyOutcome(text, profile), labelled: true, body };
  }
  return null;
}
