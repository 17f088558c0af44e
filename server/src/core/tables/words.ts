/**
 * Matching table labels against the profile's table vocabulary: lower case, whole
 * words, Markdown emphasis, markers and parenthesised remarks left out.
 */
import type { TableVocabulary } from '../profiles/profile';

// Labels repeat (every "I alt", every table of a long document built from the same
// template): folding and matching are memoised per text. Bounded, cleared when full.
const MEMO_LIMIT = 20000;
const folded = new Map<string, string>();
const hays = new Map<string, string>();

/** A label folded for matching: "**Projektdeltagere i alt (Rudersdal)**" → "projektdeltagere i alt". */
export function foldLabel(label: string): string {
  let f = folded.get(label);
  if (f === undefined) {
    if (folded.size >= MEMO_LIMIT) folded.clear();
    f = fold(label);
    folded.set(label, f);
  }
  return f;
}

function fold(label: string): string {
  let s = label;
  if (/[\u0300-\u036f]/.test(s)) s = s.normalize('NFC');
  s = s
    .toLowerCase()
    .replace(/[*_]+/g, ' ')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[¹²³⁴⁵⁶⁷⁸⁹⁰⁾]+/g, ' ')
    .replace(/["”“'’:;]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // A year or a footnote number at the end belongs to the period, not to the label's meaning.
  s = s.replace(/(?:\s+(?:(?:19|20)\d{2}(?:[-–]\d{2,4})?|\d))+$/, '');
  return s.replace(/[,.]$/, '').trim();
}

/** The folded label's words, commas dropped: "udgifter, i alt" → ["udgifter", "i", "alt"]. */
export function words(folded: string): string[] {
  return folded.replace(/,/g, ' ').split(' ').filter((w) => w !== '');
}

/** True when the phrase occurs in the folded label as whole words. */
export function hasPhrase(folded: string, phrase: string): boolean {
  let hay = hays.get(folded);
  if (hay === undefined) {
    if (hays.size >= MEMO_LIMIT) hays.clear();
    hay = ` ${folded.replace(/,/g, ' ').replace(/\s+/g, ' ')} `;
    hays.set(folded, hay);
  }
  return hay.includes(` ${phrase} `);
}

export type Strength = 'strong' | 'weak';

/**
 * Whether a label names a total. Strong: the label is a total word, begins with one
 * ("Samlet forbrug") or ends with one ("Udgifter i alt"). Weak: the total word follows a
 * comma ("Antal, i alt") or stands in the middle: such a row is a total only if it adds up.
 */
export function totalStrength(label: string, vocab: TableVocabulary): Strength | null {
  const f = foldLabel(label);
  if (f === '') return null;
  let weak = false;
  for (const t of vocab.totalLabels) {
    if (f === t || f.startsWith(`${t} `)) return 'strong';
    if (f.endsWith(` ${t}`)) {
      if (f.endsWith(`, ${t}`)) weak = true;
      else return 'strong';
    }
    if (f.includes(` ${t} `) || f.includes(` ${t}, `)) weak = true;
  }
  return weak ? 'weak' : null;
}

/** A row or column never summed: averages, ranks, shares, percentages. */
export function isNotSum(label: string, vocab: TableVocabulary): boolean {
  const f = foldLabel(label);
  if (f === '') return false;
  if (f.includes('%')) return true;
  return vocab.notSumLabels.some((w) => hasPhrase(f, w));
}

/** A column heading of codes or years: it begins with "Konto", "Nr.", "År" … ("Antal år" is an amount). */
export function isCodeColumn(name: string, vocab: TableVocabulary): boolean {
  const f = foldLabel(name);
  return f !== '' && vocab.codeColumns.some((w) => f === w || f.startsWith(`${w} `));
}

/** "Heraf …", "Herunder …": a part of the row above. */
export function isSubRowLabel(label: string, vocab: TableVocabulary): boolean {
  const w = words(foldLabel(label.replace(/^\s*[-–•]\s*/, '')));
  return w.length > 0 && vocab.subRowWords.includes(w[0].replace(/[:.]$/, ''));
}

/** A label written as a list item (a constant: a literal with \p{…} is rebuilt per call once bundled). */
const BULLET = /^\s*[-–•](?=\s*\p{L})/u;

/** A label written as a list item: "- …", "– …", "• …", "-Heraf …". */
export function isDashed(label: string): boolean {
  return BULLET.test(label);
}

export function isUnitText(text: string, vocab: TableVocabulary): boolean {
  if (text === '' || text.length > 80) return false;
  const f = text.toLowerCase().replace(/\s+/g, ' ').trim();
  return f.length <= 60 && vocab.unitPhrases.some((u) => f.includes(u));
}

export function hasRoundedUnit(text: string, vocab: TableVocabulary): boolean {
  if (text === '') return false;
  const f = text.toLowerCase().replace(/\s+/g, ' ');
  return vocab.roundedUnits.some((u) => f.includes(u));
}

/** A label stating a difference: a word beginning with "forskel", "netto", "overskud" … */
export function isDifferenceLabel(label: string, vocab: TableVocabulary): boolean {
  const w = words(foldLabel(label));
  return w.some((x) => vocab.differenceLabels.some((d) => x.startsWith(d)));
}

/** The index of the difference pair side a label names, per pair: 'minuend' | 'subtrahend' | null. */
export function pairSide(label: string, pair: string[]): 'minuend' | 'subtrahend' | null {
  const w = words(foldLabel(label));
  const a = w.some((x) => x.startsWith(pair[0]));
  const b = w.some((x) => x.startsWith(pair[1]));
  if (a === b) return null;
  return a ? 'minuend' : 'subtrahend';
}

const MONEY_SPLIT = /[^\p{L}]+/u;

/** A word of money in a text ("Beløb i kr.", "Kroner", "1.000 kr."): the amounts are kroner, not counts. */
export function hasMoneyWord(text: string, vocab: TableVocabulary): boolean {
  if (text === '' || vocab.moneyWords.length === 0) return false;
  for (const w of text.toLowerCase().split(MONEY_SPLIT)) {
    if (w !== '' && vocab.moneyWords.some((m) => w === m || (m.length >= 5 && w.startsWith(m)))) return true;
  }
  return false;
}

/**
 * Endings a balance word takes in a label: the definite forms ("beholdningen", "saldoen",
 * "indeståendet"). Anything longer makes another word ("beholdningsændring" is a movement), and
 * the plural names a kind of asset in a list ("Varebeholdninger"), not the balance of a period.
 */
const BALANCE_INFLECTIONS = ['', 'en', 'et', 'ens'];

/**
 * A label stating a balance: a word that ends in one of the profile's balance words, inflected
 * or not, alone or at the end of a compound ("Beholdning 1. januar", "Kassebeholdningen",
 * "Saldo primo", "Ultimo").
 */
export function isBalanceLabel(label: string, vocab: TableVocabulary): boolean {
  if (vocab.balanceLabels.length === 0) return false;
  for (const w of words(foldLabel(label))) {
    for (const b of vocab.balanceLabels) {
      const at = w.lastIndexOf(b);
      if (at >= 0 && BALANCE_INFLECTIONS.includes(w.slice(at + b.length))) return true;
    }
  }
  return false;
}

export function explainsDifference(text: string, vocab: TableVocabulary): boolean {
  const f = text.toLowerCase();
  return vocab.explainingNotes.some((w) => f.includes(w));
}

/** What a label says, once per label text and vocabulary. */
export interface LabelClass {
  total: Strength | null;
  notSum: boolean;
  difference: boolean;
  /** A balance ("Beholdning 1. januar", "Saldo ultimo"): see isBalanceLabel. */
  balance: boolean;
  sub: boolean;
  dashed: boolean;
  /** As a column heading: codes or years ("Konto", "År"). */
  code: boolean;
  unit: boolean;
  roundedUnit: boolean;
  money: boolean;
}

const classes = new WeakMap<TableVocabulary, Map<string, LabelClass>>();

export function classifyLabel(label: string, vocab: TableVocabulary): LabelClass {
  let memo = classes.get(vocab);
  if (!memo) classes.set(vocab, (memo = new Map()));
  let c = memo.get(label);
  if (!c) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    c = {
      total: totalStrength(label, vocab),
      notSum: isNotSum(label, vocab),
      difference: isDifferenceLabel(label, vocab),
      balance: isBalanceLabel(label, vocab),
      sub: isSubRowLabel(label, vocab),
      dashed: isDashed(label),
      code: isCodeColumn(label, vocab),
      unit: isUnitText(label, vocab),
      roundedUnit: hasRoundedUnit(label, vocab),
      money: hasMoneyWord(label, vocab),
    };
    memo.set(label, c);
  }
  return c;
}
