/**
 * Shared helpers of the structure rules (RF001–RF006, RF010, RF011, RF040): the item label a finding
 * points at, the kind's and the roles' words in messages, which items and roles are judged. What the
 * rules share with the editing commands and features (hasText, roleHeading, the inserted section) is
 * in core/sections.ts, below the rules.
 * Everything here reads the model and the profile, never the raw text.
 */
import type { DocumentKind, Item, MinutesDocument, Range, SectionRole } from '../model';
import type { Profile } from '../profiles/profile';
import { perLanguage, type Localized } from '../messages';
import { roleGloss } from '../sections';

export function itemData(item: Item): { number: number; title: string } {
  return { number: item.number, title: item.title };
}

/** The English gloss of a role after a Danish heading, " (recommendation)"; nothing in Danish, where the heading says it. */
export function roleNote(role: SectionRole): Localized {
  return perLanguage('', ` (${roleGloss(role)})`);
}

/** From the item number to the end of its title: where item-level findings point. */
export function itemLabelRange(item: Item): Range {
  return { start: item.numberRange.start, end: item.titleRange.end };
}

/** The document as a message names it: "referatet"/"the minutes", "dagsordenen"/"the agenda". */
export function kindWord(kind: DocumentKind): Localized {
  return kind === 'referat' ? perLanguage('referatet', 'the minutes') : perLanguage('dagsordenen', 'the agenda');
}

/** The roles the template requires for this kind of document (none for an unknown kind). */
export function requiredRoles(model: MinutesDocument, profile: Profile): SectionRole[] {
  return model.kind ? profile.required[model.kind] : [];
}

/** True when the item needs the template's sections (not exempt by the profile's exemptItems). */
export function checksStructure(item: Item): boolean {
  return !item.exempt;
}

/** Whether a role is a group heading over other sections (Ballerup's "Indhold"), not a section with text. */
export function isGroupRole(profile: Profile, role: SectionRole): boolean {
  return role === 'group' || profile.sections.some((f) => f.role === role && f.group);
}

