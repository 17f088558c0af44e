import { decisionPhraseFixes } from '../edits';
import { ruleMessages, type Rule, type RuleFinding } from './rule';
import { hasText, MISSING_TEXT } from '../sections';
import { checksStructure, itemData } from './structure-common';

const { messages, report } = ruleMessages({
  placeholder: {
    da: 'Beslutningen i Punkt {number} »{title}« står stadig som »{placeholder}«: skriv, hvad udvalget besluttede.',
    en: 'The decision in item {number} "{title}" still reads "{placeholder}": write what the committee decided.',
  },
  empty: {
    da: 'Beslutningen i Punkt {number} »{title}« er tom: skriv, hvad udvalget besluttede (fx »Godkendt« eller »Taget til efterretning«).',
    en: 'The decision in item {number} "{title}" is empty: write what the committee decided (e.g. "Godkendt" or "Taget til efterretning").',
  },
});

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
  tags: ['structure'],
  fixable: true,
  readsStructure: true,
  description: {
    da: 'En beslutning i et referat er tom.',
    en: 'A decision in the minutes is empty.',
  },
  messages,
  check({ model, profile }) {
    if (model.kind !== 'referat') return [];
    const out: RuleFinding[] = [];
    for (const item of model.items) {
      if (!checksStructure(item)) continue;
      for (const [k, section] of item.sections.entries()) {
        if (section.role !== 'decision' || hasText(section)) continue;
        // "Beslutning" over "Økonomiudvalgets beslutning i mødet den …" and its text: a heading over the decision.
        const next = item.sections[k + 1];
        if (section.body.length === 0 && next?.role === 'decision' && hasText(next)) continue;
        const placeholder = section.body.length > 0;
        out.push(
          placeholder
            ? report({ messageId: 'placeholder', data: { ...itemData(item), placeholder: MISSING_TEXT }, range: section.headingRange, fixes: decisionPhraseFixes(model, profile, section) })
            : report({ messageId: 'empty', data: itemData(item), range: section.headingRange, fixes: decisionPhraseFixes(model, profile, section) }),
        );
      }
    }
    return out;
  },
};
