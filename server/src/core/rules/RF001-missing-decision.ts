import type { Rule, RuleFinding } from './rule';
import { checksStructure, itemLabelRange, itemName, roleHeading } from './structure-common';

/**
 * RF001: a Punkt in a referat has no decision section. The minutes must record what
 * was decided on every item that needs a decision (styrelsesloven); items that by
 * nature need none (Meddelelser, Orientering, the signature page, closed items) are
 * exempt through the profile's `exemptItems`. A dagsorden needs no decisions, and a
 * template whose `required.referat` does not list `decision` is respected. A document that labels no
 * decision writes it as text under no section (parse/template.ts): only an item with no such text lacks one.
 */
export const missingDecision: Rule = {
  code: 'RF001',
  name: 'missing-decision',
  defaultSeverity: 'error',
  description: {
    da: 'Et punkt i et referat har ingen beslutning.',
    en: 'An item in the minutes has no decision.',
  },
  check({ model, profile }) {
    if (model.kind !== 'referat' || !profile.required.referat.includes('decision')) return [];
    const heading = roleHeading(model, profile, 'decision');
    const out: RuleFinding[] = [];
    for (const item of model.items) {
      // A decision under a heading, or (where the document writes it so) as text under no heading.
      if (!checksStructure(item) || item.decision) continue;
      const name = itemName(item);
      const recommendation = item.sections.find((s) => s.role === 'recommendation');
      out.push({
        range: itemLabelRange(item),
        message: {
          da: `${name.da} har ingen beslutning. Referatet skal for hvert punkt angive, hvad udvalget besluttede: tilføj afsnittet »${heading}« med beslutningen.`,
          en: `${name.en} has no decision. The minutes must state what the committee decided on each item: add the section "${heading}" with the decision.`,
        },
        related: recommendation
          ? [{ range: recommendation.headingRange, message: { da: 'Indstillingen, som der skal besluttes om', en: 'The recommendation to be decided on' } }]
          : undefined,
      });
    }
    return out;
  },
};
