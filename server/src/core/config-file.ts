/**
 * Reads a .referat.json text (JSON with comments): whatever is wrong is reported with a range in that text,
 * and only the parts that are right are kept, so a broken file never stops validation (the defaults stay).
 * The codes it accepts are every rule's and adapter's (rules/index.ts).
 */
import Ajv from 'ajv';
import { findNodeAtLocation, parseTree, type Node, type ParseError } from 'jsonc-parser';
import { checkConfigValue, configMessage, parseErrorMessage } from './config-check';
import type { ConfigProblem, IgnoreEntry, LoadedConfig, ReferatConfig, RuleLevel, RuleSetting } from './config';
import type { Range } from './model';
import { ALL_CODES } from './rules/index';
import { ProfileRegistry } from './profiles/builtin';
import profileSchema from './profiles/profile.schema.json';
import type { ProfileJson } from './profiles/profile';
import { LineIndex } from './text/lines';

let validators: { profile: ReturnType<Ajv['compile']> } | undefined;
function getValidators() {
  if (!validators) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    validators = { profile: ajv.compile(profileSchema) };
  }
  return validators;
}

/**
 * Reads a .referat.json text. Whatever is wrong is reported with a range in that
 * text, and only the parts that are right are kept.
 */
export function parseConfigText(text: string): LoadedConfig {
  const lines = new LineIndex(text);
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const value: unknown = errors.length === 0 && tree ? nodeValue(tree) : undefined;
  // One message for broken JSON: the first error; the ones after it follow from it.
  const problems: ConfigProblem[] = errors.slice(0, 1).map((e) => ({
    range: { start: lines.positionAt(e.offset), end: lines.positionAt(e.offset + Math.max(1, e.length)) },
    message: parseErrorMessage(e),
  }));
  if (errors.length > 0 || typeof value !== 'object' || value === null || Array.isArray(value)) {
    if (errors.length === 0) {
      problems.push({
        range: lines.span(0, 0, Math.min(1, text.length)),
        message: configMessage('notObject'),
      });
    }
    return { config: {}, problems };
  }
  const whole = lines.linesRange(0, lines.lineCount - 1);
  const codes = ALL_CODES.map((c) => c.code);
  for (const issue of checkConfigValue(value as Record<string, unknown>, codes)) {
    problems.push({ range: rangeOfNode(tree!, lines, issue.path, issue.onKey) ?? whole, message: issue.message });
  }
  const config = keepValid(value as Record<string, unknown>, codes);
  // Profiles defined in the file must be valid and known before a document may use them.
  const goodProfiles: ProfileJson[] = [];
  for (const [k, p] of (config.profiles ?? []).entries()) {
    if (!getValidators().profile(p)) {
      problems.push({
        range: rangeOfNode(tree!, lines, ['profiles', k], false) ?? whole,
        message: configMessage('invalidProfile', {
          id: JSON.stringify((p as ProfileJson).id),
          problem: `${getValidators().profile.errors?.[0]?.instancePath} ${getValidators().profile.errors?.[0]?.message}`,
        }),
      });
      continue;
    }
    try {
      new ProfileRegistry([...goodProfiles, p]).get(p.id);
      goodProfiles.push(p);
    } catch (e) {
      problems.push({
        range: rangeOfNode(tree!, lines, ['profiles', k], false) ?? whole,
        message: configMessage('profileProblem', { problem: (e as Error).message }),
      });
    }
  }
  config.profiles = goodProfiles.length > 0 ? goodProfiles : undefined;
  if (config.profile && !new ProfileRegistry(goodProfiles).has(config.profile)) {
    problems.push({
      range: rangeOfNode(tree!, lines, ['profile'], false) ?? whole,
      message: configMessage('unknownProfile', { profile: config.profile, known: new ProfileRegistry(goodProfiles).ids().join(', ') }),
    });
    delete config.profile;
  }
  return { config, problems };
}

const LEVELS = new Set(['off', 'error', 'warning', 'information', 'hint']);

/** Keeps only the values of the right type, so one wrong value never disables the rest. */
function keepValid(raw: Record<string, unknown>, codes: readonly string[]): ReferatConfig {
  const out: ReferatConfig = {};
  if (typeof raw.profile === 'string') out.profile = raw.profile;
  if (raw.language === 'da' || raw.language === 'en') out.language = raw.language;
  if (raw.publication === 'public' || raw.publication === 'internal') out.publication = raw.publication;
  if (raw.rules && typeof raw.rules === 'object' && !Array.isArray(raw.rules)) {
    out.rules = {};
    for (const [code, setting] of Object.entries(raw.rules)) {
      if (!codes.includes(code)) continue;
      if (typeof setting === 'string' && LEVELS.has(setting)) out.rules[code] = setting as RuleLevel;
      else if (setting && typeof setting === 'object' && !Array.isArray(setting)) {
        const sev = (setting as { severity?: unknown }).severity;
        if (sev === undefined || (typeof sev === 'string' && LEVELS.has(sev))) out.rules[code] = setting as RuleSetting;
      }
    }
  }
  if (Array.isArray(raw.ignorePatterns)) out.ignorePatterns = raw.ignorePatterns.filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  if (Array.isArray(raw.ignore)) {
    out.ignore = raw.ignore.filter(
      (e): e is IgnoreEntry =>
        Boolean(e) && typeof e === 'object' && typeof e.file === 'string' && typeof e.code === 'string' && codes.includes(e.code) &&
        (e.fingerprint === undefined || typeof e.fingerprint === 'string'),
    );
  }
  if (Array.isArray(raw.profiles)) {
    out.profiles = raw.profiles.filter((p): p is ProfileJson => Boolean(p) && typeof p === 'object' && typeof (p as ProfileJson).id === 'string');
  }
  return out;
}

/** The range of the key (onKey) or the value at `path` in the JSON tree; undefined when it is not there. */
function rangeOfNode(tree: Node, lines: LineIndex, path: (string | number)[], onKey: boolean): Range | undefined {
  const node = findNodeAtLocation(tree, path);
  if (!node) return undefined;
  // The value's parent is the property; its first child is the key.
  const target = onKey && node.parent?.type === 'property' ? node.parent.children?.[0] ?? node : node;
  return { start: lines.positionAt(target.offset), end: lines.positionAt(target.offset + target.length) };
}

/** The plain value of a JSON tree (comments and trailing commas already dropped by the parser). */
function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (k && v) out[String(k.value)] = nodeValue(v);
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}
