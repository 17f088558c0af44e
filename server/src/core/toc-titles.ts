/**
 * How a contents entry's title relates to an item's title: the same (after folding), the same cut
 * for lack of room, cut at a word, longer, made of mostly the same words, or another title. The
 * pairing of entries with items (toc-match.ts) weighs the relation; RF011 reports what it makes of it.
 */
import type { TocEntry } from './model';
import { foldTitle } from './text/lines';

export interface EntryInfo {
  entry: TocEntry;
  /** Folded forms of the title, from the whole to the title without number and category. */
  keys: string[];
  /** The number the entry states ("3." or "Punkt 3:"), if any. */
  number: number | null;
  /** Written with a "Punkt N:" prefix (kept when the contents are rewritten). */
  punktPrefix: boolean;
  /** Ends in an ellipsis: a title the contents cut short. */
  truncated: boolean;
  /** The words of the title without number and category (for "mostly the same words"). */
  words: ReadonlySet<string>;
}

/** An item's title as the contents may write it: folded, and continued by the line under its heading. */
export interface ItemTitle {
  number: number;
  /** The folded title; then the title with the line under the heading, where that may be its end. */
  keys: string[];
  /** The words of the title. */
  words: ReadonlySet<string>;
}

/**
 * - `same`: the same title after folding (or cut with an ellipsis, or the item's heading continued on its next line);
 * - `cut`: the item's title cut inside a word, as a contents line that ran out of room cuts it: the same title too;
 * - `shortened`: the item's title cut after a word (a title shortened, or cut for room: not sure which);
 * - `extended`: the entry's title is the item's with more after it;
 * - `similar`: mostly the same words;
 * - `other`: none of these.
 */
export type TitleRelation = 'same' | 'cut' | 'shortened' | 'extended' | 'similar' | 'other';

const DASHES = /[\u2010-\u2015\u2212]/g;
const QUOTES = /[«»„“”‟″]/g;
const APOSTROPHES = /[‘’‚‛´`]/g;
const PUNKT_PREFIX = /^punkt\s+(\d{1,4})\s*[:.]?\s+/u;
const NUMBER_PREFIX = /^(\d{1,4})\s*[.:)]\s*/u;
const CATEGORY_PREFIX = /^[a-zæøå]-(?=\S)/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** A prefix shorter than this says too little to pair on ("Budget" is the start of many titles). */
const MIN_PREFIX = 10;
/**
 * A title cut inside a word is cut for lack of room only when it is long: a contents line holds
 * some 40 to 80 characters, and a short entry ("Skole" for "Skolestruktur") had room to spare.
 */
const MIN_CUT_FOR_ROOM = 30;
/** Share of the words two titles must have in common to be "mostly the same words". */
const MIN_COMMON_WORDS = 0.5;

/** A title folded for comparison (see foldTitle), with dashes, quotes and a final full stop folded too. */
export function foldTocTitle(s: string): string {
  return foldTitle(s)
    .replace(DASHES, '-')
    .replace(QUOTES, '"')
    .replace(APOSTROPHES, "'")
    .replace(/\s*-\s*/g, '-')
    .replace(/[.:…\s]+$/u, '');
}

export function describeEntry(entry: TocEntry): EntryInfo {
  const { keys, number, punktPrefix } = titleKeys(entry.title, entry.number);
  const words = wordsOf(keys[keys.length - 1]);
  // A page written straight after the title may be the title's last word ("Lokalplan nr. 12").
  if (entry.pageAfterTitle && entry.page !== null) keys.push(...titleKeys(`${entry.title} ${entry.page}`, entry.number).keys);
  return { entry, keys, number, punktPrefix, truncated: /…\s*$/u.test(entry.title), words };
}

/** The folded forms of an entry's title, from the whole to the title without number and category. */
function titleKeys(title: string, stated: number | null): { keys: string[]; number: number | null; punktPrefix: boolean } {
  const full = foldTocTitle(title);
  const keys = [full];
  let number = stated;
  let rest = full;
  const punkt = PUNKT_PREFIX.exec(rest);
  if (punkt) {
    number ??= Number(punkt[1]);
    rest = rest.slice(punkt[0].length);
    keys.push(rest);
  } else {
    // "3. Title" in a dots or pipe entry: matched without the number too, but the number is
    // not trusted (a title can itself start with one: "2. behandling af lokalplan").
    const num = NUMBER_PREFIX.exec(rest);
    if (num && num[0].length < rest.length) {
      rest = rest.slice(num[0].length);
      keys.push(rest);
    }
  }
  const category = CATEGORY_PREFIX.exec(rest);
  if (category) keys.push(rest.slice(category[0].length));
  return { keys, number, punktPrefix: punkt !== null };
}

/**
 * An item's title for comparing with the contents. `nextLine` is the line right under its heading, if
 * any: where a heading wraps without the template saying so, the contents give the whole title.
 */
export function describeItemTitle(number: number, title: string, nextLine: string | null): ItemTitle {
  const key = foldTocTitle(title);
  const keys = [key];
  if (nextLine) keys.push(foldTocTitle(`${title} ${nextLine}`));
  return { number, keys, words: wordsOf(key) };
}

export function relateTitles(e: EntryInfo, item: ItemTitle): TitleRelation {
  if (e.keys.some((key) => item.keys.includes(key))) return 'same';
  let relation: TitleRelation = 'other';
  for (const key of e.keys) {
    if (key.length < MIN_PREFIX) continue;
    for (const itemKey of item.keys) {
      if (!itemKey.startsWith(key)) continue;
      // "Budgetopfølgning pr. 30. sep…": the contents say they cut it.
      if (e.truncated) return 'same';
      if (key.length >= MIN_CUT_FOR_ROOM && cutInsideWord(key, itemKey)) return 'cut';
      relation = 'shortened';
    }
  }
  if (relation !== 'other') return relation;
  const itemKey = item.keys[0];
  if (itemKey.length >= MIN_PREFIX && e.keys.some((key) => key.startsWith(itemKey))) return 'extended';
  return mostlySameWords(e.words, item.words) ? 'similar' : 'other';
}

/** Whether a prefix of a title ends inside one of its words ("… ved Skovv" of "… ved Skovvejen"). */
function cutInsideWord(prefix: string, title: string): boolean {
  return WORD_CHAR.test(prefix[prefix.length - 1]) && WORD_CHAR.test(title[prefix.length] ?? '');
}

function mostlySameWords(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  // At most the smaller set in common: too few words on one side can never reach the share.
  if (Math.min(a.size, b.size) < MIN_COMMON_WORDS * Math.max(a.size, b.size)) return false;
  let common = 0;
  for (const w of b) if (a.has(w)) common++;
  return common / Math.max(a.size, b.size) >= MIN_COMMON_WORDS;
}

function wordsOf(s: string): Set<string> {
  return new Set(s.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1));
}
