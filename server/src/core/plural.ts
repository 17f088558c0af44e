/**
 * Counted nouns in Danish and English ("1 advarsel", "2 advarsler"; "1 warning",
 * "2 warnings"), for the summaries the CLI and the editor show.
 */
import type { Language } from './language';

const WORDS = {
  file: { da: ['fil', 'filer'], en: ['file', 'files'] },
  error: { da: ['fejl', 'fejl'], en: ['error', 'errors'] },
  warning: { da: ['advarsel', 'advarsler'], en: ['warning', 'warnings'] },
  note: { da: ['oplysning', 'oplysninger'], en: ['note', 'notes'] },
  problem: { da: ['problem', 'problemer'], en: ['problem', 'problems'] },
  item: { da: ['punkt', 'punkter'], en: ['item', 'items'] },
} as const;

export type CountedWord = keyof typeof WORDS;

/** "3 advarsler", "1 advarsel", "1 warning". */
export function count(n: number, word: CountedWord, language: Language): string {
  const [one, many] = WORDS[word][language];
  return `${n} ${n === 1 ? one : many}`;
}
