/**
 * The table of contents against the items: each entry described (its title folded, a
 * number or "Punkt N:" it states), entries paired with items, entries out of order, and
 * the entries written again from the items in the contents' own form. The parser pairs
 * the entries once (pairContents: TocEntry.item, sameTitle, outOfOrder); RF011 reports what
 * disagrees, go-to-definition and document links follow the pairing, and the "Update table
 * of contents" command (core/edits.ts) applies the rewrite.
 */
import type { Item, MinutesDocument, TableOfContents, TextEdit, TocEntry } from './model';
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
}

/** How many unpaired items an unpaired entry is compared with, in order. */
const LOOKAHEAD = 20;
/** Above this many comparisons, entries left in another order are not paired by similarity. */
const MAX_COMPARISONS = 10_000;

const DASHES = /[\u2010-\u2015\u2212]/g;
const QUOTES = /[«»„“”‟″]/g;
const APOSTROPHES = /[‘’‚‛´`]/g;
const PUNKT_PREFIX = /^punkt\s+(\d{1,4})\s*[:.]?\s+/u;
const NUMBER_PREFIX = /^(\d{1,4})\s*[.:)]\s*/u;
const CATEGORY_PREFIX = /^[a-zæøå]-(?=\S)/u;

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
  const full = foldTocTitle(entry.title);
  const keys = [full];
  let number = entry.number;
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
  return { entry, keys, number, punktPrefix: punkt !== null, truncated: /…\s*$/u.test(entry.title) };
}

/**
 * Pairs each contents entry with its item, once, for everything that needs it (see TocEntry.item):
 * sets `item`, `sameTitle` and `outOfOrder` on every entry. `items` are the document's final items
 * (none when the text is not minutes: then no entry has an item).
 */
export function pairContents(toc: TableOfContents | null, items: readonly Item[]): void {
  if (!toc) return;
  const pairing = pair(toc.entries.map(describeEntry), items);
  const outOfOrder = outOfOrderEntries(pairing.itemOf);
  toc.entries.forEach((entry, k) => {
    const idx = pairing.itemOf[k];
    entry.item = idx >= 0 ? idx : null;
    entry.sameTitle = pairing.exact[k];
    entry.outOfOrder = outOfOrder.has(k);
  });
}

/** For each item, the index of the contents entry paired with it (see pairContents), or -1. */
export function entryOfItems(toc: TableOfContents, itemCount: number): number[] {
  const entryOf: number[] = new Array(itemCount).fill(-1);
  toc.entries.forEach((entry, k) => {
    if (entry.item !== null && entryOf[entry.item] < 0) entryOf[entry.item] = k;
  });
  return entryOf;
}

interface Pairing {
  /** For each entry, the index of its item, or -1. */
  itemOf: number[];
  /** For each item, the index of its entry, or -1. */
  entryOf: number[];
  /** For each entry, whether the titles agree. */
  exact: boolean[];
}

/** Pairs entries with items: equal titles first, then within the gaps left by them, then by similarity. */
function pair(entries: EntryInfo[], items: readonly Item[]): Pairing {
  const itemOf = entries.map(() => -1);
  const entryOf = items.map(() => -1);
  const exact = entries.map(() => false);
  const itemKeys = items.map((i) => foldTocTitle(i.title));
  const link = (e: number, i: number) => {
    itemOf[e] = i;
    entryOf[i] = e;
    exact[e] = sameTitle(entries[e], itemKeys[i]);
  };

  // 1. Equal titles, each item used once, in document order.
  const byKey = new Map<string, { items: number[]; next: number }>();
  itemKeys.forEach((key, i) => {
    const slot = byKey.get(key);
    if (slot) slot.items.push(i);
    else byKey.set(key, { items: [i], next: 0 });
  });
  entries.forEach((e, k) => {
    for (const key of e.keys) {
      const slot = byKey.get(key);
      if (slot && slot.next < slot.items.length) {
        link(k, slot.items[slot.next++]);
        return;
      }
    }
  });

  // 2. A run of unpaired entries between two paired ones faces the unpaired items between
  // their items: the same count pairs in order (a title written differently); otherwise
  // by number or by similar title.
  let k = 0;
  while (k < entries.length) {
    if (itemOf[k] >= 0) {
      k++;
      continue;
    }
    let end = k;
    while (end + 1 < entries.length && itemOf[end + 1] < 0) end++;
    const lo = k > 0 ? itemOf[k - 1] : -1;
    const hi = end + 1 < entries.length ? itemOf[end + 1] : items.length;
    const candidates: number[] = [];
    for (let i = lo + 1; i < hi; i++) if (entryOf[i] < 0) candidates.push(i);
    if (candidates.length === end - k + 1) {
      candidates.forEach((i, j) => link(k + j, i));
    } else {
      // In order, each entry looking a bounded way ahead: linear however long the run.
      let from = 0;
      for (let e = k; e <= end && from < candidates.length; e++) {
        for (let c = from; c < candidates.length && c < from + LOOKAHEAD; c++) {
          if (close(entries[e], items[candidates[c]], itemKeys[candidates[c]])) {
            link(e, candidates[c]);
            from = c + 1;
            break;
          }
        }
      }
    }
    k = end + 1;
  }

  // 3. What is left (entries in another order than the items): similar titles anywhere.
  const leftEntries = entries.map((_, e) => e).filter((e) => itemOf[e] < 0);
  const leftItems = items.map((_, i) => i).filter((i) => entryOf[i] < 0);
  if (leftEntries.length > 0 && leftItems.length > 0 && leftEntries.length * leftItems.length <= MAX_COMPARISONS) {
    for (const e of leftEntries) {
      const i = leftItems.find((c) => entryOf[c] < 0 && close(entries[e], items[c], itemKeys[c]));
      if (i !== undefined) link(e, i);
    }
  }
  return { itemOf, entryOf, exact };
}

/** Titles shorter than this are not taken for a title the contents cut short: "Budget" may be another item. */
const MIN_CUT_TITLE = 10;

function sameTitle(e: EntryInfo, itemKey: string): boolean {
  if (e.keys.includes(itemKey)) return true;
  // "Budgetopfølgning pr. 30. sep…" or "… boligområde ved Skovv" (then the page): cut short by the contents for
  // want of room, with an ellipsis or in the middle of a word. Not a different title (issue 23). A title that
  // stops at a word ("Principper for jobrettet praksis" for "… praksis i Beskæftigelse") may be an old one.
  return e.keys.some((key) => key.length >= MIN_CUT_TITLE && itemKey.startsWith(key) && (e.truncated || cutInWord(itemKey, key.length)));
}

/** Whether the title is cut inside a word at `at`: a letter or digit on both sides. */
function cutInWord(title: string, at: number): boolean {
  return at < title.length && WORD_CHARACTER.test(title[at - 1]) && WORD_CHARACTER.test(title[at]);
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** The same item under a title written differently: the same number, or mostly the same words. */
function close(e: EntryInfo, item: Item, itemKey: string): boolean {
  if (sameTitle(e, itemKey)) return true;
  if (e.number !== null && e.number === item.number) return true;
  const key = e.keys[e.keys.length - 1];
  if (key.length >= 10 && (itemKey.startsWith(key) || key.startsWith(itemKey))) return true;
  const a = new Set(words(key));
  const b = words(itemKey);
  if (a.size === 0 || b.length === 0) return false;
  let common = 0;
  for (const w of new Set(b)) if (a.has(w)) common++;
  return common / Math.max(a.size, new Set(b).size) >= 0.5;
}

function words(s: string): string[] {
  return s.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1);
}

/** Entries whose items are not in document order: those outside a longest increasing run. */
function outOfOrderEntries(itemOf: number[]): Set<number> {
  const paired = itemOf.map((i, k) => ({ i, k })).filter((x) => x.i >= 0);
  // Longest increasing subsequence (patience sorting), O(n log n).
  const tails: number[] = [];
  const prev: number[] = new Array(paired.length).fill(-1);
  for (let j = 0; j < paired.length; j++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (paired[tails[mid]].i < paired[j].i) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[j] = tails[lo - 1];
    tails[lo] = j;
  }
  const inOrder = new Set<number>();
  for (let j = tails.length > 0 ? tails[tails.length - 1] : -1; j >= 0; j = prev[j]) inOrder.add(paired[j].k);
  return new Set(paired.filter((x) => !inOrder.has(x.k)).map((x) => x.k));
}

/**
 * The entries written again from the items, in the contents' own form, keeping the
 * page of each item's entry. A numbered entry needs a page: for an item the contents
 * lacked, the page of the entry before it is written, and the fix is then not safe.
 */
export function rewriteEntries(model: MinutesDocument, toc: TableOfContents, entries: EntryInfo[]): { edit: TextEdit; guessed: boolean } {
  const eol = model.eol ?? '\n';
  const pages: (number | null)[] = model.items.map(() => null);
  toc.entries.forEach((entry) => {
    if (entry.item !== null && pages[entry.item] === null) pages[entry.item] = entry.page;
  });
  const punkt = entries.filter((e) => e.punktPrefix).length * 2 > entries.length;
  let guessed = false;
  let lastPage: number | null = null;
  const lines = model.items.map((item, i) => {
    let page = pages[i];
    if (page === null && toc.form === 'numbered') {
      page = lastPage ?? firstKnown(pages) ?? 1;
      guessed = true;
    }
    if (page !== null) lastPage = page;
    const written = toc.form === 'pipe' ? item.title.replace(/\|/g, '\\|') : item.title;
    const title = punkt ? `Punkt ${item.number}: ${written}` : written;
    const p = page === null ? '' : String(page);
    switch (toc.form) {
      case 'pipe':
        return `| ${title}..... | ${p} |`;
      case 'numbered':
        return `${item.number}. ${item.category ? `${item.category.text} - ` : ''}${item.title}\t${p}`;
      default:
        return p === '' ? `${title}.....` : `${title}.....\t${p}`;
    }
  });
  const first = toc.entries[0];
  const last = toc.entries[toc.entries.length - 1];
  const blankLines = toc.entries.length > 1 ? Math.min(1, Math.max(0, toc.entries[1].range.start.line - first.range.start.line - 1)) : 0;
  const separator = eol.repeat(1 + blankLines);
  return { edit: { range: { start: first.range.start, end: last.range.end }, newText: lines.join(separator) }, guessed };
}

/**
 * The edit behind the "Update table of contents" command: the entries written again from
 * the items (see rewriteEntries), whether or not RF011 is on. Nothing when there are no
 * contents or no items, or when they already say what the items say.
 */
export function tocRewriteEdit(model: MinutesDocument): TextEdit | null {
  const toc = model.toc;
  if (!toc || toc.entries.length === 0 || model.items.length === 0) return null;
  const entries = toc.entries.map(describeEntry);
  const agrees =
    entries.every(({ entry, number }) => entry.item !== null && entry.sameTitle && !entry.outOfOrder && (number === null || number === model.items[entry.item].number)) &&
    entryOfItems(toc, model.items.length).every((k) => k >= 0);
  return agrees ? null : rewriteEntries(model, toc, entries).edit;
}

function firstKnown(pages: (number | null)[]): number | null {
  for (const p of pages) if (p !== null) return p;
  return null;
}
