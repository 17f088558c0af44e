/**
 * Checking a .referat.json by hand rather than with a schema validator, so that each
 * mistake gives one message that names the key, says what is allowed, suggests the
 * nearest valid key or value, and speaks Danish (and English). A schema validator says
 * "(root) must NOT have additional properties" and reports one wrong value three times.
 */
import { damerauDistance } from './text/distance';
import { printParseErrorCode, type ParseError, type ParseErrorCode } from 'jsonc-parser';
import { catalogue, messageFunction, seriesList, type Localized, type MessageValue } from './messages';

/** RF099's messages: every mistake in a .referat.json, and the words that name what was expected. */
export const CONFIG_MESSAGES = {
  mustBeOneOf: {
    da: '.referat.json: "{name}" skal være {allowed}, ikke {shown}.{guess} Værdien ignoreres.',
    en: '.referat.json: "{name}" must be {allowed}, not {shown}.{guess} The value is ignored.',
  },
  unknownKey: {
    da: '.referat.json: ukendt {what} "{key}"{where}.{guess} Den ignoreres.',
    en: '.referat.json: unknown {what} "{key}"{where}.{guess} It is ignored.',
  },
  inParent: { da: ' i "{parent}"', en: ' in "{parent}"' },
  unknownValue: {
    da: '.referat.json: ukendt {what} "{value}" i "{name}".{guess} Posten ignoreres.',
    en: '.referat.json: unknown {what} "{value}" in "{name}".{guess} The entry is ignored.',
  },
  wrongType: {
    da: '.referat.json: "{name}" skal være {expected}. Værdien ignoreres.',
    en: '.referat.json: "{name}" must be {expected}. The value is ignored.',
  },
  didYouMean: { da: ' Mente du "{near}"?', en: ' Did you mean "{near}"?' },
  known: { da: ' Kendte: {known}.', en: ' Known: {known}.' },
  notJson: {
    da: '.referat.json er ikke gyldig JSON: {problem}. Standardindstillingerne bruges, til filen er rettet.',
    en: '.referat.json is not valid JSON: {problem}. The defaults are used until the file is corrected.',
  },
  notObject: { da: '.referat.json skal være et JSON-objekt.', en: '.referat.json must be a JSON object.' },
  invalidProfile: {
    da: '.referat.json: profilen {id} er ugyldig ({problem}). Den ignoreres.',
    en: '.referat.json: profile {id} is invalid ({problem}). It is ignored.',
  },
  profileProblem: { da: '.referat.json: {problem}', en: '.referat.json: {problem}' },
  unknownProfile: {
    da: '.referat.json: profilen "{profile}" findes ikke (kendte: {known}). Profilen genkendes i stedet fra dokumentet.',
    en: '.referat.json: unknown profile "{profile}" (known: {known}). The profile is detected from the document instead.',
  },
  key: { da: 'nøgle', en: 'key' },
  ruleCode: { da: 'regelkode', en: 'rule code' },
  ruleOption: { da: 'indstilling for reglen (reglerne har ingen indstillinger ud over "severity")', en: 'rule option (the rules have no options besides "severity")' },
  aString: { da: 'en tekst', en: 'a string' },
  profileList: { da: 'en liste af profiler', en: 'a list of profiles' },
  patternList: { da: 'en liste af filmønstre ("arkiv/**")', en: 'a list of file patterns ("archive/**")' },
  pattern: { da: 'et filmønster (tekst)', en: 'a file pattern (string)' },
  rulesObject: { da: 'et objekt med en regelkode pr. nøgle ({ "RF090": "off" })', en: 'an object keyed by rule code ({ "RF090": "off" })' },
  levelOrObject: { da: 'en af {levels} eller et objekt { "severity": … }', en: 'one of {levels} or an object { "severity": … }' },
  ignoreList: { da: 'en liste af { "file", "code", "fingerprint" }', en: 'a list of { "file", "code", "fingerprint" }' },
  ignoreEntry: { da: 'et objekt { "file", "code", "fingerprint" }', en: 'an object { "file", "code", "fingerprint" }' },
};
export const configMessage = messageFunction(CONFIG_MESSAGES);
const message = configMessage;

