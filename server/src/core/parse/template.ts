/**
 * The document's own template, inferred from the document itself (issue: read documents nobody tuned to).
 * Most minutes come from templates no profile describes; rather than judge them by a profile's words, the
 * parser learns what each document does across its items and records it in the model:
 *   - the headings its items share that no profile knows ("Sagsprocedure"), read as sections;
 *   - how often each heading is used and left empty, so a rarely used heading inside a section is seen as a
 *     sub-heading and a heading that is always followed by another one as a group heading;
 *   - whether it labels its decisions, and, where it does not, the decision as the item's unlabelled text.
 * Everything here is computed once per parse and only read by rules and features.
 */
import type { DocumentKind, HeadingUsage, InferredTemplate, Item, ItemBasis, TextRef } from '../model';
import { foldHeading, type Profile } from '../profiles/profile';
import { foldTitle, type LineIndex } from '../text/lines';
import type { ItemHeading } from './headings';
import { foldedOutcomes, unlabelledDecision } from './items';
import type { SectionMatcher } from './sections';

/** A heading the document shares across items must stand in at least this share of them… */
const SHARED_SHARE = 0.4;
/** …and in at least this many items. */
const SHARED_ITEMS = 2;
/** A learned heading left empty this often (of at least two occurrences) heads a group of sections. */
const GROUP_SHARE = 0.75;
/** A document labels its decisions when at least this share of the items that need one has a decision heading. */
const LABELLED_SHARE = 0.5;
/** Fewer items than this show no convention about sub-headings. */
const CONVENTION_ITEMS = 5;

const MAX_LEARNED_LENGTH = 40;
const MAX_LEARNED_WORDS = 4;

// Made once (a literal inside the function would be a new object for every line tried).
const STARTS_WITH_CAPITAL = /^\p{Lu}/u;
const NO_HEADING_CHARACTER = /[\d:\t|#*]/;
const SENTENCE_END = /[.,;!?)\]-]$/;

/**
 * A line that could be a heading the profile does not know: short, alone between blank lines, starting
 * with a capital, with no digit, colon (but a final one) or tab, not ending like a sentence, and only a few words.
 */
function mayBeUnknownHeading(lines: LineIndex, i: number, first: number): boolean {
  // The cheap checks first (this runs for every line of every item): the blank lines around it, then the words.
  if (i !== first && lines.line(i - 1).text !== '') return false;
  if (i + 1 < lines.lineCount && lines.line(i + 1).text !== '') return false;
  const written = lines.line(i).text;
  // "Præsentation:": a field's label with its colon is a heading like any other.
  const text = written.endsWith(':') ? written.slice(0, -1).trimEnd() : written;
  if (text.length < 3 || text.length > MAX_LEARNED_LENGTH) return false;
  if (!STARTS_WITH_CAPITAL.test(text) || NO_HEADING_CHARACTER.test(text) || SENTENCE_END.test(text)) return false;
  return wordCount(text) <= MAX_LEARNED_WORDS;
}

/** What text.split(' ').length says, without the array. */
function wordCount(text: string): number {
  let words = 1;
  for (let at = text.indexOf(' '); at >= 0; at = text.indexOf(' ', at + 1)) words++;
  return words;
}

/**
 * The headings the document's items share that the profile does not know, folded. A line counts once per
 * item; it is learned when it stands in enough of the items (see SHARED_SHARE, SHARED_ITEMS).
 */
