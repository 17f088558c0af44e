import type { Item, MinutesDocument } from '../model';
import { insertSectionFix } from '../edits';
import { ruleMessages, type Rule, type RuleFinding } from './rule';
import { roleHeading } from '../sections';
import { checksStructure, itemData, itemLabelRange } from './structure-common';

const { messages, message, report } = ruleMessages({
  missing: {
    da: 'Punkt {number} »{title}« har ingen beslutning. Referatet skal for hvert punkt angive, hvad udvalget besluttede: tilføj afsnittet »{heading}« med beslutningen.',
    en: 'item {number} "{title}" has no decision. The minutes must state what the committee decided on each item: add the section "{heading}" with the decision.',
  },
  unsure: {
    da: 'Referat kan ikke se, hvor beslutningerne står i dette referat: {missing} af {needing} punkter ({numbers}) har hverken en overskrift som »Beslutning« eller tekst uden for deres afsnit. Kontrollér, at hvert punkt har sin beslutning.',
    en: 'Referat cannot tell where the decisions are written in these minutes: {missing} of {needing} items ({numbers}) have neither a heading such as "Beslutning" nor text outside their sections. Check that every item has its decision.',
  },
  recommendation: { da: 'Indstillingen, som der skal besluttes om', en: 'The recommendation to be decided on' },
});

/**
 * In a document that labels no decision, many items without any decision text mean the decision is written
 * where Referat does not look (inside a section, say), not that the minutes lack them: the reading is unsure.
 */
const UNSURE_MISSING = 3;
function readingIsUnsure(model: MinutesDocument, missing: number, needing: number): boolean {
  if (model.template?.decisions === 'labelled' || missing < UNSURE_MISSING) return false;
  return missing > needing / 2;
}

/** One information on the document instead of an error per item, where the reading is unsure. */
function unsureReading(missing: Item[], needing: number): RuleFinding {
  const numbers = missing.map((i) => i.number).join(', ');
  return report({
    messageId: 'unsure',
    data: { missing: missing.length, needing, numbers },
    severity: 'information',
    range: itemLabelRange(missing[0]),
  });
}

/**
 * RF001: a Punkt in a referat has no decision section. The minutes must record what
 * was decided on every item that needs a decision (styrelsesloven); items that by
 * nature need none (Meddelelser, Orientering, the signature page, closed items) are
 * exempt through the profile's `exemptItems`. A dagsorden needs no decisions, and a
 * template whose `required.referat` does not list `decision` is respected. A document that labels no
 * decision writes it as text under no section (parse/template.ts): only an item with no such text lacks one,
 * and where most of its items seem to lack one the reading is unsure: one information, not an error each.
 */
export const missingDecision: Rule = {
  code: 'RF001',
  name: 'missing-decision',
  defaultSeverity: 'error',
  tags: ['structure'],
  fixable: true,
  readsStructure: true,
  description: {
    da: 'Et punkt i et referat har ingen beslutning.',
    en: 'An item in the minutes has no decision.',
  },
  messages,
  check({ model, profile }) {
    if (model.kind !== 'referat' || !profile.required.referat.includes('decision')) return [];
    const heading = roleHeading(model, profile, 'decision');
    const needing = model.items.filter(checksStructure);
    const missing = needing.filter((item) => !item.decision);
    if (readingIsUnsure(model, missing.length, needing.length)) return [unsureReading(missing, needing.length)];
    const out: RuleFinding[] = [];
    for (const item of missing) {
      const recommendation = item.sections.find((s) => s.role === 'recommendation');
      out.push(
        report({
          messageId: 'missing',
          data: { ...itemData(item), heading },
          range: itemLabelRange(item),
          related: recommendation ? [{ range: recommendation.headingRange, message: message('recommendation') }] : undefined,
          fixes: insertSectionFix(model, profile, item, 'decision'),
        }),
      );
    }
    return out;
  },
};
