/**
 * The core's entry point for adapters: text + configuration → model + findings.
 * Pure and deterministic: the same text and configuration give the same result.
 */
import { mergeConfigs, type ReferatConfig } from './config';
import type { Finding, LineSpan, MinutesDocument, SourceFormat } from './model';
import { parseDocument } from './parse/index';
import type { ParseMemo } from './parse/memo';
import { ProfileRegistry, builtinProfiles } from './profiles/builtin';
import type { Profile } from './profiles/profile';
import { RULES } from './rules/index';
import { docsUrl } from './rules/index';
import { redactFinding } from './redact';
import { runRules } from './run-rules';
import { applySwitches, findSwitches } from './suppress';
import type { LineIndex } from './text/lines';
import { blankFencedCodeBlocks } from './text/code-blocks';

export interface Analysis {
  model: MinutesDocument;
  profile: Profile;
  lines: LineIndex;
  findings: Finding[];
  /** What the next analysis of the same document can reuse (incremental parsing, parse/memo.ts). */
  memo?: ParseMemo;
}

export interface AnalyzeOptions {
  config?: ReferatConfig;
  /**
   * The analysis of the document's previous version: the items an edit did not touch are not
   * read again. The result is the same as without it.
   */
  previous?: Analysis;
  /** The format the text was read from (a PDF, a web page, a Word file), recorded in the model. */
  sourceFormat?: SourceFormat;
  /** The lines the reader laid out from a PDF's text positions (ReadDocument.laidOut), recorded in the model. */
  laidOut?: readonly LineSpan[];
}


/** Workspace profiles compile once per distinct set, not once per keystroke. */
const registryCache = new Map<string, ProfileRegistry>();

/** The profiles a configuration can use: the built-in ones plus its own. */
export function registryFor(config: ReferatConfig): ProfileRegistry {
  if (!config.profiles || config.profiles.length === 0) return builtinProfiles();
  const key = JSON.stringify(config.profiles);
  let registry = registryCache.get(key);
  if (!registry) {
    registry = new ProfileRegistry(config.profiles);
    if (registryCache.size > 20) registryCache.clear();
    registryCache.set(key, registry);
  }
  return registry;
}

/**
 * Documentation is not minutes: a page whose first line begins "Referat is …" and which
 * has a numbered list gets a kind from the parser, yet shows nothing of a meeting. A
 * document counts as minutes or an agenda only with evidence of a meeting: an item with a
 * section the profile knows (Indstilling, Beslutning, …), or a meeting date in the header.
 */
function withoutMeetingEvidence(model: MinutesDocument): boolean {
  if (model.kind === null) return false;
  if (model.header?.date || model.lineBreaksLost) return false;
  // An agenda notice: its items' titles listed under a header that names the kind.
  if (model.template?.itemBasis === 'titleList' && model.items.length >= 2) return false;
  // One item of a meeting, its heading without a number: its sections (a recommendation or a decision) show it.
  if (model.template?.itemBasis === 'sectionsOnly') return false;
  return !model.items.some((item) => item.sections.some((s) => s.role !== 'group'));
}

/** The model of a text that is not minutes: no kind, no items, nothing for the rules to read. */
function notMinutes(model: MinutesDocument): MinutesDocument {
  return { ...model, kind: null, header: null, toc: null, items: [], tables: [], dates: [], yearRanges: [], personalNumbers: [] };
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const config = mergeConfigs(options.config);
  const registry = registryFor(config);
  // A fenced example in Markdown is not the document (README, docs pages).
  const parsed = parseDocument(blankFencedCodeBlocks(text), { profile: config.profile, registry, previous: options.previous?.memo });
  const { lines, profile } = parsed;
  const read = withoutMeetingEvidence(parsed.model) ? notMinutes(parsed.model) : parsed.model;
  // A copy, not the parsed model: the next parse may reuse it (parse/memo.ts) for text from another source.
  const model = options.sourceFormat && options.sourceFormat !== 'text' ? withSource(read, options.sourceFormat, options.laidOut) : read;
  const lineText = (line: number) => lines.line(line)?.raw ?? '';
  // Text whose line breaks are lost has no readable structure: RF092 says so instead.
  const findings: Finding[] = runRules(RULES, { model, profile, config, lineText }, config, (rule) => Boolean(rule.readsStructure && model.lineBreaksLost));
  // No message quotes a CPR number the document holds (a title, a cell, a phrase).
  const redacted = model.personalNumbers.length > 0 ? findings.map((f) => redactFinding(f, model.personalNumbers)) : findings;
  return { model, profile, lines, findings: applySwitches(redacted, findSwitches(lines)), memo: parsed.memo };
}

/** The model with where its text came from: the format, and the lines laid out by position (none: left out). */
function withSource(model: MinutesDocument, sourceFormat: SourceFormat, laidOut: readonly LineSpan[] = []): MinutesDocument {
  return laidOut.length > 0 ? { ...model, sourceFormat, laidOut: laidOut.map((s) => ({ ...s })) } : { ...model, sourceFormat };
}

export { docsUrl };
