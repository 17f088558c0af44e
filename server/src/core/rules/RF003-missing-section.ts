import { ruleMessages, type Rule, type RuleFinding } from './rule';
import { insertSectionEdit, roleHeading } from '../sections';
import { checksStructure, itemData, itemLabelRange, kindWord, requiredRoles, roleNote } from './structure-common';

const { messages, message, report } = ruleMessages({
  missing: {
    da: 'Punkt {number} »{title}« mangler afsnittet »{heading}«{gloss}, som skabelonen ({profile}) kræver i {kind}.',
    en: 'item {number} "{title}" lacks the section "{heading}"{gloss}, which the template ({profile}) requires in {kind}.',
  },
  insert: { da: 'Indsæt afsnittet »{heading}«', en: 'Insert the section "{heading}"' },
});

/**
 * RF003: a Punkt lacks a section its template requires (profile `required[kind]`),
 * other than the decision (RF001) and the recommendation (RF002). One finding per
 * missing section, on the item heading. Exempt items are left alone.
 */
export const missingSection: Rule = {
  code: 'RF003',
  name: 'missing-section',
  defaultSeverity: 'warning',
  tags: ['structure'],
  fixable: true,
  readsStructure: true,
  description: {
    da: 'Et punkt mangler et afsnit, som skabelonen kræver.',
    en: 'An item lacks a section its template requires.',
  },
  messages,
  check({ model, profile }) {
    if (!model.kind) return [];
    const roles = requiredRoles(model, profile).filter((r) => r !== 'decision' && r !== 'recommendation');
    if (roles.length === 0) return [];
    const kind = kindWord(model.kind);
    const out: RuleFinding[] = [];
    for (const item of model.items) {
      if (!checksStructure(item)) continue;
      for (const role of roles) {
        if (item.sections.some((s) => s.role === role)) continue;
        const heading = roleHeading(model, profile, role);
        const edit = insertSectionEdit(model, profile, item, role);
        out.push(
          report({
            messageId: 'missing',
            data: { ...itemData(item), heading, gloss: roleNote(role), profile: profile.name, kind },
            range: itemLabelRange(item),
            fixes: edit ? [{ title: message('insert', { heading }), edits: [edit] }] : undefined,
          }),
        );
      }
    }
    return out;
  },
};