export function learnHeadings(
  lines: LineIndex,
  profile: Profile,
  headings: ItemHeading[],
  itemEnd: (k: number) => number,
  matcher: SectionMatcher,
  remembered?: LearnMemo,
): Set<string> {
  const learned = new Set<string>();
  if (headings.length < SHARED_ITEMS) return learned;
  const itemsWith = new Map<string, number>();
  const titles = new Set(headings.map((h) => foldTitle(h.title)));
  // The profile's outcome phrases, folded once per profile (items.ts keeps them).
  const phrases = foldedOutcomes(profile).flatMap((o) => o.phrases);
  headings.forEach((h, k) => {
    // A line's candidacy depends on the item's own lines only; a title written again is left out here, as
    // it depends on every item's title.
    let candidates = remembered?.get(k);
    if (!candidates) {
      candidates = candidatesIn(lines, h, itemEnd(k), phrases, matcher);
      remembered?.set(k, candidates);
    }
    const seen = new Set<string>();
    for (const c of candidates) if (!titles.has(c.title)) seen.add(c.heading);
    for (const folded of seen) itemsWith.set(folded, (itemsWith.get(folded) ?? 0) + 1);
  });
  const needed = Math.max(SHARED_ITEMS, Math.ceil(SHARED_SHARE * headings.length));
  for (const [folded, count] of itemsWith) if (count >= needed) learned.add(folded);
  return learned;
}

/** A line that may be a heading of the document's own template: folded as a title and as a heading. */
export interface HeadingCandidate {
  title: string;
  heading: string;
}

/** What an earlier parse of the same document saw per item (parse/memo.ts), by item index. */
export interface LearnMemo {
  get(k: number): HeadingCandidate[] | undefined;
  set(k: number, candidates: HeadingCandidate[]): void;
}

/** The lines of one item that could be headings of the document's own template (before the titles are left out). */
function candidatesIn(lines: LineIndex, h: ItemHeading, end: number, phrases: string[], matcher: SectionMatcher): HeadingCandidate[] {
  const found: HeadingCandidate[] = [];
  for (let i = h.lastLine + 1; i < end; i++) {
    if (!mayBeUnknownHeading(lines, i, h.lastLine + 1)) continue;
    const text = lines.line(i).text;
    if (matcher.knows(lines, i)) continue;
    // The first line under a known heading is that section's text, however often it recurs
    // ("Beslutningen træffes af" / "Økonomiudvalget"), and so is a decision phrase ("Taget til efterretning").
    const before = previousNonBlank(lines, i, h.lastLine);
    if (before >= 0 && matcher.knows(lines, before)) continue;
    if (saysOutcome(text, phrases)) continue;
    found.push({ title: foldTitle(text), heading: foldHeading(text) });
  }
  return found;
}

function previousNonBlank(lines: LineIndex, from: number, stop: number): number {
  for (let j = from - 1; j > stop; j--) if (lines.line(j).text !== '') return j;
  return -1;
}

/** Whether a line states a decision's outcome in the profile's words ("Taget til efterretning"). */
function saysOutcome(text: string, phrases: string[]): boolean {
  // Danish lower-cases the same in every locale (no special rules as Turkish or Lithuanian have): the
  // locale-free call gives the same string, without resolving the locale at every call.
  const folded = text.toLowerCase();
  return phrases.some((p) => folded.includes(p));
}

/**
 * Whether a heading is outside the document's frame: used in so few of its items (in a document with enough
 * items to show a convention) that where it follows another heading directly it is a sub-heading of it.
 */
export function isRareHeading(template: InferredTemplate, usage: HeadingUsage): boolean {
  if (template.itemCount < CONVENTION_ITEMS) return false;
  return usage.items < Math.max(SHARED_ITEMS, Math.ceil(SHARED_SHARE * template.itemCount));
}

/** The key a section's heading is counted under: decisions by role (their headings carry dates), others by words. */
export function usageKey(section: Item['sections'][number]): string {
  if (section.role === 'decision') return 'decision';
  // Folded once per section object: an item the edit did not touch keeps its sections (memo.ts).
  let key = foldedHeadings.get(section);
  if (key === undefined) foldedHeadings.set(section, (key = foldHeading(section.heading)));
  return key;
}

const foldedHeadings = new WeakMap<Item['sections'][number], string>();

