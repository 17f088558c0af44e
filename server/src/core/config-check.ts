/**
 * Checking a .referat.json by hand rather than with a schema validator, so that each
 * mistake gives one message that names the key, says what is allowed, suggests the
 * nearest valid key or value, and speaks Danish (and English). A schema validator says
 * "(root) must NOT have additional properties" and reports one wrong value three times.
 */
import { printParseErrorCode, type ParseError, type ParseErrorCode } from 'jsonc-parser';

export interface ConfigIssue {
  /** Where in the JSON: keys and indices from the root ("rules", "RF09"). */
  path: (string | number)[];
  /** True when the issue is about the key itself (an unknown key), false for its value. */
  onKey: boolean;
  message: { da: string; en: string };
}

const LEVELS = ['off', 'error', 'warning', 'information', 'hint'];
export const TOP_LEVEL_KEYS = ['$schema', 'profile', 'language', 'publication', 'rules', 'profiles', 'ignorePatterns', 'ignore'];
const IGNORE_KEYS = ['file', 'code', 'fingerprint', 'reason'];

/** The problems of a parsed .referat.json value; `codes` are the rule codes that exist. */
export function checkConfigValue(value: Record<string, unknown>, codes: readonly string[]): ConfigIssue[] {
  const out: ConfigIssue[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (!TOP_LEVEL_KEYS.includes(key)) {
      out.push(unknownKey([key], key, TOP_LEVEL_KEYS, { da: 'nøgle', en: 'key' }));
      continue;
    }
    if (key === '$schema' || key === 'profile') {
      if (typeof v !== 'string') out.push(wrongType([key], { da: 'en tekst', en: 'a string' }));
    } else if (key === 'language') checkEnum(out, [key], v, ['da', 'en']);
    else if (key === 'publication') checkEnum(out, [key], v, ['public', 'internal']);
    else if (key === 'rules') checkRules(out, v, codes);
    else if (key === 'profiles') {
      if (!Array.isArray(v)) out.push(wrongType([key], { da: 'en liste af profiler', en: 'a list of profiles' }));
    } else if (key === 'ignorePatterns') {
      if (!Array.isArray(v)) out.push(wrongType([key], { da: 'en liste af filmønstre ("arkiv/**")', en: 'a list of file patterns ("archive/**")' }));
      else v.forEach((p, k) => typeof p !== 'string' && out.push(wrongType([key, k], { da: 'et filmønster (tekst)', en: 'a file pattern (string)' })));
    } else if (key === 'ignore') checkIgnore(out, v, codes);
  }
  return out;
}

function checkRules(out: ConfigIssue[], v: unknown, codes: readonly string[]): void {
  if (!isObject(v)) {
    out.push(wrongType(['rules'], { da: 'et objekt med en regelkode pr. nøgle ({ "RF090": "off" })', en: 'an object keyed by rule code ({ "RF090": "off" })' }));
    return;
  }
  for (const [code, setting] of Object.entries(v)) {
    if (!codes.includes(code)) {
      out.push(unknownKey(['rules', code], code, codes, { da: 'regelkode', en: 'rule code' }));
      continue;
    }
    if (typeof setting === 'string') checkEnum(out, ['rules', code], setting, LEVELS);
    else if (isObject(setting)) {
      if ('severity' in setting) checkEnum(out, ['rules', code, 'severity'], setting.severity, LEVELS);
    } else {
      out.push(wrongType(['rules', code], { da: `en af ${quoteList(LEVELS, 'eller')} eller et objekt { "severity": … }`, en: `one of ${quoteList(LEVELS, 'or')} or an object { "severity": … }` }));
    }
  }
}

function checkIgnore(out: ConfigIssue[], v: unknown, codes: readonly string[]): void {
  if (!Array.isArray(v)) {
    out.push(wrongType(['ignore'], { da: 'en liste af { "file", "code", "fingerprint" }', en: 'a list of { "file", "code", "fingerprint" }' }));
    return;
  }
  v.forEach((entry, k) => {
    if (!isObject(entry)) {
      out.push(wrongType(['ignore', k], { da: 'et objekt { "file", "code", "fingerprint" }', en: 'an object { "file", "code", "fingerprint" }' }));
      return;
    }
    for (const key of Object.keys(entry)) {
      if (!IGNORE_KEYS.includes(key)) out.push(unknownKey(['ignore', k, key], key, IGNORE_KEYS, { da: 'nøgle', en: 'key' }));
    }
    for (const key of ['file', 'code'] as const) {
      if (typeof entry[key] !== 'string') out.push(wrongType(['ignore', k, key], { da: 'en tekst', en: 'a string' }));
    }
    if (typeof entry.code === 'string' && !codes.includes(entry.code)) out.push(unknownValue(['ignore', k, 'code'], entry.code, codes, { da: 'regelkode', en: 'rule code' }));
    if (entry.fingerprint !== undefined && typeof entry.fingerprint !== 'string') out.push(wrongType(['ignore', k, 'fingerprint'], { da: 'en tekst', en: 'a string' }));
  });
}

