import { deleteEmptySectionFix } from '../edits';
import { ruleMessages, type Rule, type RuleFinding } from './rule';
import type { MinutesDocument, Section } from '../model';
import { isRareHeading, usageKey } from '../parse/template';
import { hasText, MISSING_TEXT } from '../sections';
import { checksStructure, isGroupRole, itemData } from './structure-common';
import { headsSubHeadings } from './sub-headings';

const { messages, report } = ruleMessages({
  placeholder: {
    da: 'Afsnittet »{heading}« i Punkt {number} »{title}« står stadig som »{placeholder}«: skriv teksten, eller slet afsnittet.',
    en: 'The section "{heading}" in item {number} "{title}" still reads "{placeholder}": write the text or delete the section.',
  },
  empty: {
    da: 'Afsnittet »{heading}« i Punkt {number} »{title}« er tomt: skriv teksten (fx »Ingen bemærkninger«), eller slet overskriften.',
    en: 'The section "{heading}" in item {number} "{title}" is empty: write the text (e.g. "Ingen bemærkninger") or delete the heading.',
  },
});

/**
 * Whether the empty section k heads what follows rather than being empty: a heading the document learned
 * (its own, less certain than a profile's), or one followed by a heading the document rarely uses (a
 * sub-heading such as "Baggrund" directly under "Sagsbeskrivelse": the text stands under it), or a heading of
 * the frame over headings outside it (see sub-headings.ts).
 */
function headsOthers(model: MinutesDocument, sections: Section[], k: number): boolean {
  const template = model.template;
  const own = template?.sections[usageKey(sections[k])];
  if (!template || !own) return false;
  if (own.learned || headsSubHeadings(template, sections, k)) return true;
  const next = sections[k + 1];
  const nextUsage = next ? template.sections[usageKey(next)] : undefined;
  return nextUsage !== undefined && nextUsage.items < own.items && isRareHeading(template, nextUsage);
}

/**
 * RF005: a section heading with no text under it. A group heading (Ballerup's
 * "Indhold" over the case sections) is not a section. Decisions are left to RF040:
 * an empty decision is fine in a dagsorden and an error in a referat. Exempt items
 * are left alone. The placeholder a quick fix inserts ("[Tekst mangler]") counts as
 * no text, so a section inserted by RF002/RF003 is reported until it is written. A heading directly over a
 * sub-heading, or one the document uses as a group heading, is not empty (see headsOthers).
 */
/**
 * Under the generic reading a document is judged by its own standard: a field its template prints empty in at
 * least two items and in at least half of those that have it ("Økonomi" with nothing under it, item after item;
 * by role, so "Økonomi" and "Økonomiske konsekvenser" are one field) is how the template is filled in, not a
 * section somebody forgot.
 */
function printedEmpty(model: MinutesDocument, profileId: string, section: Section): boolean {
  if (profileId !== 'generic' || section.role === 'other') return false;
  let having = 0;
  let empty = 0;
  for (const item of model.items) {
    const own = item.sections.filter((s) => s.role === section.role);
    if (own.length === 0) continue;
    having++;
    if (own.some((s) => !hasText(s))) empty++;
  }
  return empty >= 2 && empty * 2 >= having;
}

export const emptySection: Rule = {
  code: 'RF005',
  name: 'empty-section',
  defaultSeverity: 'warning',
  tags: ['structure'],
  fixable: true,
  readsStructure: true,
  description: {
    da: 'Et afsnit har ingen tekst.',
    en: 'A section has no text.',
  },
  messages,
  check({ model, profile }) {
    if (!model.kind) return [];
    const out: RuleFinding[] = [];
    for (const item of model.items) {
      if (!checksStructure(item)) continue;
      for (const [k, section] of item.sections.entries()) {
        if (section.role === 'decision' || isGroupRole(profile, section.role) || hasText(section)) continue;
        if (headsOthers(model, item.sections, k) || printedEmpty(model, profile.id, section)) continue;
        const placeholder = section.body.length > 0;
        out.push(
          placeholder
            ? report({ messageId: 'placeholder', data: { heading: section.heading, ...itemData(item), placeholder: MISSING_TEXT }, range: section.headingRange, fixes: deleteEmptySectionFix(item, section) })
            : report({ messageId: 'empty', data: { heading: section.heading, ...itemData(item) }, range: section.headingRange, fixes: deleteEmptySectionFix(item, section) }),
        );
      }
    }
    return out;
  },
};
