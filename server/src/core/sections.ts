/**
 * Sections as the rules, the editing commands (edits.ts), the overview and the editor's features all see
 * them: whether a section has text, a role's heading in the document's own words, and the edit that
 * inserts a missing section at its place in the template. Below the rules, so that changing a rule
 * never changes hover, completion or a command.
 */
import type { Item, MinutesDocument, Section, SectionRole, TextEdit } from './model';
import type { Profile } from './profiles/profile';
import { isSwitchLine } from './text/switch-lines';

/** The text a quick fix writes under a heading it inserts; RF005 and RF040 still report it. */
export const MISSING_TEXT = '[Tekst mangler]';

/** Danish headings and English glosses of the roles, for messages when neither profile nor document names one. */
const ROLE_NAMES: Record<SectionRole, { da: string; en: string }> = {
  summary: { da: 'Resumé', en: 'summary' },
  background: { da: 'Baggrund', en: 'background' },
  presentation: { da: 'Sagsfremstilling', en: 'case presentation' },
  economy: { da: 'Økonomi', en: 'financial consequences' },
  legal: { da: 'Retsgrundlag', en: 'legal basis' },
  policy: { da: 'Politik/Plan', en: 'policy' },
  information: { da: 'Information', en: 'information' },
  consultation: { da: 'Høring', en: 'consultation' },
  assessment: { da: 'Vurdering', en: 'assessment' },
  decidedBy: { da: 'Beslutningen træffes af', en: 'who decides' },
  recommendation: { da: 'Indstilling', en: 'recommendation' },
  decision: { da: 'Beslutning', en: 'decision' },
  attachmentCount: { da: 'Bilag', en: 'attachment count' },
  attachmentList: { da: 'Bilag', en: 'attachments' },
  earlierTreatment: { da: 'Tidligere behandling', en: 'earlier treatment' },
  otherDocuments: { da: 'Andre relevante dokumenter', en: 'other relevant documents' },
  group: { da: 'Indhold', en: 'contents group' },
  other: { da: 'Afsnit', en: 'section' },
};

/** The English gloss of a role ("recommendation"). */
export function roleGloss(role: SectionRole): string {
  return ROLE_NAMES[role].en;
}

/**
 * The heading a role has in this document: as another item writes it (without a
 * captured date or body, so "Vedtagelse i … den …" is not copied), else the
 * profile's first heading for the role, else the usual Danish heading.
 */
export function roleHeading(model: MinutesDocument, profile: Profile, role: SectionRole): string {
  const own = sectionWithRole(model, role);
  if (own) return own.heading;
  const fromProfile = profile.json.sections?.find((s) => s.role === role && s.headings && s.headings.length > 0);
  return fromProfile?.headings?.[0] ?? ROLE_NAMES[role].da;
}

/** A section of this role with a plain heading (no captures), written somewhere in the document. */
function sectionWithRole(model: MinutesDocument, role: SectionRole): Section | undefined {
  for (const item of model.items) {
    for (const s of item.sections) if (s.role === role && Object.keys(s.captures).length === 0) return s;
  }
  return undefined;
}

/**
 * The data that names an item in a message: `Punkt {number} »{title}«` in Danish,
 * `item {number} "{title}"` in English (the words stay in each rule's catalogue).
 */
/**
 * Section text that counts as written: not blank, not only the placeholder a quick fix
 * inserted, and not only an inline switch ("referat-disable RF030") for other rules.
 */
export function hasText(section: Section): boolean {
  return section.body.some((b) => b.text !== MISSING_TEXT && !isSwitchLine(b.text));
}

/**
 * The edit that inserts a missing section heading with a placeholder line at the
 * template's position: after the last present section whose role precedes it in
 * `order`, else before the first present section that follows it. A role the order
 * does not name goes before the decision, else at the end of the item. The heading
 * is written like the document writes it (same words and Markdown markers as the
 * same role elsewhere, else the markers of the neighbouring section), with a blank
 * line between heading and text when the item's other sections have one.
 * Returns null when the inserted heading would not be read back as this role
 * (a role that depends on the first line under it, like Ballerup's count "Bilag").
 */
export function insertSectionEdit(model: MinutesDocument, profile: Profile, item: Item, role: SectionRole): TextEdit | null {
  if (profile.sections.some((f) => f.role === role && f.firstLine)) return null;
  const eol = model.eol ?? '\n';
  const rank = new Map(profile.order.map((r, i) => [r, i] as const));
  const target = rank.get(role);
  let after: Section | undefined;
  let before: Section | undefined;
  if (target !== undefined) {
    let afterRank = -1;
    for (const s of item.sections) {
      const r = rank.get(s.role);
      if (r === undefined) continue;
      if (r < target && r >= afterRank) {
        after = s;
        afterRank = r;
      }
      if (r > target && before === undefined) before = s;
    }
  } else {
    before = item.sections.find((s) => s.role === 'decision');
  }
  const anchor = after ?? before ?? item.sections[item.sections.length - 1];
  const styleFrom = sectionWithRole(model, role) ?? anchor;
  const decoration = styleFrom?.decoration;
  const heading = `${decoration?.before ?? ''}${roleHeading(model, profile, role)}${decoration?.after ?? ''}`;
  const gap = item.sections.some((s) => s.body.length > 0 && s.body[0].range.start.line > s.headingRange.start.line + 1) ? eol : '';
  const block = `${heading}${eol}${gap}${MISSING_TEXT}`;
  if (after) return { range: { start: after.range.end, end: after.range.end }, newText: `${eol}${eol}${block}` };
  if (before) {
    const at = { line: before.headingRange.start.line, character: 0 };
    return { range: { start: at, end: at }, newText: `${block}${eol}${eol}` };
  }
  return { range: { start: item.range.end, end: item.range.end }, newText: `${eol}${eol}${block}` };
}