/** How often each heading is used across the items, and left empty. */
function headingUsage(items: Item[], learned: Set<string>): Record<string, HeadingUsage> {
  const usage: Record<string, HeadingUsage> = {};
  for (const item of items) {
    const seen = new Set<string>();
    item.sections.forEach((section, j) => {
      const key = usageKey(section);
      let entry = usage[key];
      if (!entry) {
        entry = usage[key] = {
          heading: section.heading,
          role: section.role,
          items: 0,
          empty: 0,
          learned: learned.has(key),
          group: false,
        };
      }
      if (!seen.has(key)) {
        entry.items++;
        seen.add(key);
      }
      const next = item.sections[j + 1];
      const emptyBeforeNext = section.body.length === 0 && next !== undefined;
      if (emptyBeforeNext) entry.empty++;
    });
  }
  for (const entry of Object.values(usage)) {
    const occurrences = entry.items;
    entry.group = entry.learned && entry.empty >= SHARED_ITEMS && entry.empty >= GROUP_SHARE * occurrences;
  }
  return usage;
}

/**
 * The kind: the header's own word decides; where it names neither, decisions written under a heading make a
 * referat, and a document without them is an agenda (unlabelled text is no evidence of a decision on its own).
 */
function decideKind(items: Item[], stated: DocumentKind | null): { kind: DocumentKind; from: InferredTemplate['kindFrom'] } {
  if (stated) return { kind: stated, from: 'header' };
  // Decisions written, not decision headings: a case system prints an agenda with every field heading, the
  // decision's too, left empty to be filled in at the meeting.
  if (items.some((it) => it.decision !== null && it.decision.text !== '')) return { kind: 'referat', from: 'decisions' };
  return { kind: 'dagsorden', from: 'noDecisions' };
}

export interface ConventionsInput {
  items: Item[];
  profile: Profile;
  statedKind: DocumentKind | null;
  learned: Set<string>;
  nested: ItemHeading[];
  basis: ItemBasis;
  /** The indices of the items where the numbering starts again by design (see InferredTemplate.numbering). */
  restarts: number[];
  profileFallback?: string;
}

/**
 * Applies the document's conventions to its items and returns the kind and the inferred template:
 * in a referat that does not label its decisions (fewer than half of the items that need one have a decision
 * heading), an item without a decision heading whose text under no section is not empty has that text as its
 * (unlabelled) decision.
 */
export function applyConventions(input: ConventionsInput): { kind: DocumentKind; template: InferredTemplate } {
  const { items, profile } = input;
  const { kind, from } = decideKind(items, input.statedKind);
  const needing = items.filter((it) => !it.exempt);
  const labelled = needing.filter((it) => it.decision?.labelled).length;
  let unlabelled = 0;
  // Where most items label their decision, an item without the label has none (RF001 says so); where
  // most do not, the document writes its decisions as text under no heading.
  const labelsDecisions = needing.length > 0 && labelled >= LABELLED_SHARE * needing.length;
  if (kind === 'referat' && !labelsDecisions) {
    items.forEach((item, k) => {
      if (item.decision || item.looseText.length === 0) return;
      // A copy: the parsed item may be reused by the next parse (parse/memo.ts), where the convention may differ.
      items[k] = { ...item, decision: unlabelledDecision(profile, item.looseText) };
      unlabelled++;
    });
  }
  const nestedItemHeadings: TextRef[] = input.nested.map((h) => ({ text: h.title, range: h.numberRange }));
  const template: InferredTemplate = {
    itemCount: items.length,
    numbering: items.length > 0 ? { first: items[0].number, last: items[items.length - 1].number, ...(input.restarts.length > 0 ? { restarts: input.restarts } : {}) } : null,
    itemBasis: input.basis,
    nestedItemHeadings,
    sections: headingUsage(items, input.learned),
    decisions: labelsDecisions ? 'labelled' : unlabelled > 0 ? 'unlabelled' : labelled > 0 ? 'labelled' : 'none',
    kindFrom: from,
  };
  if (input.profileFallback) template.profileFallback = input.profileFallback;
  return { kind, template };
}
