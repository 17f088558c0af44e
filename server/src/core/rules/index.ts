/** The rule set, in code order. A new rule: add its module here and a page in docs/rules/. */
import type { Rule, RuleMeta } from './rule';
import { missingDecision } from './RF001-missing-decision';
import { missingRecommendation } from './RF002-missing-recommendation';
import { missingSection } from './RF003-missing-section';
import { sectionOrder } from './RF004-section-order';
import { emptySection } from './RF005-empty-section';
import { repeatedSection } from './RF006-repeated-section';
import { itemNumbering } from './RF010-item-numbering';
import { tocMismatch } from './RF011-toc-mismatch';
import { weekdayMismatch } from './RF020-weekday-mismatch';
import { decisionDate } from './RF021-decision-date';
import { earlierTreatmentDate } from './RF022-earlier-treatment-date';
import { impossibleDate } from './RF023-impossible-date';
import { attachmentCount } from './RF030-attachment-count';
import { emptyDecision } from './RF040-empty-decision';
import { notMinutes } from './RF090-not-minutes';
import { emptyFile } from './RF091-empty-file';
import { columnTotal } from './RF101-column-total';
import { rowTotal } from './RF102-row-total';
import { gluedFootnoteMarker } from './RF103-glued-footnote-marker';
import { malformedNumber } from './RF104-malformed-number';
import { statedDifference } from './RF105-stated-difference';
import { personalNumber } from './RF200-personal-number';
import { closedItemContent } from './RF201-closed-item-content';
import { proseTotal } from './RF210-prose-total';
import { decisionAuthority } from './RF211-decision-authority';

export const RULES: readonly Rule[] = [missingDecision, missingRecommendation, missingSection, sectionOrder, emptySection, repeatedSection, itemNumbering, tocMismatch, weekdayMismatch, decisionDate, earlierTreatmentDate, impossibleDate, attachmentCount, emptyDecision, notMinutes, emptyFile, columnTotal, rowTotal, gluedFootnoteMarker, malformedNumber, statedDifference, personalNumber, closedItemContent, proseTotal, decisionAuthority];

export function ruleByCode(code: string): Rule | undefined {
  return RULES.find((r) => r.code === code);
}

/**
 * Codes reported by the adapters rather than by a rule over the model: they concern
 * the file or the configuration, not the minutes. They share the code space and docs.
 */
export const ADAPTER_CODES: readonly RuleMeta[] = [
  {
    code: 'RF098',
    name: 'legacy-encoding',
    defaultSeverity: 'information',
    description: { da: 'Filen er ikke UTF-8 og blev læst som en ældre tegnkodning.', en: 'The file is not UTF-8 and was read in a legacy encoding.' },
  },
  {
    code: 'RF099',
    name: 'invalid-config',
    defaultSeverity: 'error',
    description: { da: '.referat.json kan ikke læses eller har ugyldige værdier.', en: '.referat.json cannot be read or has invalid values.' },
  },
  {
    code: 'RF220',
    name: 'agenda-minutes-items',
    defaultSeverity: 'warning',
    description: {
      da: 'Et punkt er tilføjet, fjernet eller omdøbt mellem dagsordenen og referatet af samme møde.',
      en: 'An item was added, dropped or renamed between the agenda and the minutes of the same meeting.',
    },
  },
  {
    code: 'RF221',
    name: 'agenda-minutes-recommendation',
    defaultSeverity: 'information',
    description: {
      da: 'Indstillingen i et punkt er ændret mellem dagsordenen og referatet.',
      en: "An item's recommendation changed between the agenda and the minutes.",
    },
  },
];

export const ALL_CODES: readonly RuleMeta[] = [...RULES, ...ADAPTER_CODES].sort((a, b) => a.code.localeCompare(b.code));
