import type { Rule, RuleFinding } from './rule';
import { checksStructure, insertSectionEdit, itemLabelRange, itemName, kindWord, requiredRoles, roleGloss, roleHeading } from './structure-common';

/**
 * RF003: a Punkt lacks a section its template requires (profile `required[kind]`),
 * other than the decision (RF001) and the recommendation (RF002). One finding per
 * missing section, on the item heading. Exempt items are left alone.
 */
export const missingSection: Rule = {
  code: 'RF003',
  name: 'missing-section',
  defaultSeverity: 'warning',
  description: {
    da: 'Et punkt mangler et afsnit, som skabelonen kræver.',
    en: 'An item lacks a section its template requires.',
  },
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
        const name = itemName(item);
        const edit = insertSectionEdit(model, profile, item, role);
        out.push({
          range: itemLabelRange(item),
          message: {
            da: `${name.da} mangler afsnittet »${heading}«, som skabelonen (${profile.name}) kræver i ${kind.da}.`,
            en: `${name.en} lacks the section "${heading}" (${roleGloss(role)}), which the template (${profile.name}) requires in ${kind.en}.`,
          },
          fixes: edit
            ? [{ title: { da: `Indsæt afsnittet »${heading}«`, en: `Insert the section "${heading}"` }, edits: [edit] }]
            : undefined,
        });
      }
    }
    return out;
  },
};
