/** The rule set, in code order. A new rule: add its module here and a page in docs/rules/. */
import type { DocumentSetRule, Rule, RuleMeta } from './rule';
import { CONFIG_MESSAGES } from '../config-check';
import { ENCODING_MESSAGES } from '../encoding-message';
import { agendaMinutesItems } from './RF220-agenda-minutes-items';
import { agendaMinutesRecommendation } from './RF221-agenda-minutes-recommendation';
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
 * Rules over a set of documents: the agenda and the minutes of one meeting, compared
 * in core/crossdoc.ts. They share the code space, the configuration and the docs.
 */
export const DOCUMENT_SET_RULES: readonly DocumentSetRule[] = [agendaMinutesItems, agendaMinutesRecommendation];

/**
 * Codes reported by the adapters rather than by a rule over documents: they concern
 * the file or the configuration, not the minutes. They share the code space and docs.
 */
export const ADAPTER_CODES: readonly RuleMeta[] = [
  {
    code: 'RF098',
    name: 'legacy-encoding',
    defaultSeverity: 'information',
    description: { da: 'Filen er ikke UTF-8 og blev læst som en ældre tegnkodning.', en: 'The file is not UTF-8 and was read in a legacy encoding.' },
    messages: ENCODING_MESSAGES,
  },
  {
    code: 'RF099',
    name: 'invalid-config',
    defaultSeverity: 'error',
    description: { da: '.referat.json kan ikke læses eller har ugyldige værdier.', en: '.referat.json cannot be read or has invalid values.' },
    messages: CONFIG_MESSAGES,
  },
];

export const ALL_CODES: readonly RuleMeta[] = [...RULES, ...DOCUMENT_SET_RULES, ...ADAPTER_CODES].sort((a, b) => a.code.localeCompare(b.code));
