/**
 * Incremental parsing: what one parse of a document learnt per item, kept for the next
 * version of the same document (the language server passes the previous analysis on
 * every didChange). An item whose lines, heading and surroundings are the same as before
 * is not read again: the earlier Item object is reused as it is.
 *
 * Reuse must never change a result, so an entry is keyed by everything the per-item work
 * reads: the item's first and last line (absolute: ranges in the Item are absolute line
 * numbers, so an item that moved is read again), its heading, the text of its lines and of
 * the first non-blank line after it (a section heading's `firstLine` condition and the
 * learned-heading check look at the next line), and, for the parsed Item, the profile, the
 * headings learnt from the whole document and the committee (parseItem reads those).
 * Document facts (numbering, contents, the inferred template, cross-item rules) are then
 * computed from the per-item results exactly as in a full parse.
 *
 * A memo only holds the entries its own parse used, so it never grows past one document.
 */
import type { Item, PersonalNumber, Range } from '../model';
import type { Profile } from '../profiles/profile';
import type { LineIndex } from '../text/lines';
import type { WrittenDates } from './written-dates';
import type { ItemHeading } from './headings';
import type { HeadingCandidate } from './template';

export interface MemoEntry {
  /** The item's text (see itemText). */
  readonly text: string;
  /** The parsed item, valid for `itemContext` (profile, learned headings, committee). */
  item?: Item;
  itemProfile?: Profile;
  itemContext?: string;
  /** The lines learnHeadings considered in this item, valid for `learnProfile`. */
  candidates?: HeadingCandidate[];
  learnProfile?: Profile;
  /** The dates and year ranges written on the item's lines (they depend on nothing else). */
  dates?: WrittenDates[];
  /** The CPR numbers on the item's lines (they depend on the lines and the item's tables: dropped when the item is read again). */
  personalNumbers?: PersonalNumber[];
}

export class ParseMemo {
  private readonly entries = new Map<string, MemoEntry>();

  constructor(private previous?: ParseMemo) {}

  /**
   * The entry for an item: this parse's, else the previous parse's (carried over) when the item's text is
   * the same, else a new one. The key holds the item's lines and heading; the text is compared apart (two
   * slices of the sources compare without being hashed, and most lookups find the same text).
   */
  entry(key: string, text: string): MemoEntry {
    let e = this.entries.get(key);
    if (!e || e.text !== text) {
      const old = this.previous?.entries.get(key);
      e = old && old.text === text ? old : { text };
      this.entries.set(key, e);
    }
    return e;
  }

  /** The line index of this parse, for the next one (text/lines.ts keeps the lines before the first change). */
  lines?: LineIndex;

  /** The previous parse's line index. */
  get previousLines(): LineIndex | undefined {
    return this.previous?.lines;
  }

  /** Keeps this parse's line index and forgets the previous parse (its entries not used by this one can be collected). */
  seal(lines: LineIndex): ParseMemo {
    this.lines = lines;
    this.previous = undefined;
    return this;
  }
}

/**
 * The key of an item: its line span and its heading (see the comment at the top). Numbers joined by separators,
 * the texts quoted (JSON), so that no two headings share a key; written out rather than JSON of the heading's
 * objects, which walks every range (a key is made for every item of every parse).
 */
export function itemKey(heading: ItemHeading, endLine: number): string {
  const h = heading;
  const category = h.category ? `${rangeKey(h.category.range)}${JSON.stringify(h.category.text)}` : '-';
  return `${h.firstLine},${h.lastLine},${endLine},${h.number},${rangeKey(h.numberRange)},${rangeKey(h.titleRange)},${category},${JSON.stringify(h.title)}`;
}

function rangeKey(r: Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** The text an item's parse reads: from its heading's first line through the first non-blank line at or after its end. */
export function itemText(lines: LineIndex, heading: ItemHeading, endLine: number): string {
  let last = endLine;
  while (last < lines.lineCount && lines.line(last).text === '') last++;
  const from = lines.line(heading.firstLine).start;
  const to = last < lines.lineCount ? lines.line(last).start + lines.line(last).raw.length : lines.length;
  return lines.source.slice(from, to);
}
