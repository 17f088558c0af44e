import { committeeKey } from '../committee';
import type { Section } from '../model';
import { foldHeading } from '../profiles/profile';
import { mergeSectionsFix } from '../edits';
import { ruleMessages, type Rule, type RuleFinding } from './rule';
import { checksStructure, itemData, roleNote } from './structure-common';
import { plausiblySubHeading } from './sub-headings';

const { messages, message, report } = ruleMessages({
  repeated: {
    da: 'Punkt {number} »{title}« har afsnittet »{heading}«{gloss} to gange (første gang som »{first}« i linje {line}): slå dem sammen, eller slet det ene.',
    en: 'item {number} "{title}" has the section "{heading}"{gloss} twice (first as "{first}" on line {line}): merge them or delete one.',
  },
  first: { da: 'Første gang', en: 'First occurrence' },
});

/**
 * RF006: the same section twice in one item (two "Indstilling", or a "Sagsfremstilling"
 * pasted in twice). Roles and words are compared: Ballerup's two "Bilag" are a count
 * (attachmentCount) and a list (attachmentList), so they are not a repeat.
 * Exempt items (Meddelelser with a "Bilag" count per sub-point) are left alone.
 * Decisions of different bodies ("Vedtagelse i Økonomiudvalget den …" above
 * "Vedtagelse i Kommunalbestyrelsen den …") record the item's way through the
 * council: each body has its own decision, so they are not a repeat; nor are two headings of one role in
 * different words (see repeatKey).
 */
/**
 * What must be written twice for a repeat: the same heading words (folded). Two headings of one role in
 * different words ("Økonomi" inside the case presentation, "Økonomiske konsekvenser" after it) are plausibly
 * a sub-heading and a section, and decision headings that name another body or another date ("Beslutning i
 * Udvalget den 10-04-2013", "… den 24-04-2013") record the item's way through earlier meetings.
 */
function repeatKey(section: Section): string {
  const body = section.role === 'decision' ? section.captures.body?.text : undefined;
  const date = section.role === 'decision' ? section.captures.date?.text : undefined;
  if (body) return `${section.role}:${committeeKey(body)}:${date ?? ''}`;
  return `${section.role}:${foldHeading(section.heading)}`;
}

export const repeatedSection: Rule = {
  code: 'RF006',
  name: 'repeated-section',
  defaultSeverity: 'warning',
  tags: ['structure'],
  fixable: true,
  readsStructure: true,
  description: {
    da: 'Det samme afsnit står to gange i et punkt.',
    en: 'The same section occurs twice in an item.',
  },
  messages,
  check({ model, lineText }) {
    if (!model.kind) return [];
    const out: RuleFinding[] = [];
    for (const item of model.items) {
      if (!checksStructure(item)) continue;
      const first = new Map<string, number>();
      for (const [k, section] of item.sections.entries()) {
        // Learned headings are the document's own, read with less certainty: a repeat may be a sub-heading.
        if (section.role === 'other') continue;
        const key = repeatKey(section);
        const at = first.get(key);
        if (at === undefined) {
          first.set(key, k);
          continue;
        }
        // A sub-heading inside another section and a section of the same words: no repeat (sub-headings.ts).
        if (plausiblySubHeading(model.template, model.items, item, at, k)) continue;
        const earlier = item.sections[at];
        out.push(
          report({
            messageId: 'repeated',
            data: { ...itemData(item), heading: section.heading, gloss: roleNote(section.role), first: earlier.heading, line: earlier.headingRange.start.line + 1 },
            range: section.headingRange,
            related: [{ range: earlier.headingRange, message: message('first') }],
            fixes: mergeSectionsFix(model, item, section, earlier, lineText),
          }),
        );
      }
    }
    return out;
  },
};
