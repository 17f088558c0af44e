/** The rule set, in code order. A new rule: add its module here and a page in docs/rules/. */
import type { Rule, RuleMeta } from './rule';
import { notMinutes } from './RF090-not-minutes';

export const RULES: readonly Rule[] = [notMinutes];

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
];

export const ALL_CODES: readonly RuleMeta[] = [...RULES, ...ADAPTER_CODES].sort((a, b) => a.code.localeCompare(b.code));
