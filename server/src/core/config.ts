/**
 * Configuration layers: defaults < workspace file (.referat.json) < editor settings
 * or CLI flags < inline comments (see suppress.ts). This module is a leaf: the types, the merge
 * of layers and the level of a rule. Reading a .referat.json text is config-file.ts's job.
 */
import type { Language } from './language';
import type { Range, Severity } from './model';
import type { ProfileJson } from './profiles/profile';

export type { Language } from './language';
export type RuleLevel = Severity | 'off';
export type RuleSetting = RuleLevel | ({ severity?: RuleLevel } & Record<string, unknown>);

export interface ReferatConfig {
  profile?: string;
  language?: Language;
  publication?: 'public' | 'internal';
  rules?: Record<string, RuleSetting>;
  profiles?: ProfileJson[];
  /** Globs (relative to the .referat.json's folder) of files that are not minutes: not checked, not squiggled. */
  ignorePatterns?: string[];
  /** Findings the clerk chose to ignore, kept here rather than in the document (see core/ignore.ts). */
  ignore?: IgnoreEntry[];
}

/** One ignored finding: the file (relative to the .referat.json), the code and the finding's fingerprint. */
export interface IgnoreEntry {
  file: string;
  code: string;
  /** The finding's stable fingerprint; without it every finding of the code in the file is ignored. */
  fingerprint?: string;
  reason?: string;
}

export interface ConfigProblem {
  range: Range;
  message: { da: string; en: string };
}

export interface LoadedConfig {
  config: ReferatConfig;
  problems: ConfigProblem[];
}

/** Later layers win; rule settings merge per rule. */
export function mergeConfigs(...layers: (ReferatConfig | undefined)[]): ReferatConfig {
  const out: ReferatConfig = {};
  for (const layer of layers) {
    if (!layer) continue;
    if (layer.profile !== undefined) out.profile = layer.profile;
    if (layer.language !== undefined) out.language = layer.language;
    if (layer.publication !== undefined) out.publication = layer.publication;
    if (layer.rules) out.rules = { ...(out.rules ?? {}), ...layer.rules };
    if (layer.profiles) out.profiles = [...(out.profiles ?? []), ...layer.profiles];
    if (layer.ignorePatterns) out.ignorePatterns = [...(out.ignorePatterns ?? []), ...layer.ignorePatterns];
    if (layer.ignore) out.ignore = [...(out.ignore ?? []), ...layer.ignore];
  }
  return out;
}

/**
 * The severity a rule's finding is reported with (`level`: ruleLevel's, not 'off'): the
 * configuration's when it sets the rule, else the finding's own (a rule may report some
 * findings milder than its default), else the level. One place for a document's rules
 * (analyze.ts) and the rules over agenda and minutes (crossdoc.ts).
 */
export function findingSeverity(config: ReferatConfig, code: string, level: Severity, own: Severity | undefined): Severity {
  return config.rules?.[code] !== undefined ? level : (own ?? level);
}

export function ruleLevel(config: ReferatConfig, code: string, fallback: Severity): RuleLevel {
  const setting = config.rules?.[code];
  if (setting === undefined) return fallback;
  if (typeof setting === 'string') return setting;
  return setting.severity ?? fallback;
}
