/**
 * Configuration layers: defaults < workspace file (.referat.json) < editor settings
 * or CLI flags < inline comments (see suppress.ts). A broken file never stops
 * validation: its problems are reported on the file and the defaults stay in force.
 */
import Ajv from 'ajv';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { Range, Severity } from './model';
import { ProfileRegistry } from './profiles/builtin';
import profileSchema from './profiles/profile.schema.json';
import type { ProfileJson } from './profiles/profile';
import configSchema from './config.schema.json';
import { LineIndex } from './text/lines';

export type Language = 'da' | 'en';
export type RuleLevel = Severity | 'off';
export type RuleSetting = RuleLevel | ({ severity?: RuleLevel } & Record<string, unknown>);

export interface ReferatConfig {
  profile?: string;
  language?: Language;
  publication?: 'public' | 'internal';
  rules?: Record<string, RuleSetting>;
  profiles?: ProfileJson[];
}

export interface ConfigProblem {
  range: Range;
  message: { da: string; en: string };
}

export interface LoadedConfig {
  config: ReferatConfig;
  problems: ConfigProblem[];
}

let validators: { config: ReturnType<Ajv['compile']>; profile: ReturnType<Ajv['compile']> } | undefined;
function getValidators() {
  if (!validators) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    validators = { config: ajv.compile(configSchema), profile: ajv.compile(profileSchema) };
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
  const value = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
  const problems: ConfigProblem[] = errors.map((e) => ({
    range: { start: lines.positionAt(e.offset), end: lines.positionAt(e.offset + Math.max(1, e.length)) },
    message: {
      da: `.referat.json kan ikke læses: ${printParseErrorCode(e.error)}. Standardindstillingerne bruges.`,
      en: `.referat.json cannot be read: ${printParseErrorCode(e.error)}. The defaults are used.`,
    },
  }));
  if (errors.length > 0 || typeof value !== 'object' || value === null || Array.isArray(value)) {
    if (errors.length === 0) {
      problems.push({
        range: lines.span(0, 0, Math.min(1, text.length)),
        message: { da: '.referat.json skal være et JSON-objekt.', en: '.referat.json must be a JSON object.' },
      });
    }
    return { config: {}, problems };
  }
  const { config: validate } = getValidators();
  const whole = lines.linesRange(0, lines.lineCount - 1);
  if (!validate(value)) {
    for (const err of validate.errors ?? []) {
      problems.push({
        range: rangeOfPath(text, lines, err.instancePath) ?? whole,
        message: {
          da: `.referat.json: ${err.instancePath || '(roden)'} ${danishAjvMessage(err.message ?? '')}. Den værdi ignoreres.`,
          en: `.referat.json: ${err.instancePath || '(root)'} ${err.message}. That value is ignored.`,
        },
      });
    }
  }
  const config = keepValid(value as Record<string, unknown>);
  // Profiles defined in the file must be valid and known before a document may use them.
  const goodProfiles: ProfileJson[] = [];
  for (const [k, p] of (config.profiles ?? []).entries()) {
    if (!getValidators().profile(p)) {
      problems.push({
        range: rangeOfPath(text, lines, `/profiles/${k}`) ?? whole,
        message: {
          da: `.referat.json: profilen ${JSON.stringify((p as ProfileJson).id)} er ugyldig (${getValidators().profile.errors?.[0]?.instancePath} ${getValidators().profile.errors?.[0]?.message}). Den ignoreres.`,
          en: `.referat.json: profile ${JSON.stringify((p as ProfileJson).id)} is invalid (${getValidators().profile.errors?.[0]?.instancePath} ${getValidators().profile.errors?.[0]?.message}). It is ignored.`,
        },
      });
      continue;
    }
    try {
      new ProfileRegistry([...goodProfiles, p]).get(p.id);
      goodProfiles.push(p);
    } catch (e) {
      problems.push({
        range: rangeOfPath(text, lines, `/profiles/${k}`) ?? whole,
        message: { da: `.referat.json: ${(e as Error).message}`, en: `.referat.json: ${(e as Error).message}` },
      });
    }
  }
  config.profiles = goodProfiles.length > 0 ? goodProfiles : undefined;
  if (config.profile && !new ProfileRegistry(goodProfiles).has(config.profile)) {
    problems.push({
      range: rangeOfPath(text, lines, '/profile') ?? whole,
      message: {
        da: `.referat.json: profilen "${config.profile}" findes ikke (kendte: ${new ProfileRegistry(goodProfiles).ids().join(', ')}). Profilen genkendes i stedet fra dokumentet.`,
        en: `.referat.json: unknown profile "${config.profile}" (known: ${new ProfileRegistry(goodProfiles).ids().join(', ')}). The profile is detected from the document instead.`,
      },
    });
    delete config.profile;
  }
  return { config, problems };
}

const LEVELS = new Set(['off', 'error', 'warning', 'information', 'hint']);

/** Keeps only the values of the right type, so one wrong value never disables the rest. */
function keepValid(raw: Record<string, unknown>): ReferatConfig {
  const out: ReferatConfig = {};
  if (typeof raw.profile === 'string') out.profile = raw.profile;
  if (raw.language === 'da' || raw.language === 'en') out.language = raw.language;
  if (raw.publication === 'public' || raw.publication === 'internal') out.publication = raw.publication;
  if (raw.rules && typeof raw.rules === 'object' && !Array.isArray(raw.rules)) {
    out.rules = {};
    for (const [code, setting] of Object.entries(raw.rules)) {
      if (!/^RF\d{3}$/.test(code)) continue;
      if (typeof setting === 'string' && LEVELS.has(setting)) out.rules[code] = setting as RuleLevel;
      else if (setting && typeof setting === 'object' && !Array.isArray(setting)) {
        const sev = (setting as { severity?: unknown }).severity;
        if (sev === undefined || (typeof sev === 'string' && LEVELS.has(sev))) out.rules[code] = setting as RuleSetting;
      }
    }
  }
  if (Array.isArray(raw.profiles)) {
    out.profiles = raw.profiles.filter((p): p is ProfileJson => Boolean(p) && typeof p === 'object' && typeof (p as ProfileJson).id === 'string');
  }
  return out;
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
  }
  return out;
}

export function ruleLevel(config: ReferatConfig, code: string, fallback: Severity): RuleLevel {
  const setting = config.rules?.[code];
  if (setting === undefined) return fallback;
  if (typeof setting === 'string') return setting;
  return setting.severity ?? fallback;
}

export function ruleOptions(config: ReferatConfig, code: string): Record<string, unknown> {
  const setting = config.rules?.[code];
  return setting && typeof setting === 'object' ? setting : {};
}

function rangeOfPath(text: string, lines: LineIndex, pointer: string): Range | undefined {
  // Good enough for error placement: find the last key of the pointer in the text.
  const parts = pointer.split('/').filter(Boolean);
  const key = [...parts].reverse().find((p) => !/^\d+$/.test(p));
  if (!key) return undefined;
  const at = text.indexOf(JSON.stringify(key));
  if (at < 0) return undefined;
  return { start: lines.positionAt(at), end: lines.positionAt(at + key.length + 2) };
}

function danishAjvMessage(msg: string): string {
  return msg
    .replace(/^must be equal to one of the allowed values$/, 'skal være en af de tilladte værdier')
    .replace(/^must be (\w+)$/, 'skal være af typen $1')
    .replace(/^must NOT have additional properties$/, 'har en ukendt nøgle')
    .replace(/^must match exactly one schema in oneOf$/, 'har en ugyldig værdi');
}
