import { deleteEmptySectionFix } from '../edits';
import type { Rule, RuleFinding } from './rule';
import type { MinutesDocument, Section } from '../model';
import { isRareHeading, usageKey } from '../parse/template';
import { checksStructure, hasText, isGroupRole, itemName, PLACEHOLDER } from './structure-common';

/**
 * Whether the empty section k heads what follows rather than being empty: a heading the document learned
 * (its own, less certain than a profile's), or one followed by a heading the document rarely uses (a
 * sub-heading such as "Baggrund" directly under "Sagsbeskrivelse": the text stands under it).
 */
function headsOthers(model: MinutesDocument, sections: Section[], k: number): boolean {
  const template = model.template;
  const own = template?.sections[usageKey(sections[k])];
  if (!template || !own) return false;
  if (own.learned) return true;
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
export const emptySection: Rule = {
  code: 'RF005',
  name: 'empty-section',
  defaultSeverity: 'warning',
  description: {
    da: 'Et afsnit har ingen tekst.',
    en: 'A section has no text.',
  },
  check({ model, profile }) {
    if (!model.kind) return [];
    const out: RuleFinding[] = [];
    for (const item of model.items) {
      if (!checksStructure(item)) continue;
      for (const [k, section] of item.sections.entries()) {
        if (section.role === 'decision' || isGroupRole(profile, section.role) || hasText(section)) continue;
        if (headsOthers(model, item.sections, k)) continue;
        const name = itemName(item);
        const placeholder = section.body.length > 0;
        out.push({
          range: section.headingRange,
          message: placeholder
            ? {
                da: `Afsnittet »${section.heading}« i ${name.da} står stadig som »${PLACEHOLDER}«: skriv teksten, eller slet afsnittet.`,
                en: `The section "${section.heading}" in ${name.en} still reads "${PLACEHOLDER}": write the text or delete the section.`,
              }
            : {
                da: `Afsnittet »${section.heading}« i ${name.da} er tomt: skriv teksten (fx »Ingen bemærkninger«), eller slet overskriften.`,
                en: `The section "${section.heading}" in ${name.en} is empty: write the text (e.g. "Ingen bemærkninger") or delete the heading.`,
              },
          fixes: deleteEmptySectionFix(item, section),
        });
      }
    }
    return out;
  },
};