export interface ConfigIssue {
  /** Where in the JSON: keys and indices from the root ("rules", "RF09"). */
  path: (string | number)[];
  /** True when the issue is about the key itself (an unknown key), false for its value. */
  onKey: boolean;
  message: Localized;
}

const LEVELS = ['off', 'error', 'warning', 'information', 'hint'];
export const TOP_LEVEL_KEYS = ['$schema', 'profile', 'language', 'publication', 'rules', 'profiles', 'ignorePatterns', 'ignore'];
const IGNORE_KEYS = ['file', 'code', 'fingerprint', 'reason'];

/** The problems of a parsed .referat.json value; `codes` are the rule codes that exist. */
export function checkConfigValue(value: Record<string, unknown>, codes: readonly string[]): ConfigIssue[] {
  const out: ConfigIssue[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (!TOP_LEVEL_KEYS.includes(key)) {
      out.push(unknownKey([key], key, TOP_LEVEL_KEYS, message('key')));
      continue;
    }
    if (key === '$schema' || key === 'profile') {
      if (typeof v !== 'string') out.push(wrongType([key], message('aString')));
    } else if (key === 'language') checkEnum(out, [key], v, ['da', 'en']);
    else if (key === 'publication') checkEnum(out, [key], v, ['public', 'internal']);
    else if (key === 'rules') checkRules(out, v, codes);
    else if (key === 'profiles') {
      if (!Array.isArray(v)) out.push(wrongType([key], message('profileList')));
    } else if (key === 'ignorePatterns') {
      if (!Array.isArray(v)) out.push(wrongType([key], message('patternList')));
      else v.forEach((p, k) => typeof p !== 'string' && out.push(wrongType([key, k], message('pattern'))));
    } else if (key === 'ignore') checkIgnore(out, v, codes);
  }
  return out;
}

function checkRules(out: ConfigIssue[], v: unknown, codes: readonly string[]): void {
  if (!isObject(v)) {
    out.push(wrongType(['rules'], message('rulesObject')));
    return;
  }
  for (const [code, setting] of Object.entries(v)) {
    if (!codes.includes(code)) {
      out.push(unknownKey(['rules', code], code, codes, message('ruleCode')));
      continue;
    }
    if (typeof setting === 'string') checkEnum(out, ['rules', code], setting, LEVELS);
    else if (isObject(setting)) {
      if ('severity' in setting) checkEnum(out, ['rules', code, 'severity'], setting.severity, LEVELS);
      // No rule has options: a key besides "severity" would be read by nothing.
      for (const key of Object.keys(setting)) if (key !== 'severity') out.push(unknownKey(['rules', code, key], key, ['severity'], message('ruleOption')));
    } else {
      out.push(wrongType(['rules', code], message('levelOrObject', { levels: quoteList(LEVELS, 'or') })));
    }
  }
}

function checkIgnore(out: ConfigIssue[], v: unknown, codes: readonly string[]): void {
  if (!Array.isArray(v)) {
    out.push(wrongType(['ignore'], message('ignoreList')));
    return;
  }
  v.forEach((entry, k) => {
    if (!isObject(entry)) {
      out.push(wrongType(['ignore', k], message('ignoreEntry')));
      return;
    }
    for (const key of Object.keys(entry)) {
      if (!IGNORE_KEYS.includes(key)) out.push(unknownKey(['ignore', k, key], key, IGNORE_KEYS, message('key')));
    }
    for (const key of ['file', 'code'] as const) {
      if (typeof entry[key] !== 'string') out.push(wrongType(['ignore', k, key], message('aString')));
    }
    if (typeof entry.code === 'string' && !codes.includes(entry.code)) out.push(unknownValue(['ignore', k, 'code'], entry.code, codes, message('ruleCode')));
    if (entry.fingerprint !== undefined && typeof entry.fingerprint !== 'string') out.push(wrongType(['ignore', k, 'fingerprint'], message('aString')));
  });
}

function checkEnum(out: ConfigIssue[], path: (string | number)[], v: unknown, allowed: readonly string[]): void {
  if (typeof v === 'string' && allowed.includes(v)) return;
  const name = dotted(path);
  const near = typeof v === 'string' ? nearest(v, allowed) : undefined;
  const shown = JSON.stringify(v);
  const guess = near ? message('didYouMean', { near }) : '';
  out.push({ path, onKey: false, message: message('mustBeOneOf', { name, allowed: quoteList(allowed, 'or'), shown, guess }) });
}

