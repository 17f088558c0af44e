/**
 * The table of contents against the items: entries paired with items (each entry described and
 * its title compared in toc-titles.ts, the sequences aligned in align-in-order.ts), entries out of order, and
 * the entries written again from the items in the contents' own form. The parser pairs
 * the entries once (pairContents: TocEntry.item, sameTitle, shortened, outOfOrder); RF011 reports what
 * disagrees, go-to-definition and document links follow the pairing, and the "Update table
 * of contents" command (core/edits.ts) applies the rewrite.
 */
import type { Item, MinutesDocument, TableOfContents, TextEdit } from './model';
import { alignInOrder } from './align-in-order';
import { describeEntry, describeItemTitle, relateTitles, type EntryInfo, type ItemTitle, type TitleRelation } from './toc-titles';

export { describeEntry, foldTocTitle, type EntryInfo } from './toc-titles';

/** Above this many comparisons, entries left in another order are not paired by similarity. */
const MAX_COMPARISONS = 10_000;

/**
 * How much a relation of titles weighs in the alignment (see pairInGap): the same title above a title
 * cut for room, above one cut after a word, a longer one, and mostly the same words. A number the
 * entry states that the item has adds NUMBER_WEIGHT: that alone pairs (then the titles differ), but
 * the same title under another number still outweighs another title under the same number.
 */
const TITLE_WEIGHT: Record<TitleRelation, number> = { same: 2, cut: 1.9, shortened: 1.6, extended: 1.4, similar: 1.2, other: 0 };
const NUMBER_WEIGHT = 1;

/**
 * Pairs each contents entry with its item, once, for everything that needs it (see TocEntry.item):
 * sets `item`, `sameTitle`, `shortened` and `outOfOrder` on every entry. `items` are the document's
 * final items (none when the text is not minutes: then no entry has an item). `lineUnderHeading(k)`
 * is the line right under item k's heading when it may continue the title, else null.
 */
export function pairContents(toc: TableOfContents | null, items: readonly Item[], lineUnderHeading: (k: number) => string | null = () => null): void {
  if (!toc) return;
  const titles = items.map((item, k) => describeItemTitle(item.number, item.title, lineUnderHeading(k)));
  const pairing = pair(toc.entries.map(describeEntry), titles);
  const outOfOrder = outOfOrderEntries(pairing.itemOf);
  toc.entries.forEach((entry, k) => {
    const idx = pairing.itemOf[k];
    entry.item = idx >= 0 ? idx : null;
    const relation = pairing.relation[k];
    entry.sameTitle = relation === 'same' || relation === 'cut';
    if (relation === 'shortened') entry.shortened = true;
    else delete entry.shortened;
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
  /** For each entry, how its title relates to its item's ('other' when it has none). */
  relation: TitleRelation[];
}

/**
 * Pairs entries with items in three steps: the same titles anywhere (they fix the places); between
 * two such pairs, the entries and the items left there aligned in order by how alike they are
 * (pairInGap); what is still left, entries in another order than their items, by similar titles.
 */
function pair(entries: EntryInfo[], items: readonly ItemTitle[]): Pairing {
  const itemOf = entries.map(() => -1);
  const entryOf = items.map(() => -1);
  const relation = entries.map((): TitleRelation => 'other');
  const link = (e: number, i: number, r: TitleRelation = relateTitles(entries[e], items[i])) => {
    itemOf[e] = i;
    entryOf[i] = e;
    relation[e] = r;
  };

  pairSameTitles(entries, items, (e, i) => link(e, i, 'same'));

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
    const run = Array.from({ length: end - k + 1 }, (_, j) => k + j);
    for (const [e, i] of pairInGap(run, candidates, entries, items)) link(e, i);
    k = end + 1;
  }

  // Entries in another order than the items: similar titles anywhere, within a bounded effort.
  const leftEntries = entries.map((_, e) => e).filter((e) => itemOf[e] < 0);
  const leftItems = items.map((_, i) => i).filter((i) => entryOf[i] < 0);
  if (leftEntries.length > 0 && leftItems.length > 0 && leftEntries.length * leftItems.length <= MAX_COMPARISONS) {
    for (const e of leftEntries) {
      const i = leftItems.find((c) => entryOf[c] < 0 && weight(entries[e], items[c]) > 0);
      if (i !== undefined) link(e, i);
    }
  }
  return { itemOf, entryOf, relation };
}

/**
 * Entries and items with the same title (folded), each item used once, in document order; an entry
 * that states a number takes the item of that number among those of its title, if there is one.
 */
function pairSameTitles(entries: EntryInfo[], items: readonly ItemTitle[], link: (e: number, i: number) => void): void {
  // One queue of items per title, and per title and number; a queue skips the items used meanwhile.
  const queues = new Map<string, { items: number[]; next: number }>();
  const enqueue = (key: string, i: number) => {
    const queue = queues.get(key);
    if (queue) queue.items.push(i);
    else queues.set(key, { items: [i], next: 0 });
  };
  items.forEach((item, i) => {
    for (const key of item.keys) {
      enqueue(key, i);
      enqueue(`${key}\u0000${item.number}`, i);
    }
  });
  const used = new Uint8Array(items.length);
  const take = (key: string): number => {
    const queue = queues.get(key);
    if (!queue) return -1;
    while (queue.next < queue.items.length && used[queue.items[queue.next]]) queue.next++;
    return queue.next < queue.items.length ? queue.items[queue.next] : -1;
  };
  entries.forEach((e, k) => {
    for (const key of e.keys) {
      const sameNumber = e.number !== null ? take(`${key}\u0000${e.number}`) : -1;
      const i = sameNumber >= 0 ? sameNumber : take(key);
      if (i < 0) continue;
      used[i] = 1;
      link(k, i);
      return;
    }
  });
}

/**
 * The entries of a run (between two paired entries) and the unpaired items between those entries'
 * items, aligned in order by weight (alignInOrder), so that one entry missing, one title cut short or
 * one item the contents lack shifts nothing after it. Where the alignment leaves as many entries as
 * items between two of its pairs, they are paired in order: the same items under titles written differently.
 */
function pairInGap(run: number[], candidates: number[], entries: EntryInfo[], items: readonly ItemTitle[]): [number, number][] {
  if (run.length === 0 || candidates.length === 0) return [];
  const aligned = alignInOrder(run.length, candidates.length, (a, b) => weight(entries[run[a]], items[candidates[b]]));
  const out: [number, number][] = [];
  let prevA = -1;
  let prevB = -1;
  for (const [a, b] of [...aligned, [run.length, candidates.length] as [number, number]]) {
    if (a - prevA === b - prevB) for (let j = 1; j < a - prevA; j++) out.push([run[prevA + j], candidates[prevB + j]]);
    if (a < run.length) out.push([run[a], candidates[b]]);
    prevA = a;
    prevB = b;
  }
  return out;
}

/** How alike an entry and an item are: their titles' relation, and the number the entry states. */
function weight(e: EntryInfo, item: ItemTitle): number {
  return TITLE_WEIGHT[relateTitles(e, item)] + (e.number !== null && e.number === item.number ? NUMBER_WEIGHT : 0);
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
