/**
 * Which weakly written numbered lines ("108. Title", "3 - Title", "12" / "Title") are the document's items,
 * decided by the document's own evidence rather than by their form alone: a numbered line is also a numbered
 * list in a section, a programme, the recommendations of an Indstilling or a list of participants.
 *
 * Evidence for a candidate (see evidenceFor):
 *   - what follows it: a section heading of the vocabulary, a case number, an open/closed marker, the title or
 *     the number written again (the headings the document repeats);
 *   - agreement with the document's contents list;
 *   - a number sequence that continues (the chain, see chooseChains), from any start.
 * Evidence against: a line indented where the items are not, a line after a sentence that introduces a list
 * ("… indstiller, at", "Forretningsordenen for spørgetid:"), a title that is a sentence or two.
 *
 * The items are the best chain of consecutive numbers by evidence; where the numbering starts again after it
 * (the closed items of a meeting, numbered apart), a second chain from 1 with evidence of its own is kept too.
 * A document without any section heading (an agenda notice that lists only the titles) has no evidence after
 * its lines: there a chain of two or more dotted numbers under a header that names the kind is the agenda.
 */
import type { ItemBasis, TableOfContents } from '../model';
import type { LineIndex } from '../text/lines';
import { foldTitle } from '../text/lines';
import type { ItemHeading } from './item-heading';

export interface EvidenceContext {
  lines: LineIndex;
  isSectionHeading: (text: string) => boolean;
  isCaseNumber: (text: string) => boolean;
  /** Whether a title says the item is closed ("Lukket punkt: …"): a closed item is often a title only. */
  isClosedTitle: (title: string) => boolean;
  /** Whether a line states the document's kind (a header line such as "Dagsorden" or "Referat fra …"). */
  statesKind: (text: string) => boolean;
  toc: TableOfContents | null;
}

/** Non-blank lines after a candidate that are read for evidence. */
const LOOK_AHEAD = 6;
/** Titles longer than this are paragraphs. */
const MAX_TITLE_LENGTH = 200;

const OPEN_OR_CLOSED = /^(?:åben|åbent|åben sag|åbent punkt|åben punkt|lukket|lukket sag|lukket punkt|offentlig|fortrolig)$/i;
/** A line that introduces a list: it ends in a colon, in "at" ("Forvaltningen indstiller, at") or in the verb of a recommendation. */
const INTRODUCES_LIST = /(?::|\bat|\bfølgende|,|\bindstiller|\bforeslår|\banbefaler|\bindstilles)$/i;
/** A title of two sentences is prose ("Spørgetiden begynder kl. 17. Er der ingen …"). */
const TWO_SENTENCES = /\p{Ll}{3,}\.\s+\p{Lu}\p{Ll}*\s/u;
/** Lines that say the items follow ("Åbne dagsordenspunkter", "ÅBNE SAGER", "Lukkede punkter"). */
const ITEMS_FOLLOW = /(?:punkter|sager|dagsordenspunkter)$/i;
const CLOSED_LIST = /lukke/i;

/** How much the lines after a candidate say it heads an item (0 for none; negative against). */
export function evidenceFor(ctx: EvidenceContext, h: ItemHeading, nextStart: number, itemsIndented: boolean): number {
  const { lines } = ctx;
  if (h.title.length > MAX_TITLE_LENGTH || TWO_SENTENCES.test(h.title) || /[,;:]$/.test(h.title)) return NOT_AN_ITEM;
  if (isIndented(lines, h.firstLine) && !itemsIndented) return NOT_AN_ITEM;
  // In a list the neighbouring lines are numbered too and stand without blank lines between them.
  if (numberedNeighbour(lines, h.firstLine - 1) || numberedNeighbour(lines, h.lastLine + 1)) return IN_A_LIST;
  // "1. At udvalget drøfter punktet": a recommendation, phrased as one.
  if (RECOMMENDATION.test(h.title)) return NOT_AN_ITEM;
  const title = foldTitle(h.title);
  const after = evidenceAfter(ctx, h, nextStart, title);
  const inContents = ctx.toc !== null && ctx.toc.entries.some((e) => foldTitle(e.title) === title);
  // A numbered line right after a sentence that introduces a list is a point of that list, unless its own
  // metadata (a case number, a marker) or the contents say otherwise; a section heading after the list does not.
  const before = previousNonBlank(lines, h.firstLine);
  const introduced = before >= 0 && introducesList(lines.line(before).text);
  if (introduced && !after.metadata && !inContents) return NOT_AN_ITEM;
  return after.evidence + (inContents ? 2 : 0);
}

const RECOMMENDATION = /^(?:at|At|AT)\s/;

