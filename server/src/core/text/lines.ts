/**
 * Line model of a document. The text is never rewritten: every offset and every
 * position refers to the original string, so ranges that leave the core are exact.
 * Matching happens on `clean` lines, which have the same length as the original
 * lines (a BOM, NBSP, thin spaces, form feeds and zero-width characters become plain
 * spaces), so a column found in a clean line is a column in the original line too.
 */
import type { Position, Range } from '../model';

export interface Line {
  /** 0-based line number. */
  readonly index: number;
  /** Offset of the first character of the line in the original text. */
  readonly start: number;
  /** The line as written, without its line terminator. */
  readonly raw: string;
  /** Same length as `raw`, with exotic spaces folded to ' ' for matching. */
  readonly clean: string;
  /** `clean` trimmed; '' for a blank line. */
  readonly text: string;
  /** Column of the first non-space character of `clean` (its length when blank). */
  readonly indent: number;
  /** True for a line that is written but read as blank: chrome (see LineIndex.blankOut). */
  readonly blanked?: boolean;
}

// BOM/ZWNBSP, NBSP, the Unicode space range (thin, hair, figure, …), narrow NBSP,
// medium math space, ideographic space, zero-width space/joiners, and form feed / vertical tab.
const EXOTIC_SPACE = /[\uFEFF\u00A0\u2000-\u200D\u202F\u205F\u3000\f\v]/g;

export function cleanLine(raw: string): string {
  return raw.replace(EXOTIC_SPACE, ' ');
}

export class LineIndex {
  readonly lines: Line[];
  readonly length: number;

  /**
   * `previous`: the line index of the document's previous version. The lines before the first
   * changed character are the same objects as there (typing changes one place; the lines above it
   * need not be cut and allocated again); the result is the same as without it.
   */
  constructor(readonly source: string, previous?: LineIndex) {
    this.length = source.length;
    const kept = previous ? unchangedLines(previous, source) : 0;
    this.lines = splitLines(source, kept > 0 ? previous!.writtenLines(kept) : []);
  }

  /** The lines read as blank by blankOut, as they are written (for the index of the next version). */
  private readonly written = new Map<number, Line>();

  /**
   * Reads these lines as blank from now on (chrome, see parse/chrome.ts): their text is '' and their clean
   * form spaces of the same length, so no stage of the parser and no rule sees them; `raw` is kept.
   */
  blankOut(indices: readonly number[]): void {
    for (const i of indices) {
      const line = this.lines[i];
      if (line === undefined || line.text === '') continue;
      this.written.set(i, line);
      this.lines[i] = { ...line, clean: ' '.repeat(line.raw.length), text: '', indent: line.raw.length, blanked: true };
    }
  }

  /** The first `count` lines as written (lines blanked out restored). */
  private writtenLines(count: number): Line[] {
    const out = this.lines.slice(0, count);
    if (this.written.size > 0) for (const [i, line] of this.written) if (i < count) out[i] = line;
    return out;
  }

  /**
   * The lines in [from, until) that have the character `char` (no line terminator and none of the exotic spaces
   * cleanLine folds, so it stands in a line's clean form where it stands in the text), in order: found by
   * indexOf over their part of the text, from one to the next, rather than by a search of every line (most lines
   * have none, and each search costs a call). Blanked lines (chrome, all spaces now) are left out.
   */
  linesWith(char: string, from: number, until: number): number[] {
    const out: number[] = [];
    const lines = this.lines;
    until = Math.min(until, lines.length);
    if (from < 0 || from >= until) return out;
    // The lines' part of the text (a slice shares the text's characters), so that no search runs past it.
    const base = lines[from].start;
    const last = lines[until - 1];
    const part = this.source.slice(base, last.start + last.raw.length);
    let i = from;
    for (let at = part.indexOf(char); at !== -1; ) {
      while (i + 1 < until && lines[i + 1].start <= base + at) i++;
      if (lines[i].blanked !== true) out.push(i);
      if (i + 1 >= until) break;
      // One is enough: the search goes on at the next line.
      at = part.indexOf(char, lines[i + 1].start - base);
    }
    return out;
  }

  get lineCount(): number {
    return this.lines.length;
  }

  line(index: number): Line {
    return this.lines[index];
  }

  /** The LSP position of an offset (UTF-16 units, as JavaScript strings count). */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.length));
    let lo = 0;
    let hi = this.lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lines[mid].start <= clamped) lo = mid;
      else hi = mid - 1;
    }
    const line = this.lines[lo];
    return { line: lo, character: Math.min(clamped - line.start, line.raw.length) };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lines.length) return this.length;
    const line = this.lines[position.line];
    return line.start + Math.max(0, Math.min(position.character, line.raw.length));
  }

  /** A range over columns [from, to) of one line. */
  span(lineIndex: number, from: number, to: number): Range {
    return { start: { line: lineIndex, character: from }, end: { line: lineIndex, character: to } };
  }

  /** The range of a line's trimmed text (empty range at column 0 for a blank line). */
  textRange(lineIndex: number): Range {
    const line = this.lines[lineIndex];
    if (line.text === '') return this.span(lineIndex, 0, 0);
    return this.span(lineIndex, line.indent, line.indent + line.text.length);
  }

  /** From the start of one line's text to the end of another line's text. */
  linesRange(firstLine: number, lastLine: number): Range {
    const first = this.textRange(firstLine);
    const last = this.lines[lastLine];
    return { start: first.start, end: { line: lastLine, character: last.raw.length } };
  }
}

