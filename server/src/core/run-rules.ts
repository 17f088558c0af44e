/**
 * The one rule runner: per-document rules (analyze.ts) and document-set rules (crossdoc.ts) alike go
 * through it, so both get the same configuration (a rule set to "off" is not run, a severity override
 * applies), the same guard (a rule that throws becomes one information finding naming it, never an
 * exception that takes the editor or the CLI down) and the same order of findings.
 */
import { findingSeverity, ruleLevel, type ReferatConfig } from './config';
import { catalogue, messageFunction } from './messages';
import type { Finding, Range } from './model';
import type { RuleFinding } from './rules/index';

const message = messageFunction(
  catalogue('run-rules', {
    ruleFailed: {
      da: 'Reglen {code} fejlede internt og blev sprunget over: {error}',
      en: 'Rule {code} failed internally and was skipped: {error}',
    },
  }),
);

/** What the runner needs of a rule: its code, its default severity and its check over some context. */
export interface RunnableRule<Context> {
  code: string;
  defaultSeverity: Finding['severity'];
  check(ctx: Context): RuleFinding[];
}

const DOCUMENT_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * Runs each rule that the configuration leaves on (and `skip` does not leave out) over `ctx`, and returns
 * their findings with code and severity, sorted by place and then code. A rule that throws gives one
 * information finding at the start of the document instead of its findings.
 */
export function runRules<Context, R extends RunnableRule<Context>>(
  rules: readonly R[],
  ctx: Context,
  config: ReferatConfig,
  skip?: (rule: R) => boolean,
): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const level = ruleLevel(config, rule.code, rule.defaultSeverity);
    if (level === 'off' || skip?.(rule)) continue;
    let produced: RuleFinding[];
    try {
      produced = rule.check(ctx);
    } catch (e) {
      findings.push(ruleFailed(rule.code, e));
      continue;
    }
    for (const f of produced) findings.push({ ...f, code: rule.code, severity: findingSeverity(config, rule.code, level, f.severity) });
  }
  return findings.sort(byPlace);
}

/** The finding that stands for a rule that threw: the editor and the CLI go on with the other rules. */
function ruleFailed(code: string, error: unknown): Finding {
  const text = error instanceof Error ? error.message : String(error);
  return { code, severity: 'information', range: DOCUMENT_START, message: message('ruleFailed', { code, error: text }), messageId: 'ruleFailed' };
}

/** Findings in the order of the document, then by code. */
export function byPlace(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code);
}