/** A sentence that introduces a list; a label of one or two words ("Lokation:", "Fraværende:") is a field, not that. */
function introducesList(text: string): boolean {
  if (!INTRODUCES_LIST.test(text) || ITEMS_FOLLOW.test(text)) return false;
  return !text.endsWith(':') || text.split(/\s+/).length >= 3;
}

/** Evidence against a candidate: it is surely body text. */
const NOT_AN_ITEM = -2;
/** Evidence against a candidate in a document with sections: it stands in a list of numbered lines (an agenda notice is one). */
const IN_A_LIST = -1;

const NUMBERED_LINE = /^\d{1,3}[.)]\s/;

function numberedNeighbour(lines: LineIndex, j: number): boolean {
  return j >= 0 && j < lines.lineCount && NUMBERED_LINE.test(lines.line(j).text);
}

/**
 * What the lines after a candidate say: 2 for a section heading or a case number, 1 for a marker or the heading
 * again; `metadata` when it is the item's own metadata (a case number or a marker) that says so.
 */
function evidenceAfter(ctx: EvidenceContext, h: ItemHeading, nextStart: number, title: string): { evidence: number; metadata: boolean } {
  const { lines } = ctx;
  let evidence = 0;
  let metadata = false;
  let read = 0;
  for (let j = h.lastLine + 1; j < nextStart && read < LOOK_AHEAD; j++) {
    const text = lines.line(j).text;
    if (text === '') continue;
    read++;
    if (ctx.isSectionHeading(text) || ctx.isSectionHeading(text.split(':')[0])) return { evidence: 2, metadata };
    if (ctx.isCaseNumber(text)) {
      evidence = 2;
      metadata = true;
    } else if (OPEN_OR_CLOSED.test(text.replace(/[.:]$/, ''))) {
      evidence = Math.max(evidence, 1);
      metadata = true;
    } else if (foldTitle(text) === title || isNumberAgain(text, h.number)) evidence = Math.max(evidence, 1);
  }
  return { evidence, metadata };
}

/** "Pkt. 216", "216", "Punkt 216": the heading's number written again on a line of its own. */
function isNumberAgain(text: string, n: number): boolean {
  const m = /^(?:pkt\.?|punkt|sag)?\s*(\d{1,4})\.?$/i.exec(text);
  return m !== null && Number(m[1]) === n;
}

/** The candidates that are the document's items (see the module comment). */
export function chooseChains(ctx: EvidenceContext, candidates: ItemHeading[]): { headings: ItemHeading[]; basis: ItemBasis } {
  if (candidates.length === 0) return { headings: [], basis: 'evidence' };
  const unindented = candidates.filter((h) => !isIndented(ctx.lines, h.firstLine)).length;
  const itemsIndented = unindented === 0;
  const nextStart = (k: number) => (k + 1 < candidates.length ? candidates[k + 1].firstLine : ctx.lines.lineCount);
  const evidence = candidates.map((h, k) => evidenceFor(ctx, h, nextStart(k), itemsIndented));
  // The headings the document repeats: a heading-like line that follows several candidates (a field of the
  // template no vocabulary knows, "Præsentation:") is evidence for each of them.
  const shared = sharedFollowers(ctx.lines, candidates, nextStart);
  shared.forEach((has, k) => {
    if (has && evidence[k] === 0) evidence[k] = 1;
  });
  // The shape the items share: where items have sections, a numbered line with nothing under it before the
  // next one (a list of participants after the last item) is no item, unless its title says it is closed.
  if (evidence.some((e) => e >= 2)) {
    candidates.forEach((h, k) => {
      if (evidence[k] !== 0) return;
      if (ctx.isClosedTitle(h.title)) evidence[k] = 1;
      else if (!hasBody(ctx.lines, h.lastLine + 1, nextStart(k))) evidence[k] = IN_A_LIST;
    });
  }
  const first = bestChain(candidates, evidence, 0, null);
  if (!first) return { headings: listOfTitles(ctx, candidates, evidence), basis: 'titleList' };
  const chain = first.members;
  // The numbering may start again after the chain for the closed items.
  const lastIndex = chain[chain.length - 1];
  const again = bestChain(candidates, evidence, lastIndex + 1, 1);
  if (again) {
    const opener = previousNonBlank(ctx.lines, candidates[again.members[0]].firstLine);
    const closed = opener >= 0 && CLOSED_LIST.test(ctx.lines.line(opener).text);
    if (again.evidence > 0 || closed) chain.push(...again.members);
  }
  return { headings: chain.map((k) => candidates[k]), basis: 'evidence' };
}

/** Whether lines [from, to) hold any text. */
function hasBody(lines: LineIndex, from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (lines.line(j).text !== '') return true;
  return false;
}

/** Lines after a candidate read for a shared heading. */
const SHARED_LOOK_AHEAD = 3;
const SHARED_HEADING = /^\p{Lu}[\p{L} /-]{2,38}:?$/u;

