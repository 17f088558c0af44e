/**
 * Checks and links across documents: pure functions over small indexes of parsed
 * meetings, so the language server and the CLI can keep one index per open or
 * workspace file and recompute cheaply.
 *
 *  - resolveEarlierTreatment: a "Tidligere behandling" line ("Økonomiudvalget den
 *    9. februar 2021 Punkt 3") → the minutes of that meeting and the item, when the
 *    document is known (matched by committee and date from the parsed headers).
 *  - compareAgendaAndMinutes: the dagsorden and the referat of the same meeting (same
 *    committee and date) → findings on the referat: RF220 items added, dropped or
 *    renamed; RF221 a recommendation (Indstilling) changed, which may be deliberate.
 *
 * The findings carry the other document's uri and range in `data` ({ otherUri,
 * otherRange }); `related` points inside the referat only (the core's RelatedInfo has no
 * uri), so an adapter that can show a location in another file builds it from `data`.
 * Severity overrides of `.referat.json` are applied when a configuration is passed;
 * inline `referat-disable` switches are the adapter's (suppress.ts, on the referat).
 */
import { redactFinding } from './redact';
import { committeeKey } from './committee';
import { ruleLevel, type ReferatConfig } from './config';
import type { DocumentKind, EarlierTreatment, Finding, MinutesDocument, Range, Severity } from './model';
import { ADAPTER_CODES } from './rules/index';
import { foldTitle } from './text/lines';

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
  const item = entry.punkt === undefined ? undefined : doc.items.find((it) => it.number === entry.punkt);
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

/**
 * Findings for the minutes document: items added, dropped or renamed since the agenda
 * (RF220), and recommendations changed (RF221). Items are paired by title first (so a
 * renumbering after a dropped item is not a rename), then by number; an item left over on
 * one side only was added or dropped. Nothing when the documents are not an agenda and the
 * minutes of the same meeting.
 */
export function compareAgendaAndMinutes(agenda: IndexedMeeting, minutes: IndexedMeeting, config?: ReferatConfig): Finding[] {
  if (agenda.kind !== 'dagsorden' || minutes.kind !== 'referat' || !sameMeeting(agenda, minutes)) return [];
  const out: Finding[] = [];
  const pairs = pairItems(agenda.items, minutes.items);
  const pairedAgenda = new Set(pairs.map((p) => p.agenda));
  const pairedMinutes = new Set(pairs.map((p) => p.minutes));

  for (const { agenda: a, minutes: m } of pairs) {
    if (normTitle(a.title) !== normTitle(m.title)) {
      out.push({
        code: 'RF220',
        severity: 'warning',
        range: m.titleRange,
        message: {
          da: `Punkt ${m.number} hedder "${m.title}" i referatet, men "${a.title}" på dagsordenen. Er punktet omdøbt efter mødet?`,
          en: `Item ${m.number} is called "${m.title}" in the minutes but "${a.title}" in the agenda. Was the item renamed after the meeting?`,
        },
        fixes: [
          {
            title: { da: `Brug dagsordenens titel "${a.title}"`, en: `Use the agenda's title "${a.title}"` },
            edits: [{ range: m.titleRange, newText: a.title }],
            safe: false,
          },
        ],
        data: { change: 'renamed', otherUri: agenda.uri, otherRange: a.titleRange, agendaTitle: a.title, agendaNumber: a.number },
      });
    }
    if (a.recommendationText !== undefined && m.recommendationText !== undefined && normText(a.recommendationText) !== normText(m.recommendationText)) {
      const [was, now] = firstDifference(a.recommendationText, m.recommendationText);
      out.push({
        code: 'RF221',
        severity: 'information',
        range: m.recommendationRange ?? m.titleRange,
        message: {
          da: `Indstillingen i punkt ${m.number} er ændret siden dagsordenen ("${was}" er nu "${now}"). Det kan være tilsigtet; ellers skal referatet gengive indstillingen, som den blev forelagt.`,
          en: `The recommendation of item ${m.number} changed since the agenda ("${was}" now reads "${now}"). This may be deliberate; otherwise the minutes should record the recommendation as it was put before the meeting.`,
        },
        data: { change: 'recommendation', otherUri: agenda.uri, otherRange: a.recommendationRange ?? a.titleRange, agendaText: a.recommendationText },
      });
    }
  }
  for (const m of minutes.items) {
    if (pairedMinutes.has(m)) continue;
    out.push({
      code: 'RF220',
      severity: 'warning',
      range: m.titleRange,
      message: {
        da: `Punkt ${m.number} "${m.title}" står ikke på dagsordenen. Er punktet kommet til på mødet? Så bør referatet sige det.`,
        en: `Item ${m.number} "${m.title}" is not on the agenda. Was it added at the meeting? Then the minutes should say so.`,
      },
      data: { change: 'added', otherUri: agenda.uri, otherRange: agenda.headerRange ?? DOCUMENT_START },
    });
  }
  for (const a of agenda.items) {
    if (pairedAgenda.has(a)) continue;
    out.push({
      code: 'RF220',
      severity: 'warning',
      range: placeOfDropped(a, agenda, minutes, pairs),
      message: {
        da: `Punkt ${a.number} "${a.title}" fra dagsordenen mangler i referatet. Blev punktet udsat eller trukket? Så bør referatet sige det.`,
        en: `Item ${a.number} "${a.title}" of the agenda is missing from the minutes. Was it postponed or withdrawn? Then the minutes should say so.`,
      },
      data: { change: 'dropped', otherUri: agenda.uri, otherRange: a.titleRange, agendaTitle: a.title, agendaNumber: a.number },
    });
  }
  out.sort((x, y) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character || x.code.localeCompare(y.code));
  const secrets = [...agenda.personalNumbers, ...minutes.personalNumbers];
  return applyLevels(secrets.length > 0 ? out.map((f) => redactFinding(f, secrets)) : out, config);
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

function short(text: string, max = 80): string {
  const s = text.replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

interface Pair {
  agenda: IndexedItem;
  minutes: IndexedItem;
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

/** Severity overrides and "off" from the configuration, as analyze() applies them to rules. */
function applyLevels(findings: Finding[], config: ReferatConfig | undefined): Finding[] {
  if (!config?.rules) return findings;
  const out: Finding[] = [];
  for (const f of findings) {
    const meta = ADAPTER_CODES.find((c) => c.code === f.code);
    const level = ruleLevel(config, f.code, meta?.defaultSeverity ?? f.severity);
    if (level === 'off') continue;
    out.push({ ...f, severity: level as Severity });
  }
  return out;
}
