import { publicationOf } from '../publication';
import type { Fix, Item, MinutesDocument, RelatedInfo, Section, SectionRole, TextEdit } from '../model';
import { seriesList } from '../messages';
import { ruleMessages, type Rule, type RuleFinding } from './rule';

const { messages, message, report } = ruleMessages({
  content: {
    da: 'Punkt {number} er et lukket punkt, men dokumentet offentliggøres, og punktet viser mere end titel og beslutning: {sections}. Tag teksten ud af den offentlige udgave.',
    en: 'Item {number} is a closed item, but the document is published and the item shows more than its title and decision: {sections}. Take the text out of the public version.',
  },
  closed: { da: 'Punktet er lukket: »{text}«', en: 'The item is closed: "{text}"' },
  alsoContent: { da: 'Også indhold: {heading}', en: 'Also content: {heading}' },
  remove: { da: 'Fjern teksten fra det lukkede punkt (behold titel og beslutning)', en: 'Remove the text of the closed item (keep title and decision)' },
});

/**
 * RF201: a closed item (treated behind closed doors: "Lukket punkt", "(FOR LUKKEDE DØRE)",
 * "Fortroligt", "Sagstype: Lukket", as the profile's `closedItems` say) that shows more than
 * its title and its decision in a document that is published. Its case text, recommendation,
 * tables or attachment titles must be taken out of the public version.
 *
 * Whether a document is published comes from `.referat.json` (`"publication": "public"` or
 * `"internal"`). Without it, a referat is public (the minutes are what the municipality
 * publishes) and a dagsorden is internal (the members' agenda carries closed items in full;
 * set `"publication": "public"` to check the published agenda too).
 */
export const closedItemContent: Rule = {
  code: 'RF201',
  name: 'closed-item-content',
  // Only public documents are checked, and there the text must not be published: a CI gate must stop it.
  defaultSeverity: 'error',
  tags: ['publication'],
  fixable: true,
  description: {
    da: 'Et lukket punkt viser mere end titel og beslutning i et offentligt dokument.',
    en: 'A closed item shows more than its title and decision in a public document.',
  },
  messages,
  check({ model, config }) {
    if (publicationOf(model, config) !== 'public') return [];
    const out: RuleFinding[] = [];
    for (const item of model.items) {
      if (!item.closed) continue;
      const content = item.sections.filter((s) => !ALLOWED.has(s.role) && s.body.length > 0);
      if (content.length === 0) continue;
      const names = content.map((s) => s.heading);
      const related: RelatedInfo[] = [
        { range: item.closed.range, message: message('closed', { text: item.closed.text }) },
        ...content.slice(1).map((s) => ({ range: s.headingRange, message: message('alsoContent', { heading: s.heading }) })),
      ];
      out.push(
        report({
          messageId: 'content',
          data: { number: item.number, sections: seriesList(names, 'and') },
          range: content[0].headingRange,
          related,
          fixes: removalFix(model, item, content),
          details: { item: item.number, sections: names },
        }),
      );
    }
    return out;
  },
};

/** What a published closed item may show besides its title: the decision and who takes it, a group heading, references. */
const ALLOWED = new Set<SectionRole>(['decision', 'decidedBy', 'group', 'earlierTreatment', 'attachmentCount']);

/**
 * Deletes the content sections, heading and text, each up to the next section (or the
 * item's end). Not safe: the text goes; the clerk keeps it in the internal version.
 */
function removalFix(model: MinutesDocument, item: Item, content: Section[]): Fix[] {
  const edits: TextEdit[] = [];
  const sections = item.sections;
  for (let k = 0; k < sections.length; k++) {
    if (!content.includes(sections[k])) continue;
    // Neighbouring content sections go in one edit.
    let last = k;
    while (last + 1 < sections.length && content.includes(sections[last + 1])) last++;
    let start = { line: sections[k].headingRange.start.line, character: 0 };
    const next = sections[last + 1];
    let end;
    if (next) end = { line: next.headingRange.start.line, character: 0 };
    else if (k > 0) {
      // The item ends with them: from the end of the section before, so the blank lines before the next item stay as they were.
      start = sections[k - 1].range.end;
      end = item.range.end;
    } else if (item.range.end.line + 1 < model.lineCount) end = { line: item.range.end.line + 1, character: 0 };
    else end = item.range.end;
    edits.push({ range: { start, end }, newText: '' });
    k = last;
  }
  return [
    {
      title: message('remove'),
      edits,
      safe: false,
    },
  ];
}