function unknownKey(path: (string | number)[], key: string, known: readonly string[], what: Localized): ConfigIssue {
  const near = nearest(key, known);
  const where = path.length > 1 ? message('inParent', { parent: dotted(path.slice(0, -1)) }) : '';
  const guess = near ? message('didYouMean', { near }) : message('known', { known: shortList(known) });
  return { path, onKey: true, message: message('unknownKey', { what, key, where, guess }) };
}

function unknownValue(path: (string | number)[], value: string, known: readonly string[], what: Localized): ConfigIssue {
  const near = nearest(value, known);
  const guess = near ? message('didYouMean', { near }) : '';
  return { path, onKey: false, message: message('unknownValue', { what, value, name: dotted(path), guess }) };
}

function wrongType(path: (string | number)[], expected: Localized): ConfigIssue {
  return { path, onKey: false, message: message('wrongType', { name: dotted(path), expected }) };
}

/** A JSON syntax error in words, with what usually causes it. */
export function parseErrorMessage(e: ParseError): Localized {
  const code = printParseErrorCode(e.error as ParseErrorCode);
  return message('notJson', { problem: PARSE_ERRORS[code] ?? code });
}

const PARSE_ERRORS: Record<string, Localized> = catalogue('config.parseErrors', {
  InvalidSymbol: { da: 'et tegn, der ikke hører hjemme her', en: 'a character that does not belong here' },
  InvalidNumberFormat: { da: 'et tal, der er skrevet forkert', en: 'a malformed number' },
  PropertyNameExpected: { da: 'her mangler et nøglenavn i anførselstegn ("language")', en: 'a key name in double quotes ("language") is expected here' },
  ValueExpected: { da: 'her mangler en værdi (fx efter et kolon eller et komma)', en: 'a value is expected here (after a colon or a comma, say)' },
  ColonExpected: { da: 'her mangler et kolon mellem nøgle og værdi', en: 'a colon between key and value is expected here' },
  CommaExpected: { da: 'her mangler et komma mellem to elementer', en: 'a comma between two entries is expected here' },
  CloseBraceExpected: { da: 'her mangler en afsluttende "}"', en: 'a closing "}" is expected here' },
  CloseBracketExpected: { da: 'her mangler en afsluttende "]"', en: 'a closing "]" is expected here' },
  EndOfFileExpected: { da: 'der står mere efter objektets sidste "}"', en: 'there is more after the object\'s last "}"' },
  InvalidCommentToken: { da: 'en kommentar, der er skrevet forkert', en: 'a malformed comment' },
  UnexpectedEndOfComment: { da: 'en kommentar, der ikke er lukket med */', en: 'a comment that is not closed with */' },
  UnexpectedEndOfString: { da: 'en tekst, der mangler sit afsluttende anførselstegn', en: 'a string without its closing quote' },
  UnexpectedEndOfNumber: { da: 'et tal, der slutter for tidligt', en: 'a number that ends too early' },
  InvalidUnicode: { da: 'en ugyldig \\u-kode i en tekst', en: 'an invalid \\u escape in a string' },
  InvalidEscapeCharacter: { da: 'en ugyldig \\-kode i en tekst', en: 'an invalid \\ escape in a string' },
  InvalidCharacter: { da: 'et ugyldigt tegn i en tekst', en: 'an invalid character in a string' },
});

/** The known word nearest to `word` when it is close enough to be a typo, else undefined. */
export function nearest(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    // A swap of two neighbours ("lagnuage") counts as one edit.
    const d = damerauDistance(word.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.min(3, Math.floor(best.length / 3))) ? best : undefined;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const dotted = (path: (string | number)[]) => path.map(String).join('.');
const quoteList = (words: readonly string[], word: 'or' | 'and'): MessageValue => seriesList(words.map((w) => `"${w}"`), word);
const shortList = (words: readonly string[]) => (words.length > 8 ? `${words.slice(0, 8).join(', ')}, …` : words.join(', '));
