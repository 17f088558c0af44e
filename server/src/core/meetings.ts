/**
 * Meetings across documents, as pure functions over small indexes of parsed meetings (the language server
 * and the CLI keep one index per open or workspace file and recompute cheaply):
 *
 *  - indexMeeting: the index entry of one parsed document;
 *  - resolveEarlierTreatment: a "Tidligere behandling" line ("Økonomiudvalget den 9. februar 2021 Punkt 3")
 *    → the minutes of that meeting and the item, when the document is known (matched by committee and date);
 *  - compareMeetings: what changed between the dagsorden and the referat of one meeting (items added, dropped
 *    or renamed; a recommendation changed), the facts the document-set rules report (crossdoc.ts runs them).
 */
import { committeeKey } from './committee';
import type { DocumentKind, EarlierTreatment, MinutesDocument, Range } from './model';
import { foldTitle } from './text/lines';
import { shorten } from './text/shorten';

export interface IndexedItem {
  number: number;
  title: string;
  /** The whole item. */
  range: Range;
  titleRange: Range;
  /** The recommendation (Indstilling) as written, its lines joined by a newline; absent when the item has none. */
  recommendationText?: string;
  /** The recommendation's heading. */
  recommendationRange?: Range;
}

/** What the cross-document functions need of one parsed meeting document. */
export interface IndexedMeeting {
  uri: string;
  kind: DocumentKind | null;
  /** The committee as the header writes it, or null. */
  committee: string | null;
  /** The committee folded for matching (committeeKey), or null. */
  committeeKey: string | null;
  /** The meeting date, YYYY-MM-DD, or null. */
  date: string | null;
  /** Where the header states the meeting (the title line), for findings about the whole document. */
  headerRange: Range | null;
  items: IndexedItem[];
  /** The CPR numbers the document holds, so findings that quote its text can leave them out (never shown). */
  personalNumbers: { text: string }[];
}

/** The index entry of one parsed document. */
export function indexMeeting(uri: string, model: MinutesDocument): IndexedMeeting {
  const header = model.header;
  const committee = header?.committee?.text ?? null;
  return {
    uri,
    kind: model.kind,
    committee,
    committeeKey: committee ? committeeKey(committee) : null,
    date: header?.date?.iso ?? null,
    headerRange: header?.title?.range ?? header?.range ?? null,
    personalNumbers: model.personalNumbers.map((p) => ({ text: p.text })),
    items: model.items.map((item) => {
      const entry: IndexedItem = { number: item.number, title: item.title, range: item.range, titleRange: item.titleRange };
      const rec = item.sections.find((s) => s.role === 'recommendation');
      if (rec) {
        entry.recommendationText = rec.body.map((b) => b.text).join('\n');
        entry.recommendationRange = rec.headingRange;
      }
      return entry;
    }),
  };
}

const DOCUMENT_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * The document and item an earlier treatment points to: the meeting of that committee on
 * that date (minutes preferred to an agenda), and its item with the Punkt number written.
 * `itemRange` is the whole item, `titleRange` its title (what an editor selects). Without a
 * Punkt number, or when the document has no such item, both are the start of the document. Null when the entry has no committee or date, or no document matches.
 */
export function resolveEarlierTreatment(
  entry: EarlierTreatment,
  docs: readonly IndexedMeeting[],
): { uri: string; itemRange: Range; titleRange: Range } | null {
  const iso = entry.date?.iso;
  if (!entry.body || !iso) return null;
  const key = committeeKey(entry.body);
  if (key === '') return null;
  const matching = docs.filter((d) => d.date === iso && d.committeeKey === key);
  if (matching.length === 0) return null;
  const doc = matching.find((d) => d.kind === 'referat') ?? matching[0];
  const item = entry.itemNumber === undefined ? undefined : doc.items.find((it) => it.number === entry.itemNumber);
  return item ? { uri: doc.uri, itemRange: item.range, titleRange: item.titleRange } : { uri: doc.uri, itemRange: DOCUMENT_START, titleRange: DOCUMENT_START };
}

/** True when the two documents are of the same meeting: same committee and date. */
export function sameMeeting(a: IndexedMeeting, b: IndexedMeeting): boolean {
  return a.committeeKey !== null && a.committeeKey !== '' && a.committeeKey === b.committeeKey && a.date !== null && a.date === b.date;
}

/** The agenda of the same meeting as `minutes` among `docs`, if one is known. */
export function agendaFor(minutes: IndexedMeeting, docs: readonly IndexedMeeting[]): IndexedMeeting | null {
  if (minutes.kind !== 'referat') return null;
  return docs.find((d) => d !== minutes && d.uri !== minutes.uri && d.kind === 'dagsorden' && sameMeeting(d, minutes)) ?? null;
}

