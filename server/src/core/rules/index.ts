/**
 * The rule set, in code order. The modules are listed by registry.generated.ts, which `npm run generate`
 * writes from the RF###-name.ts files of this folder: a new rule is its file, its docs page and a fixture.
 */
import type { DocumentSetRule, Rule, RuleMeta } from './rule';

// What the rest of Referat may know of a rule: this index is the folder's only door (eslint.config.mjs).
export { docsUrl } from './rule';
export { RULE_TAGS } from './rule';
export type { DocumentSetRule, Rule, RuleContext, RuleFinding, RuleMeta, RuleTag } from './rule';
import { DOCUMENT_RULES, SET_RULES } from './registry.generated';
import { CONFIG_MESSAGES } from '../config-check';
import { ENCODING_MESSAGES } from '../encoding-message';
import { READ_PROBLEM_MESSAGES } from '../read-problem-message';

export const RULES: readonly Rule[] = DOCUMENT_RULES;

/**
 * Rules over a set of documents: the agenda and the minutes of one meeting, compared
 * in core/crossdoc.ts. They share the code space, the configuration and the docs.
 */
export const DOCUMENT_SET_RULES: readonly DocumentSetRule[] = SET_RULES;

/**
 * Codes reported by the adapters rather than by a rule over documents: they concern
 * the file or the configuration, not the minutes. They share the code space and docs.
 */
export const ADAPTER_CODES: readonly RuleMeta[] = [
  {
    code: 'RF097',
    name: 'partly-read',
    defaultSeverity: 'information',
    tags: ['document'],
    fixable: false,
    description: { da: 'En PDF-, Word- eller HTML-fil kunne kun læses delvis.', en: 'A PDF, Word or HTML file could be read only in part.' },
    messages: READ_PROBLEM_MESSAGES,
  },
  {
    code: 'RF098',
    name: 'legacy-encoding',
    defaultSeverity: 'information',
    tags: ['document'],
    fixable: false,
    description: { da: 'Filen er ikke UTF-8 og blev læst som en ældre tegnkodning.', en: 'The file is not UTF-8 and was read in a legacy encoding.' },
    messages: ENCODING_MESSAGES,
  },
  {
    code: 'RF099',
    name: 'invalid-config',
    defaultSeverity: 'error',
    tags: ['configuration'],
    fixable: false,
    description: { da: '.referat.json kan ikke læses eller har ugyldige værdier.', en: '.referat.json cannot be read or has invalid values.' },
    messages: CONFIG_MESSAGES,
  },
];

export const ALL_CODES: readonly RuleMeta[] = [...RULES, ...DOCUMENT_SET_RULES, ...ADAPTER_CODES].sort((a, b) => a.code.localeCompare(b.code));
