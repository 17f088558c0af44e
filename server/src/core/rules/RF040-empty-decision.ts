import { decisionPhraseFixes } from '../edits';
import type { Rule, RuleFinding } from './rule';
import { checksStructure, hasText, itemName, PLACEHOLDER } from './structure-common';

/**
 * RF040: a decision section with no text in a referat. In a dagsorden the decision
 * heading is often written ahead, empty, and that is fine. Exempt items (Meddelelser,
 * the signature page, closed items whose decision is not published) are left alone.
 * The placeholder a quick fix inserts ("[Tekst mangler]") counts as no text.
 */
export const emptyDecision: Rule = {
  code: 'RF040',
  name: 'empty-decision',
  defaultSeverity: 'error',
  description: {
    da: 'En beslutning i et referat er tom.',
    en: 'A decision in the minutes is empty.',
  },
  check({ model, profile }) {
    if (model.kind !== 'referat') return [];
    const out: RuleFinding[] = [];
    for (const item of model.items) {
      if (!checksStructure(item)) continue;
      for (const section of item.sections) {
        if (section.role !== 'decision' || hasText(section)) continue;
        const name = itemName(item);
        const placeholder = section.body.length > 0;
        out.push({
          range: section.headingRange,
          message: placeholder
            ? {
                da: `Beslutningen i ${name.da} står stadig som »${PLACEHOLDER}«: skriv, hvad udvalget besluttede.`,
                en: `The decision in ${name.en} still reads "${PLACEHOLDER}": write what the committee decided.`,
              }
            : {
                da: `Beslutningen i ${name.da} er tom: skriv, hvad udvalget besluttede (fx »Godkendt« eller »Taget til efterretning«).`,
                en: `The decision in ${name.en} is empty: write what the committee decided (e.g. "Godkendt" or "Taget til efterretning").`,
              },
          fixes: decisionPhraseFixes(model, profile, section),
        });
      }
    }
    return out;
  },
};