/**
 * Splits at LF, CRLF and CR with indexOf rather than one character at a time, and folds
 * exotic spaces only in the lines that have one: one scan of the whole text finds them
 * (most documents have none or a few, and a replace on every line costs a scan of each).
 */
function splitLines(source: string, kept: Line[]): Line[] {
  const lines: Line[] = kept;
  const n = source.length;
  // After the kept lines, the next line starts where the first line not kept started (see unchangedLines).
  let start = kept.length === 0 ? 0 : nextLineStart(source, kept[kept.length - 1]);
  const scan = new RegExp(EXOTIC_SPACE.source, 'g');
  scan.lastIndex = start;
  let exotic = scan.exec(source)?.index ?? -1;
  // The next CR and LF at or after start, each searched again only once passed (searching
  // for LF on every line of a CR-only text would scan to its end every time).
  let cr = source.indexOf('\r', start);
  let lf = source.indexOf('\n', start);
  for (;;) {
    if (cr !== -1 && cr < start) cr = source.indexOf('\r', start);
    if (lf !== -1 && lf < start) lf = source.indexOf('\n', start);
    let end: number;
    let next: number;
    if (cr !== -1 && (lf === -1 || cr < lf)) {
      end = cr;
      next = cr + 1 < n && source.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
    } else if (lf !== -1) {
      end = lf;
      next = lf + 1;
    } else {
      end = n;
      next = -1;
    }
    const raw = source.slice(start, end);
    let clean = raw;
    if (exotic !== -1 && exotic < end) {
      clean = cleanLine(raw);
      // The first exotic space after this line (line breaks are none, so it is at or after next).
      scan.lastIndex = end;
      exotic = scan.exec(source)?.index ?? -1;
    }
    lines.push(makeLine(lines.length, start, raw, clean));
    if (next === -1) return lines;
    start = next;
  }
}

/** Where the line after `line` starts: after its line terminator (CRLF, CR or LF). */
function nextLineStart(source: string, line: Line): number {
  const end = line.start + line.raw.length;
  return source.charCodeAt(end) === 13 && source.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
}

/** Characters compared at a time when looking for the first change (two slices compare natively). */
const CHUNK = 4096;

/** The length of the longest common prefix of two texts. */
function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let p = 0;
  while (p + CHUNK <= n && a.slice(p, p + CHUNK) === b.slice(p, p + CHUNK)) p += CHUNK;
  while (p < n && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return p;
}

/**
 * How many of the previous index's first lines the new text has unchanged: the lines before the line
 * in which the first changed character stands, and only those whose successor starts inside the common
 * prefix, so that their line terminators (a CR whose LF may have been typed after it) are unchanged too.
 */
function unchangedLines(previous: LineIndex, source: string): number {
  const common = commonPrefix(previous.source, source);
  const lines = previous.lines;
  // The last line that starts strictly inside the common prefix: every line before it is unchanged.
  let lo = 0;
  let hi = lines.length - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid].start < common) {
      at = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return Math.max(0, at);
}

function makeLine(index: number, start: number, raw: string, clean: string): Line {
  const text = clean.trim();
  // Where the trimmed text starts: at 0 when trim cut nothing (most lines); else its first character is no white
  // space, so its first occurrence in `clean` is there (what clean.length - clean.trimStart().length says, without
  // the string trimStart would cut).
  const indent = text.length === clean.length ? 0 : text === '' ? clean.length : clean.indexOf(text.charAt(0));
  return { index, start, raw, clean, text, indent };
}

/** A character from U+0300 on: below it every text is already in NFC (no combining marks, no singletons). */
const MAYBE_NOT_NFC = /[^\u0000-\u02FF]/;

// foldTitle's patterns, made once (it runs for every title and metadata line).
const EMPHASIS_MARKS = /[*_]+/g;
const SPACES_TO_COLLAPSE = /\s\s|[^\S ]/;
const SPACE_RUNS = /\s+/g;

/** Text folded for comparing titles: NFC, one space, no dot leaders or emphasis. */
export function foldTitle(s: string): string {
  // The parser folds every title and metadata line: the costly steps run only when needed.
  if (MAYBE_NOT_NFC.test(s)) s = s.normalize('NFC').replace(EXOTIC_SPACE, ' ');
  if (s.includes('*') || s.includes('_')) s = s.replace(EMPHASIS_MARKS, '');
  if (s.includes('...')) s = s.replace(/\.{3,}.*$/, '');
  // Danish letters lower-case the same in every locale; the locale-free call is much faster.
  // Most titles have single spaces only: then there is nothing to collapse (and no string to allocate).
  if (SPACES_TO_COLLAPSE.test(s)) s = s.replace(SPACE_RUNS, ' ');
  return s.trim().toLowerCase();
}
