/**
 * What a rule is: metadata (a stable code, a name, a default severity, a docs page), its
 * messages as data (a catalogue of ids with Danish and English side by side), and one pure
 * function from the model to findings. Rules read the model, never the raw text, and report
 * by message id with data: `report({ messageId, data, range, fixes })`. A rule declares what it is:
 * its family (`tags`) and whether it offers fixes (`fixable`). No rule has options: the only setting
 * of a rule is its severity (config-check.ts flags any other key).
 */
import type { Finding, MinutesDocument, Range, RelatedInfo, Fix, Severity } from '../model';
import type { Profile } from '../profiles/profile';
import type { ReferatConfig } from '../config';
import type { MeetingComparison } from '../meetings';
import { formatMessage, messageFunction, type Localized, type MessageData, type Messages } from '../messages';

export interface RuleContext {
  model: MinutesDocument;
  profile: Profile;
  config: ReferatConfig;
  /**
   * A line as written, for quick fixes that move or copy text (core/edits.ts). Never for
   * judging: rules read the model. Absent when a caller has no text; such fixes are then left out.
   */
  lineText?: (line: number) => string;
}

/** What a check returns: a finding without code (the rule's) and with an optional severity. */
export type RuleFinding = Omit<Finding, 'code' | 'severity'> & { severity?: Severity };

/** The families of codes: what a rule is about (the docs index, the README table and the family tests group by it). */
export const RULE_TAGS = ['structure', 'dates', 'attachments', 'document', 'tables', 'publication', 'crossdoc', 'configuration'] as const;
export type RuleTag = (typeof RULE_TAGS)[number];

/** What every code has, whether a rule over one document or an adapter reports it. */
export interface RuleMeta {
  /** Stable forever: a retired code is never reused. */
  code: string;
  /** kebab-case name, e.g. "missing-decision". */
  name: string;
  defaultSeverity: Severity;
  /** Its family first (RULE_TAGS). */
  tags: readonly RuleTag[];
  /** Whether some of its findings carry a quick fix (checked against the fixtures by a test). */
  fixable: boolean;
  /** One line for rule lists, SARIF and the docs index. */
  description: Localized;
  /** Every text the code shows: findings, related places, fix titles. */
  messages: Messages;
}

export interface Rule extends RuleMeta {
  /**
   * True for a rule that judges the items' sections, numbering or contents: it is not run on text whose line
   * breaks are lost (MinutesDocument.lineBreaksLost), where that structure cannot be read.
   */
  readsStructure?: boolean;
  check(ctx: RuleContext): RuleFinding[];
}

/**
 * A rule over a set of documents rather than one: the agenda and the minutes of one
 * meeting (core/crossdoc.ts compares them, the rule reports what changed). Its findings
 * are on the minutes; `data` carries the other document's uri and range.
 */
export interface DocumentSetRule extends RuleMeta {
  check(comparison: MeetingComparison): RuleFinding[];
}

/** One finding as a rule reports it: by message id and data, never by prose. */
export interface Report<Id extends string> {
  messageId: Id;
  data?: MessageData;
  range: Range;
  severity?: Severity;
  related?: RelatedInfo[];
  fixes?: Fix[];
  /** Machine-readable facts for JSON/SARIF and the editor (Finding.data), not placeholders. */
  details?: unknown;
}

/**
 * The helpers of one catalogue: `message(id, data)` for a related place, a fix title or a
 * fragment, and `report({ messageId, data, range, … })` for a finding. Both check the id
 * against the catalogue at compile time and fill the placeholders in both languages.
 */
export function ruleMessages<Id extends string>(messages: Messages<Id>) {
  const message = messageFunction(messages);
  const report = (r: Report<Id>): RuleFinding => {
    const finding: RuleFinding = {
      range: r.range,
      message: formatMessage(messages[r.messageId], r.data ?? {}),
      messageId: r.messageId,
    };
    if (r.data && Object.keys(r.data).length > 0) finding.messageData = r.data;
    if (r.severity) finding.severity = r.severity;
    if (r.related) finding.related = r.related;
    if (r.fixes) finding.fixes = r.fixes;
    if (r.details !== undefined) finding.data = r.details;
    return finding;
  };
  return { messages, message, report };
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
