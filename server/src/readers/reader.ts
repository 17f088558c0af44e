/**
 * Input readers: bytes in, text out, with a source map back to where each line came from. A reader knows
 * one format (plain text in its encoding now; PDF, Word and web pages next). Readers use no file system and
 * no Node-only module (eslint.config.mjs), so the same readers serve the CLI, the Node language server and
 * the browser's web worker; the adapters bring the bytes.
 */

/** A message in both languages, as findings have. */
export interface Message {
  da: string;
  en: string;
}

/** The formats Referat reads: text as it is, and the formats minutes are published in. */
export type SourceFormat = 'text' | 'html' | 'docx' | 'pdf';

/**
 * Where a line of the text came from in the original: its line (and column) there for text and HTML, its
 * page (and the line's position on it, in PDF points from the top left) for PDF, its paragraph for DOCX.
 */
export interface SourcePlace {
  line?: number;
  column?: number;
  page?: number;
  x?: number;
  y?: number;
  paragraph?: number;
}

/** From the text's lines (0-based) back to the original. */
export interface SourceMap {
  placeOf(line: number): SourcePlace;
}

/** The text is the source, line for line (a text file). */
export const IDENTITY_MAP: SourceMap = { placeOf: (line) => ({ line }) };

/** A source map from a table of places, one a line of the text (a line past the end has the last place). */
export function tableMap(places: readonly SourcePlace[]): SourceMap {
  return { placeOf: (line) => places[Math.min(Math.max(line, 0), places.length - 1)] ?? {} };
}

/**
 * What a hostile or broken file may cost at most: the bytes read, the pages of a PDF, and the bytes a zip
 * (DOCX) actually inflates (counted while inflating, not the sizes the zip declares).
 */
export interface ReadLimits {
  maxInputBytes: number;
  maxPages: number;
  maxInflatedBytes: number;
}

export const DEFAULT_LIMITS: ReadLimits = { maxInputBytes: 100 * 1024 * 1024, maxPages: 2000, maxInflatedBytes: 50 * 1024 * 1024 };

export interface ReadDocument {
  format: SourceFormat;
  /**
   * The text form Referat reads: a paragraph a line, each table row on one line with its cells separated by
   * tabs (a wrapped cell joined), headings on lines of their own, page furniture left out.
   */
  text: string;
  sourceMap: SourceMap;
  /** What could not be read of a damaged or truncated file (an information finding each); empty when all was read. */
  problems: Message[];
  /**
   * The lines laid out from the text's positions on the page (an untagged PDF page: baselines as lines, wide
   * gaps as cell breaks), where the cells of a table are a guess; absent when every line was read by structure.
   */
  laidOut?: LineSpan[];
}

/** Lines `from` through `to` of the text (0-based, both included). */
export interface LineSpan {
  from: number;
  to: number;
}

/** The runs of lines whose flag is set, as spans in order. */
export function spansOf(flags: readonly boolean[]): LineSpan[] {
  const spans: LineSpan[] = [];
  flags.forEach((flag, line) => {
    if (!flag) return;
    const last = spans[spans.length - 1];
    if (last && last.to === line - 1) last.to = line;
    else spans.push({ from: line, to: line });
  });
  return spans;
}
/** A reader of one format: bytes in, the text form out, or UnreadableInputError with a clear message. */
export interface InputReader {
  format: SourceFormat;
  read(bytes: Uint8Array, limits: ReadLimits): Promise<ReadDocument>;
}

/**
 * The mark of an UnreadableInputError. The published readers are a bundle of their own (dist/readers.js, loaded on
 * the first such file) with their own copy of this class, so the adapters' `instanceof UnreadableInputError` asks for
 * the mark, not for the one class.
 */
const UNREADABLE: unique symbol = Symbol.for('referat.UnreadableInputError');

/** Why bytes could not be read, in both languages (`message` is the English one). */
export class UnreadableInputError extends Error {
  readonly [UNREADABLE] = true;
  constructor(readonly text: Message) {
    super(text.en);
  }

  /** Any copy's error is one (see UNREADABLE); a subclass (UnreadableFileError) is asked as usual. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (this !== UnreadableInputError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === 'object' && value !== null && UNREADABLE in value;
  }
}

/** Bytes past the limit are refused before anything is decoded. */
export function refuseTooLarge(bytes: Uint8Array, limits: ReadLimits): void {
  if (bytes.length <= limits.maxInputBytes) return;
  const mb = Math.round(limits.maxInputBytes / (1024 * 1024));
  throw new UnreadableInputError({
    da: `er for stor til at blive læst (over ${mb} MB, grænsen for input)`,
    en: `is too large to be read (over ${mb} MB, the input limit)`,
  });
}
