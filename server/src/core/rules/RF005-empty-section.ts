import type { Rule, RuleFinding } from './rule';
import { checksStructure, hasText, isGroupRole, itemName, PLACEHOLDER } from './structure-common';

/**
 * RF005: a section heading with no text under it. A group heading (Ballerup's
 * "Indhold" over the case sections) is not a section. Decisions are left to RF040:
 * an empty decision is fine in a dagsorden and an error in a referat. Exempt items
 * are left alone. The placeholder a quick fix inserts ("[Tekst mangler]") counts as
 * no text, so a section inserted by RF002/RF003 is reported until it is written.
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
      for (const section of item.sections) {
        if (section.role === 'decision' || isGroupRole(profile, section.role) || hasText(section)) continue;
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
        });
      }
    }
    return out;
  },
};