function checkEnum(out: ConfigIssue[], path: (string | number)[], v: unknown, allowed: readonly string[]): void {
  if (typeof v === 'string' && allowed.includes(v)) return;
  const name = dotted(path);
  const near = typeof v === 'string' ? nearest(v, allowed) : undefined;
  const shown = JSON.stringify(v);
  out.push({
    path,
    onKey: false,
    message: {
      da: `.referat.json: "${name}" skal være ${quoteList(allowed, 'eller')}, ikke ${shown}.${near ? ` Mente du "${near}"?` : ''} Værdien ignoreres.`,
      en: `.referat.json: "${name}" must be ${quoteList(allowed, 'or')}, not ${shown}.${near ? ` Did you mean "${near}"?` : ''} The value is ignored.`,
    },
  });
}

function unknownKey(path: (string | number)[], key: string, known: readonly string[], what: { da: string; en: string }): ConfigIssue {
  const near = nearest(key, known);
  const where = path.length > 1 ? ` i "${dotted(path.slice(0, -1))}"` : '';
  const whereEn = path.length > 1 ? ` in "${dotted(path.slice(0, -1))}"` : '';
  return {
    path,
    onKey: true,
    message: {
      da: `.referat.json: ukendt ${what.da} "${key}"${where}.${near ? ` Mente du "${near}"?` : ` Kendte: ${shortList(known)}.`} Den ignoreres.`,
      en: `.referat.json: unknown ${what.en} "${key}"${whereEn}.${near ? ` Did you mean "${near}"?` : ` Known: ${shortList(known)}.`} It is ignored.`,
    },
  };
}

function unknownValue(path: (string | number)[], value: string, known: readonly string[], what: { da: string; en: string }): ConfigIssue {
  const near = nearest(value, known);
  return {
    path,
    onKey: false,
    message: {
      da: `.referat.json: ukendt ${what.da} "${value}" i "${dotted(path)}".${near ? ` Mente du "${near}"?` : ''} Posten ignoreres.`,
      en: `.referat.json: unknown ${what.en} "${value}" in "${dotted(path)}".${near ? ` Did you mean "${near}"?` : ''} The entry is ignored.`,
    },
  };
}

function wrongType(path: (string | number)[], expected: { da: string; en: string }): ConfigIssue {
  const name = dotted(path);
  return {
    path,
    onKey: false,
    message: {
      da: `.referat.json: "${name}" skal være ${expected.da}. Værdien ignoreres.`,
      en: `.referat.json: "${name}" must be ${expected.en}. The value is ignored.`,
    },
  };
}

/** A JSON syntax error in words, with what usually causes it. */
export function parseErrorMessage(e: ParseError): { da: string; en: string } {
  const words = PARSE_ERRORS[printParseErrorCode(e.error as ParseErrorCode)] ?? { da: printParseErrorCode(e.error), en: printParseErrorCode(e.error) };
  return {
    da: `.referat.json er ikke gyldig JSON: ${words.da}. Standardindstillingerne bruges, til filen er rettet.`,
    en: `.referat.json is not valid JSON: ${words.en}. The defaults are used until the file is corrected.`,
  };
}

const PARSE_ERRORS: Record<string, { da: string; en: string }> = {
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
};

/** The known word nearest to `word` when it is close enough to be a typo, else undefined. */
export function nearest(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = editDistance(word.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.min(3, Math.floor(best.length / 3))) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  // Optimal string alignment: a swap of two neighbours ("lagnuage") counts as one edit.
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const dotted = (path: (string | number)[]) => path.map(String).join('.');
const quoteList = (words: readonly string[], and: string) =>
  words.length <= 1 ? words.map((w) => `"${w}"`).join('') : `${words.slice(0, -1).map((w) => `"${w}"`).join(', ')} ${and} "${words[words.length - 1]}"`;
const shortList = (words: readonly string[]) => (words.length > 8 ? `${words.slice(0, 8).join(', ')}, …` : words.join(', '));
