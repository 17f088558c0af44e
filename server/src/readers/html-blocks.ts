/**
 * The walk over a parsed web page that gives Referat's text form: each block (paragraph, heading, list item,
 * division) on lines of its own, a <br> ending a line inside its block, each row of a data table on one line
 * with its cells separated by tabs (html-tables.ts), and what is not the document left out (html-skip.ts).
 * Each line keeps the place of the element it came from. The walk keeps its own stack, so a hostile page
 * nested thousands deep cannot overflow the call stack.
 */
import { childrenOf, isElement, isText, intAttr, placeOf, type Element, type Node } from './html-dom';
import { isLeftOut, SECTIONING } from './html-skip';
import { captionOf, isLayoutTable, tableGrid } from './html-tables';
import type { SourcePlace } from './reader';

/** A line of the text form. `joined`: it continues the block of the line before (no blank line between). */
export interface TextLine {
  text: string;
  place: SourcePlace;
  joined: boolean;
}

/**
 * Places written into the text by whoever made the page (the DOCX reader marks each Word paragraph so):
 * removed from a text node's value, the first one met on a line is that line's place.
 */
export type PlaceMarks = (text: string) => { text: string; place?: SourcePlace };

const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'html',
  'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot',
  'tr', 'td', 'th', 'ul',
]);
const LISTS = new Set(['ul', 'ol', 'menu']);
const SPACES = /[ \t\n\r\f]+/g;

interface List {
  ordered: boolean;
  next: number;
}

/** The lines being written: the open line's pieces, and what the next line to open gets. */
class LineWriter {
  readonly lines: TextLine[] = [];
  private parts: string[] | null = null;
  private line: { place: SourcePlace; marked?: SourcePlace; joined: boolean; prefix: string; pre: boolean; inList: boolean } | null = null;
  private lastInList = false;
  /** Set by a <br>: the next line continues the block, from the <br>'s place. */
  private afterBreak: SourcePlace | undefined;
  /** A mark met before any text of its line (a paragraph whose first text is a space). */
  private pendingMark: SourcePlace | undefined;
  prefix = '';

  constructor(private readonly marks: PlaceMarks | undefined) {}

  /** A text node's value; `place` is the open block's, `pre` keeps spaces and line feeds. */
  text(value: string, place: SourcePlace, pre: boolean, inList: boolean): void {
    const { text, place: mark } = this.unmark(value);
    if (mark && !this.line) this.pendingMark ??= mark;
    else if (mark && this.line) this.line.marked ??= mark;
    if (!pre) return this.append(text.replace(SPACES, ' '), place, false, inList);
    text.split('\n').forEach((segment, k) => {
      if (k > 0) this.lineBreak(place);
      this.append(segment, place, true, inList);
    });
  }

  unmark(value: string): { text: string; place?: SourcePlace } {
    return this.marks ? this.marks(value) : { text: value };
  }

  private append(text: string, place: SourcePlace, pre: boolean, inList: boolean): void {
    if (!this.line) {
      if (text.trim() === '') return;
      const joined = this.afterBreak !== undefined || (inList && this.lastInList);
      this.line = { place: this.afterBreak ?? place, joined, prefix: this.prefix, pre, inList };
      if (this.pendingMark) this.line.marked = this.pendingMark;
      this.parts = [];
      this.prefix = '';
      this.afterBreak = undefined;
      this.pendingMark = undefined;
    }
    this.parts!.push(text);
  }

  /** Ends the open line; false when it had no text. */
  private finish(): boolean {
    const line = this.line;
    if (!line) return false;
    const raw = this.parts!.join('');
    const text = line.pre ? raw.trimEnd() : raw.replace(SPACES, ' ').trim();
    this.line = null;
    this.parts = null;
    if (text.trim() === '') return false;
    this.lines.push({ text: line.prefix + text, place: line.marked ?? line.place, joined: line.joined });
    this.lastInList = line.inList;
    return true;
  }

  /** A <br> (or a line feed in <pre>): the next line continues this block. */
  lineBreak(place: SourcePlace | undefined): void {
    if (this.finish()) this.afterBreak = place ?? this.lines[this.lines.length - 1]!.place;
  }

  /** A block starts or ends: the next line is a new block. */
  boundary(): void {
    this.finish();
    this.afterBreak = undefined;
  }

  /** A block ended: a mark that found no text of its own is not the next block's. */
  blockEnded(): void {
    this.boundary();
    this.pendingMark = undefined;
  }

  /** The outermost list ended: a list after it is a block of its own. */
  listEnded(): void {
    this.boundary();
    this.lastInList = false;
  }

  /** Whole lines written at once (a table's rows). */
  push(line: TextLine, inList: boolean): void {
    this.boundary();
    this.lines.push(line);
    this.lastInList = inList;
  }
}

