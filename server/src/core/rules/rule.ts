/**
 * What a rule is: metadata (a stable code, a name, a default severity, a docs page)
 * and one pure function from the model to findings. Rules read the model, never
 * the raw text; messages come in Danish and English.
 */
import type { Finding, MinutesDocument, Severity } from '../model';
import type { Profile } from '../profiles/profile';
import type { ReferatConfig } from '../config';

export interface RuleContext {
  model: MinutesDocument;
  profile: Profile;
  config: ReferatConfig;
  /** The rule's own options from the configuration ({ severity, … }). */
  options: Record<string, unknown>;
  /**
   * A line as written, for quick fixes that move or copy text (core/edits.ts). Never for
   * judging: rules read the model. Absent when a caller has no text; such fixes are then left out.
   */
  lineText?: (line: number) => string;
}

/** What a check returns: a finding without code (the rule's) and with an optional severity. */
export type RuleFinding = Omit<Finding, 'code' | 'severity'> & { severity?: Severity };

/** What every code has, whether a rule or an adapter reports it. */
export interface RuleMeta {
  code: string;
  name: string;
  defaultSeverity: Severity;
  description: { da: string; en: string };
}

export interface Rule extends RuleMeta {
  /** Stable forever: a retired code is never reused. */
  code: string;
  /** kebab-case name, e.g. "missing-decision". */
  name: string;
  defaultSeverity: Severity;
  /** One line for rule lists, SARIF and the docs index. */
  description: { da: string; en: string };
  check(ctx: RuleContext): RuleFinding[];
}

declare const REFERAT_VERSION: string;

/**
 * The rule pages of the release that reports: a link in a SARIF file or an alert keeps
 * pointing at the page as it was, not at whatever main says later. A development build
 * links to main.
 */
const DOCS_REF = typeof REFERAT_VERSION === 'string' && !REFERAT_VERSION.includes('dev') ? `v${REFERAT_VERSION}` : 'main';
export const DOCS_BASE = `https://github.com/referat-dk/referat/blob/${DOCS_REF}/docs/rules/`;
export function docsUrl(code: string): string {
  return `${DOCS_BASE}${code}.md`;
}
