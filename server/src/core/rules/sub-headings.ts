/**
 * Sub-headings read from the document's own usage (issue 23): clerks write headings inside a section
 * ("Sagsfremstilling" / "Baggrund" / "Proces" …, or "Økonomi" inside the case presentation and again as a
 * section of its own). The parser reads every heading it knows as a section; these readings tell the
 * structure rules (RF005, RF006) when a heading plausibly stands inside the section before it, so an empty
 * heading over sub-headings is not "empty" and a sub-heading and a section with the same words are not
 * "the same section twice".
 *
 * The frame of a document is the headings it uses in most of its items (its template's sections); a heading
 * outside the frame that follows an empty heading stands under it.
 */
import type { InferredTemplate, Item, Section, SectionRole } from '../model';
import { usageKey } from '../parse/template';
import { hasText } from '../sections';

/** A heading in at least this share of the items (and in two of them) is part of the document's frame. */
const FRAME_SHARE = 0.5;
const FRAME_ITEMS = 2;

/**
 * In a document of one item there is no usage to learn from: the roles that make an item's frame in
 * every Danish template (summary, presentation, recommendation, decision and the like); the others
 * (background, economy, assessment, …) are written as sub-headings as often as sections.
 */
const FRAME_ROLES: ReadonlySet<SectionRole> = new Set([
  'summary',
  'presentation',
  'recommendation',
  'decision',
  'decidedBy',
  'attachmentCount',
  'attachmentList',
  'earlierTreatment',
  'group',
]);

/**
 * The roles of headings that hold the case's account and so may be written over sub-headings ("Sagsfremstilling"
 * / "Baggrund", "Proces", "Økonomi"). A specific field ("Økonomi", "Vurdering", "Indstilling") with nothing under
 * it before another heading is empty, whatever follows.
 */
const ACCOUNT_ROLES: ReadonlySet<SectionRole> = new Set(['summary', 'background', 'presentation', 'information', 'other']);

/** Whether the section's heading is part of the document's frame (see FRAME_SHARE, FRAME_ROLES). */
export function isFrameHeading(template: InferredTemplate | undefined, section: Section): boolean {
  if (section.role === 'decision' || section.role === 'recommendation') return true;
  const usage = template?.sections[usageKey(section)];
  if (!template || !usage || template.itemCount < FRAME_ITEMS) return FRAME_ROLES.has(section.role);
  return usage.items >= Math.max(FRAME_ITEMS, Math.ceil(FRAME_SHARE * template.itemCount));
}

/**
 * For each of the item's sections, the index of the section it stands inside, or -1: after an empty heading
 * of the frame that holds the case's account (ACCOUNT_ROLES), the headings outside the frame that follow it (up to the next heading of the frame) are its
 * sub-headings, as long as one of them has text (an empty heading over empty headings is empty).
 */
export function parentSections(template: InferredTemplate | undefined, sections: readonly Section[]): number[] {
  const parent = sections.map(() => -1);
  for (let k = 0; k < sections.length; k++) {
    const head = sections[k];
    if (!ACCOUNT_ROLES.has(head.role) || hasText(head) || !isFrameHeading(template, head)) continue;
    let end = k + 1;
    while (end < sections.length && !isFrameHeading(template, sections[end])) end++;
    if (end === k + 1 || !sections.slice(k + 1, end).some(hasText)) continue;
    for (let j = k + 1; j < end; j++) parent[j] = k;
    k = end - 1;
  }
  return parent;
}

/** Whether the empty section k heads sub-headings with text under it (see parentSections). */
export function headsSubHeadings(template: InferredTemplate | undefined, sections: readonly Section[], k: number): boolean {
  return parentSections(template, sections).includes(k);
}

/**
 * Whether two sections with the same heading in one item (first before second) are plausibly a sub-heading
 * and a section rather than one section written twice: they do not follow each other, and either one of them
 * stands under an empty heading (parentSections), or the heading is outside the frame, or the first stands
 * where the document's other items never put it: before a heading that they write above it.
 */
export function plausiblySubHeading(template: InferredTemplate | undefined, items: readonly Item[], item: Item, first: number, second: number): boolean {
  const sections = item.sections;
  if (second === first + 1) return false;
  const parent = parentSections(template, sections);
  if (parent[first] >= 0 || parent[second] >= 0) return true;
  if (!isFrameHeading(template, sections[first])) return true;
  const key = usageKey(sections[first]);
  for (let z = first + 1; z < second; z++) {
    if (usuallyBefore(items, item, usageKey(sections[z]), key)) return true;
  }
  return false;
}

/** Whether the document's other items write heading `a` above heading `b` (in more items than the other way). */
function usuallyBefore(items: readonly Item[], except: Item, a: string, b: string): boolean {
  let above = 0;
  let below = 0;
  for (const item of items) {
    if (item === except) continue;
    const keys = item.sections.map(usageKey);
    const ia = keys.indexOf(a);
    const ib = keys.indexOf(b);
    if (ia < 0 || ib < 0) continue;
    if (ia < ib) above++;
    else below++;
  }
  return above >= FRAME_ITEMS && above > below;
}
