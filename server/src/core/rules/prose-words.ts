/** RF210's reading of sentences: their years, their content words (stemmed), and how two word lists relate. */
import { MONTHS } from '../dates';
import { allMatches } from './matches';

/** Hoisted (see MONEY_KRONER): a year, or a range of years ("2021-2024", "2022-25"). */
export const YEARS = /(?<![\p{N}.,])((?:19|20)\d\d)(?:\s?[-–]\s?((?:19|20)?\d\d))?(?![\p{N}])/gu;

/** The years a text names, ranges spelled out ("2021-2024" → 2021, 2022, 2023, 2024). */
export function yearsIn(text: string): number[] {
  const out: number[] = [];
  for (const m of allMatches(YEARS, text)) {
    const from = Number(m[1]);
    let to = m[2] ? Number(m[2].length === 2 ? m[1].slice(0, 2) + m[2] : m[2]) : from;
    if (to < from || to - from > 20) to = from;
    for (let y = from; y <= to; y++) out.push(y);
  }
  return out;
}

/** Hoisted (see MONEY_KRONER); global, so sentenceAround resets lastIndex before each use. */
export const SENTENCE_BREAKS = /[.!?]\s+(?=\p{Lu})/gu;

export function sentenceAround(text: string, at: number): string {
  let from = 0;
  const breaks = SENTENCE_BREAKS;
  breaks.lastIndex = 0;
  let to = text.length;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
    const end = m.index + m[0].length;
    if (end <= at) from = end;
    else {
      to = m.index + 1;
      break;
    }
  }
  return text.slice(from, to);
}

// ── Words that tie a sentence to a total ──────────────────────────────────────────

export const STOP = new Set([
  'kommune', 'kommunes', 'kommunen', 'kommunens', 'udvalg', 'udvalget', 'udvalgets', 'beløb', 'beløbet', 'beløbene', 'tabel', 'tabellen', 'oversigt', 'oversigten',
  'samlet', 'samlede', 'total', 'totalt', 'totalen', 'netto', 'brutto', 'heraf', 'herunder', 'hvoraf', 'tilsammen', 'millioner', 'kroner', 'afrundet',
  'forventet', 'forventede', 'fordelt', 'fordeler', 'følgende', 'nedenstående', 'ovenstående', 'viser', 'beskrevet', 'antal', 'antallet',
]);

/** Hoisted (see MONEY_KRONER): a word of five letters or more. */
export const LONG_WORD = /\p{L}{5,}/gu;

/** A value computed on first call and kept. */
export function lazy<T>(compute: () => T): () => T {
  let value: T | undefined;
  let done = false;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value as T;
  };
}

/** Danish content words of a text, stemmed (genitive and common endings dropped). */
export function contentWords(text: string): string[] {
  const out: string[] = [];
  const lower = (/[\u0300-\u036f]/.test(text) ? text.normalize('NFC') : text).toLowerCase();
  for (const w of lower.match(LONG_WORD) ?? []) {
    if (STOP.has(w) || MONTHS[w] !== undefined) continue;
    out.push(stem(w));
  }
  return out;
}

export function stem(w: string): string {
  let s = w.endsWith('s') && w.length > 6 ? w.slice(0, -1) : w;
  for (const ending of ['erne', 'ene', 'en', 'et', 'er', 'e']) {
    if (s.endsWith(ending) && s.length - ending.length >= 5) {
      s = s.slice(0, -ending.length);
      break;
    }
  }
  return s;
}

/** One word of the sentence is, begins or ends another word of the total's context (compounds). */
export function related(a: string[], b: string[]): boolean {
  for (const x of a) {
    for (const y of b) {
      const [s, l] = x.length <= y.length ? [x, y] : [y, x];
      if (s.length >= 5 && (l.startsWith(s) || l.endsWith(s))) return true;
    }
  }
  return false;
}