/** For each candidate, whether one of the first lines after it is a heading-like line that follows another candidate too. */
function sharedFollowers(lines: LineIndex, candidates: ItemHeading[], nextStart: (k: number) => number): boolean[] {
  const after = candidates.map((h, k) => {
    const found = new Set<string>();
    let read = 0;
    for (let j = h.lastLine + 1; j < nextStart(k) && read < SHARED_LOOK_AHEAD; j++) {
      const text = lines.line(j).text;
      if (text === '') continue;
      read++;
      if (SHARED_HEADING.test(text)) found.add(foldTitle(text).replace(/:$/, ''));
    }
    return found;
  });
  const count = new Map<string, number>();
  for (const set of after) for (const t of set) count.set(t, (count.get(t) ?? 0) + 1);
  return after.map((set) => [...set].some((t) => (count.get(t) ?? 0) >= 2));
}

interface Chain {
  members: number[];
  evidence: number;
}

/**
 * The chain of consecutive numbers in document order (from candidate `from` on, starting at `start` when
 * given) with the most evidence; of equal ones the longer, then the earlier. Null when no chain has evidence.
 */
function bestChain(candidates: ItemHeading[], evidence: number[], from: number, start: number | null): Chain | null {
  const score = new Array<number>(candidates.length).fill(-Infinity);
  const gathered = new Array<number>(candidates.length).fill(0);
  const length = new Array<number>(candidates.length).fill(0);
  const previous = new Array<number>(candidates.length).fill(-1);
  /** For each number, the candidate with that number ending the best chain so far. */
  const bestWithNumber = new Map<number, number>();
  for (let k = from; k < candidates.length; k++) {
    if (evidence[k] < 0) continue;
    const n = candidates[k].number;
    const p = bestWithNumber.get(n - 1);
    if (p !== undefined) {
      score[k] = score[p] + 1 + evidence[k];
      gathered[k] = gathered[p] + evidence[k];
      length[k] = length[p] + 1;
      previous[k] = p;
    } else if (start === null || n === start) {
      score[k] = 1 + evidence[k];
      gathered[k] = evidence[k];
      length[k] = 1;
    } else continue;
    const holder = bestWithNumber.get(n);
    if (holder === undefined || score[k] > score[holder]) bestWithNumber.set(n, k);
  }
  let end = -1;
  for (let k = from; k < candidates.length; k++) {
    if (score[k] === -Infinity || gathered[k] <= 0) continue;
    if (end < 0 || score[k] > score[end] || (score[k] === score[end] && length[k] > length[end])) end = k;
  }
  if (end < 0) return null;
  const members: number[] = [];
  for (let k = end; k >= 0; k = previous[k]) members.unshift(k);
  return { members, evidence: gathered[end] };
}

/**
 * A document with no evidence after any numbered line: an agenda notice that lists only its items' titles.
 * Its items are the chains of two or more dotted numbers under a header that names the kind (the first chain,
 * and one starting again from 1 after it).
 */
function listOfTitles(ctx: EvidenceContext, candidates: ItemHeading[], evidence: number[]): ItemHeading[] {
  const { lines } = ctx;
  let kindLine = -1;
  for (let i = 0; i < lines.lineCount; i++) {
    const text = lines.line(i).text;
    if (ctx.isSectionHeading(text)) return [];
    if (kindLine < 0 && text !== '' && ctx.statesKind(text)) kindLine = i;
  }
  if (kindLine < 0) return [];
  const kindBefore = (line: number) => kindLine < line;
  const dotted = (h: ItemHeading) => /^\D{0,3}\d{1,4}\./.test(lines.line(h.firstLine).text);
  const out: ItemHeading[] = [];
  let expected: number | null = null;
  let run: ItemHeading[] = [];
  const flush = () => {
    if (run.length >= 2 && kindBefore(run[0].firstLine)) out.push(...run);
    run = [];
  };
  candidates.forEach((h, k) => {
    if (evidence[k] < IN_A_LIST || !dotted(h)) return;
    if (expected !== null && h.number === expected) run.push(h);
    else {
      flush();
      run = [h];
    }
    expected = h.number + 1;
  });
  flush();
  return out;
}

/** Whether a line is indented: blanks before its text other than a page break (a form feed) or a byte order mark. */
function isIndented(lines: LineIndex, i: number): boolean {
  const line = lines.line(i);
  for (let k = 0; k < line.indent; k++) {
    const c = line.raw.charCodeAt(k);
    if (c !== 12 && c !== 0xfeff) return true;
  }
  return false;
}

function previousNonBlank(lines: LineIndex, from: number): number {
  for (let j = from - 1; j >= 0; j--) if (lines.line(j).text !== '') return j;
  return -1;
}