type Work = { node: Node } | { leave: () => void };

/** The lines of a parsed page (a parse5 document, parsed with sourceCodeLocationInfo). */
export function pageLines(root: Node, marks?: PlaceMarks): TextLine[] {
  const out = new LineWriter(marks);
  const blocks: SourcePlace[] = [{ line: 0, column: 0 }];
  const lists: List[] = [];
  let pre = 0;
  let sections = 0;
  const work: Work[] = [{ node: root }];

  const enterBlock = (el: Element) => {
    out.boundary();
    blocks.push(placeOf(el) ?? blocks[blocks.length - 1]!);
    const tag = el.tagName;
    if (tag === 'pre') pre++;
    if (tag === 'li') {
      const list = lists[lists.length - 1];
      const value = list?.ordered ? intAttr(el, 'value', list.next) : 0;
      if (list) list.next = value + 1;
      out.prefix = ' '.repeat(Math.max(lists.length - 1, 0)) + (list?.ordered ? `${value}. ` : '- ');
    }
    if (LISTS.has(tag)) lists.push({ ordered: tag === 'ol', next: intAttr(el, 'start', 1) });
    work.push({
      leave: () => {
        out.blockEnded();
        blocks.pop();
        if (tag === 'pre') pre--;
        if (tag === 'li') out.prefix = '';
        if (LISTS.has(tag) && lists.pop() && lists.length === 0) out.listEnded();
      },
    });
  };

  while (work.length > 0) {
    const item = work.pop()!;
    if ('leave' in item) {
      item.leave();
      continue;
    }
    const node = item.node;
    if (isText(node)) {
      out.text(node.value, blocks[blocks.length - 1]!, pre > 0, lists.length > 0);
      continue;
    }
    if (isElement(node)) {
      if (isLeftOut(node, sections > 0)) continue;
      const tag = node.tagName;
      if (tag === 'br') {
        out.lineBreak(placeOf(node));
        continue;
      }
      if (tag === 'hr') {
        out.boundary();
        continue;
      }
      if (tag === 'table' && !isLayoutTable(node)) {
        writeTable(node, out, sections > 0, lists.length > 0);
        continue;
      }
      if (BLOCKS.has(tag)) enterBlock(node);
      if (SECTIONING.has(tag)) {
        sections++;
        work.push({ leave: () => sections-- });
      }
    }
    const children = childrenOf(node);
    for (let k = children.length - 1; k >= 0; k--) work.push({ node: children[k]! });
  }
  out.boundary();
  return out.lines;
}

/** A data table: its caption a line, then each row a line of tab-separated cells. */
function writeTable(table: Element, out: LineWriter, inSection: boolean, inList: boolean): void {
  const tablePlace = placeOf(table) ?? {};
  const caption = captionOf(table);
  if (caption) {
    const { text, place } = cellText(caption, out, inSection);
    if (text !== '') out.push({ text, place: place ?? placeOf(caption) ?? tablePlace, joined: false }, inList);
  }
  let first = true;
  /** Each row's first mark (of its first cell that has one). */
  const rowMarks = new Map<unknown, SourcePlace>();
  const readCell = (cell: Element) => {
    const { text, place } = cellText(cell, out, inSection);
    if (place && !rowMarks.has(cell.parentNode)) rowMarks.set(cell.parentNode, place);
    return text;
  };
  for (const { row, cells } of tableGrid(table, readCell)) {
    if (cells.every((c) => c === '')) continue;
    out.push({ text: cells.join('\t'), place: rowMarks.get(row) ?? placeOf(row) ?? tablePlace, joined: !first }, inList);
    first = false;
  }
  out.boundary();
}

/** A cell's text on one line: its paragraphs and line breaks joined with a space; the first mark in it. */
function cellText(cell: Element, out: LineWriter, inSection: boolean): { text: string; place?: SourcePlace } {
  const parts: string[] = [];
  let place: SourcePlace | undefined;
  // A string on the stack is a space to write: where a block or a line break inside the cell begins and ends.
  const stack: (Node | string)[] = [cell];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node === 'string') {
      parts.push(node);
      continue;
    }
    if (isText(node)) {
      const unmarked = out.unmark(node.value);
      place ??= unmarked.place;
      parts.push(unmarked.text);
      continue;
    }
    if (isElement(node) && node !== cell) {
      if (isLeftOut(node, inSection)) continue;
      if (node.tagName === 'br' || BLOCKS.has(node.tagName)) {
        parts.push(' ');
        stack.push(' ');
      }
    }
    const children = childrenOf(node);
    for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]!);
  }
  const text = parts.join('').replace(SPACES, ' ').trim();
  return place ? { text, place } : { text };
}
