import type { Section } from '../model';
import { moveSectionFix } from '../edits';
import { ruleMessages, type Rule, type RuleFinding } from './rule';
import { checksStructure, itemData } from './structure-common';

const { messages, message, report } = ruleMessages({
  outOfPlace: {
    da: '»{heading}« står forkert i Punkt {number} »{title}«: efter skabelonen ({profile}) hører afsnittet til før »{before}«{after}.',
    en: '"{heading}" is out of place in item {number} "{title}": the template ({profile}) puts it before "{before}"{after}.',
  },
  after: { da: ' (efter »{heading}«)', en: ' (after "{heading}")' },
  belongsBefore: { da: 'Afsnittet hører til før »{heading}«', en: 'The section belongs before "{heading}"' },
});

/**
 * RF004: sections out of the template's order (profile `order`). Only roles the
 * order names are compared; a role repeated next to itself is RF006's business.
 * One finding per item, on the first heading that stands after a section the
 * template puts later, naming the section it belongs before.
 */
export const sectionOrder: Rule = {
  code: 'RF004',
  name: 'section-order',
  defaultSeverity: 'warning',
  tags: ['structure'],
  fixable: true,
  readsStructure: true,
  description: {
    da: 'Afsnittene i et punkt står ikke i skabelonens rækkefølge.',
    en: "An item's sections are not in the template's order.",
  },
  messages,
  check({ model, profile, lineText }) {
    if (!model.kind || profile.order.length < 2) return [];
    const rank = new Map(profile.order.map((r, i) => [r, i] as const));
    const out: RuleFinding[] = [];
    for (const item of model.items) {
      if (!checksStructure(item)) continue;
      // The earlier section with the highest rank so far, and for each rank its first section.
      let highest: Section | undefined;
      let highestRank = -1;
      const ranked: { section: Section; rank: number }[] = [];
      for (const section of item.sections) {
        const r = rank.get(section.role);
        if (r === undefined) continue;
        if (r < highestRank && highest) {
          // It belongs before the first earlier section that the template puts after it.
          const belongsBefore = ranked.find((x) => x.rank > r)?.section ?? highest;
          const previous = [...ranked].reverse().find((x) => x.rank < r)?.section;
          out.push(
            report({
              messageId: 'outOfPlace',
              data: {
                heading: section.heading,
                ...itemData(item),
                profile: profile.name,
                before: belongsBefore.heading,
                after: previous ? message('after', { heading: previous.heading }) : '',
              },
              range: section.headingRange,
              related: [{ range: belongsBefore.headingRange, message: message('belongsBefore', { heading: belongsBefore.heading }) }],
              fixes: moveSectionFix(model, item, section, belongsBefore, lineText),
            }),
          );
          break;
        }
        ranked.push({ section, rank: r });
        if (r >= highestRank) {
          highest = section;
          highestRank = r;
        }
      }
    }
    return out;
  },
};