/** What changed between the agenda and the minutes of one meeting: the facts the document-set rules report. */
export function compareMeetings(agenda: IndexedMeeting, minutes: IndexedMeeting): MeetingComparison {
  const pairs = pairItems(agenda.items, minutes.items);
  const pairedAgenda = new Set(pairs.map((p) => p.agenda));
  const pairedMinutes = new Set(pairs.map((p) => p.minutes));
  const changedRecommendations: MeetingComparison['changedRecommendations'] = [];
  for (const pair of pairs) {
    const { agenda: a, minutes: m } = pair;
    if (a.recommendationText === undefined || m.recommendationText === undefined) continue;
    if (normText(a.recommendationText) === normText(m.recommendationText)) continue;
    const [was, now] = firstDifference(a.recommendationText, m.recommendationText);
    changedRecommendations.push({ ...pair, was, now });
  }
  return {
    agenda,
    minutes,
    renamed: pairs.filter((p) => normTitle(p.agenda.title) !== normTitle(p.minutes.title)),
    added: minutes.items.filter((m) => !pairedMinutes.has(m)),
    dropped: agenda.items.filter((a) => !pairedAgenda.has(a)).map((item) => ({ item, place: placeOfDropped(item, agenda, minutes, pairs) })),
    changedRecommendations,
    documentStart: DOCUMENT_START,
  };
}

/** The first line that differs, in each version, shortened for a message ('' when one ran out). */
function firstDifference(was: string, now: string): [string, string] {
  const a = was.split('\n');
  const b = now.split('\n');
  for (let k = 0; k < Math.max(a.length, b.length); k++) {
    if (normText(a[k] ?? '') !== normText(b[k] ?? '')) return [short(a[k] ?? ''), short(b[k] ?? '')];
  }
  return [short(was), short(now)];
}

/** Quoted text in a message, at most 80 characters. */
const short = (text: string, max = 80): string => shorten(text, max);

export interface Pair {
  agenda: IndexedItem;
  minutes: IndexedItem;
}

/** The agenda and the minutes of one meeting compared (see compareAgendaAndMinutes): what RF220 and RF221 report. */
export interface MeetingComparison {
  agenda: IndexedMeeting;
  minutes: IndexedMeeting;
  /** Paired items whose titles differ. */
  renamed: Pair[];
  /** Minutes items with no agenda item. */
  added: IndexedItem[];
  /** Agenda items with no minutes item, and where in the minutes to report each. */
  dropped: { item: IndexedItem; place: Range }[];
  /** Paired items whose recommendation changed: the first line that differs, in each version. */
  changedRecommendations: (Pair & { was: string; now: string })[];
  documentStart: Range;
}

function pairItems(agenda: IndexedItem[], minutes: IndexedItem[]): Pair[] {
  const pairs: Pair[] = [];
  const freeA = new Set(agenda);
  const freeM = new Set(minutes);
  // 1. Same title (the same number preferred when a title repeats).
  const byTitle = new Map<string, IndexedItem[]>();
  for (const a of agenda) {
    const k = normTitle(a.title);
    byTitle.set(k, [...(byTitle.get(k) ?? []), a]);
  }
  for (const m of minutes) {
    const candidates = (byTitle.get(normTitle(m.title)) ?? []).filter((a) => freeA.has(a));
    if (candidates.length === 0) continue;
    const a = candidates.find((x) => x.number === m.number) ?? candidates[0];
    pairs.push({ agenda: a, minutes: m });
    freeA.delete(a);
    freeM.delete(m);
  }
  // 2. Same number: the same item, renamed.
  for (const m of minutes) {
    if (!freeM.has(m)) continue;
    const a = agenda.find((x) => freeA.has(x) && x.number === m.number);
    if (!a) continue;
    pairs.push({ agenda: a, minutes: m });
    freeA.delete(a);
    freeM.delete(m);
  }
  return pairs.sort((x, y) => x.minutes.number - y.minutes.number);
}

/** Where a dropped item is reported in the minutes: the heading of the next item that is there, else the last one, else the header. */
function placeOfDropped(a: IndexedItem, agenda: IndexedMeeting, minutes: IndexedMeeting, pairs: Pair[]): Range {
  const order = agenda.items.indexOf(a);
  for (const later of agenda.items.slice(order + 1)) {
    const pair = pairs.find((p) => p.agenda === later);
    if (pair) return pair.minutes.titleRange;
  }
  const last = minutes.items[minutes.items.length - 1];
  return last?.titleRange ?? minutes.headerRange ?? DOCUMENT_START;
}

/** A title folded for comparison: case, spaces, emphasis, a trailing period. */
function normTitle(title: string): string {
  return foldTitle(title).replace(/[.:]+$/, '').trim();
}

/** A recommendation folded for comparison: spaces, line breaks, list numbers moved by PDF text. */
function normText(text: string): string {
  return text
    .normalize('NFC')
    .split('\n')
    .map((line) =>
      line
        .trim()
        // "1. Forslaget godkendes." and "Forslaget godkendes.1." (PDF text) are the same point.
        .replace(/^(?:\d{1,2}[.)]|[-–•])\s+/u, '')
        .replace(/(\p{L}|[.,])\s?\d{1,2}\.$/u, '$1'),
    )
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLocaleLowerCase('da');
}
