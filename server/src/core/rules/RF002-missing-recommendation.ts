import { ruleMessages, type Rule, type RuleFinding } from './rule';
import { insertSectionEdit, roleHeading } from '../sections';
import { checksStructure, itemData, itemLabelRange, kindWord, requiredRoles } from './structure-common';

const { messages, message, report } = ruleMessages({
  missing: {
    da: 'Punkt {number} »{title}« har ingen »{heading}«. Skabelonen ({profile}) kræver en indstilling i {kind}, så det fremgår, hvad udvalget skal tage stilling til.',
    en: 'item {number} "{title}" has no "{heading}" (recommendation). The template ({profile}) requires one in {kind}, so that it is clear what the committee is asked to decide.',
  },
  insert: { da: 'Indsæt afsnittet »{heading}«', en: 'Insert the section "{heading}"' },
});

/**
 * RF002: a Punkt has no Indstilling (role `recommendation`) although the template
 * requires one for this kind of document (profile `required[kind]`). An error in a
 * referat (the decision is taken on the recommendation, so the minutes do not show
 * what was approved); a warning in a dagsorden, which is still being written.
 * Exempt items (Meddelelser, Orientering, the signature page, …) need none.
 */
export const missingRecommendation: Rule = {
  code: 'RF002',
  name: 'missing-recommendation',
  defaultSeverity: 'error',
  tags: ['structure'],
  fixable: true,
  readsStructure: true,
  description: {
    da: 'Et punkt mangler en indstilling, som skabelonen kræver.',
    en: 'An item lacks the recommendation its template requires.',
  },
  messages,
  check({ model, profile }) {
    if (!model.kind || !requiredRoles(model, profile).includes('recommendation')) return [];
    const heading = roleHeading(model, profile, 'recommendation');
    const kind = kindWord(model.kind);
    const out: RuleFinding[] = [];
    for (const item of model.items) {
      if (!checksStructure(item) || item.sections.some((s) => s.role === 'recommendation')) continue;
      const edit = insertSectionEdit(model, profile, item, 'recommendation');
      out.push(
        report({
          messageId: 'missing',
          data: { ...itemData(item), heading, profile: profile.name, kind },
          severity: model.kind === 'referat' ? 'error' : 'warning',
          range: itemLabelRange(item),
          fixes: edit ? [{ title: message('insert', { heading }), edits: [edit] }] : undefined,
        }),
      );
    }
    return out;
  },
};
