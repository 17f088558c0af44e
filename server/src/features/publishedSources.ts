/**
 * Published files (PDF, Word, web page) as read-only views: the server reads the original with the input
 * readers (node/read-published.ts, the CLI's reading with its limits and time per file, over the host's
 * files) and keeps, for each
 * view the editor has open, the reader's source map and what could not be read. The view's text is what
 * the client shows (Requests.sourceText) and sends back as an ordinary document, so every feature serves it;
 * this module adds where each finding is in the original.
 */
import type { Diagnostic } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import type { Language } from '../core/config';
import type { Finding } from '../core/model';
import { originalPathOf, SOURCE_VIEW_SCHEME, sourceViewPath } from '../core/protocol';
import { UnreadableFileError, type Message } from '../node/decode';
import { readPublishedBytes } from '../node/read-published';
import type { LineSpan, SourceFormat, SourceMap, SourcePlace } from '../readers/index';
import { toDiagnostic } from './diagnostics';
import type { ServerHost } from './host';
import { editorText } from './texts';

/** A published file as read: the view's text, its source map back to the original, and what was lost. */
export interface PublishedRead {
  /** The original on disk. */
  file: string;
  format: SourceFormat;
  text: string;
  sourceMap: SourceMap;
  problems: Message[];
  /** The lines laid out from a PDF's text positions (ReadDocument.laidOut), for the analysis. */
  laidOut?: LineSpan[];
  /** The file's size when read: a file of another size is read again (and one the client says changed). */
  stamp: string;
}

/** The original's path of a view URI (referat-source:/a/b.pdf.referat → /a/b.pdf), or null for any other URI. */
export function originalFileOf(uri: string): string | null {
  const parsed = URI.parse(uri);
  if (parsed.scheme !== SOURCE_VIEW_SCHEME) return null;
  const original = originalPathOf(parsed.path);
  return original === null ? null : URI.file(original).fsPath;
}

export function isSourceView(uri: string): boolean {
  return originalFileOf(uri) !== null;
}

/** The view URI of a published file on disk. */
export function sourceViewUri(file: string): string {
  return URI.file(sourceViewPath(URI.file(file).path)).with({ scheme: SOURCE_VIEW_SCHEME }).toString();
}

/** Reads that no open view holds are kept for a moment (the view opens right after its text is asked for); at most this many. */
const KEPT_UNOPENED = 4;

export class PublishedSources {
  private readonly reads = new Map<string, PublishedRead>();
  /** Files that could not be read, by view and stamp: a hostile file is not read again for every request while it is unchanged. */
  private readonly failures = new Map<string, { stamp: string; error: unknown }>();

  /** isOpen: whether the editor has the view open (its read is kept while it is); host: the files. */
  constructor(private readonly isOpen: (uri: string) => boolean, private readonly host: Files) {}

  /**
   * The original read for a view URI (again when its size changed, or `changed`: the client saw the file
   * change on disk); throws UnreadableFileError with a clear message.
   */
  async read(uri: string, changed = false): Promise<PublishedRead> {
    const file = originalFileOf(uri);
    if (file === null) throw new UnreadableFileError({ da: 'er ikke en publiceret fil (PDF, Word eller HTML)', en: 'is not a published file (PDF, Word or HTML)' });
    await this.host.prepare({ files: [file], ...(changed ? { changed: [file] } : {}) });
    const stamp = String(this.host.workspace.sizeOf(file) ?? 'unknown');
    const kept = this.reads.get(uri);
    if (kept && kept.stamp === stamp && !changed) return kept;
    const failure = this.failures.get(uri);
    if (failure && failure.stamp === stamp && !changed) throw failure.error;
    let entry: PublishedRead;
    try {
      entry = await readPublished(this.host, file, stamp);
    } catch (e) {
      this.failures.set(uri, { stamp, error: e });
      if (this.failures.size > 64) this.failures.delete(this.failures.keys().next().value as string);
      throw e;
    }
    this.failures.delete(uri);
    this.reads.delete(uri);
    this.reads.set(uri, entry);
    this.evict();
    return entry;
  }

  /** The read of a view, when it was read. */
  get(uri: string): PublishedRead | undefined {
    return this.reads.get(uri);
  }

  forget(uri: string): void {
    this.reads.delete(uri);
  }

  private evict(): void {
    const unopened = [...this.reads.keys()].filter((uri) => !this.isOpen(uri));
    for (const uri of unopened.slice(0, Math.max(0, unopened.length - KEPT_UNOPENED))) this.reads.delete(uri);
  }
}

/** What reading a published file needs of the host: its files, fetched first (a web worker asks the client). */
export type Files = Pick<ServerHost, 'prepare' | 'workspace' | 'readInput'>;

/**
 * A published file read (not kept: "Validate workspace" reads an archive this way, after fetching it);
 * throws UnreadableFileError.
 */
export async function readPublished(host: Files, file: string, stamp = String(host.workspace.sizeOf(file) ?? 'unknown')): Promise<PublishedRead> {
  const read = await readPublishedBytes(file, host.workspace.readBytes(file, { published: true }), undefined, host.readInput);
  return { file, format: read.format, text: read.text, sourceMap: read.sourceMap, problems: read.problems, ...(read.laidOut ? { laidOut: read.laidOut } : {}), stamp };
}

/** Where a line is in the original, in words: "side 3" for a PDF, "linje 185 i HTML-filen", "afsnit 214 i Word-filen"; null when unknown. */
export function placeInWords(place: SourcePlace, format: SourceFormat, language: Language): string | null {
  const say = editorText(language);
  if (place.page !== undefined) return say('placePage', { page: place.page });
  if (format === 'html' && place.line !== undefined) return say('placeHtmlLine', { line: place.line + 1 });
  if (place.paragraph !== undefined) return say('placeWordParagraph', { paragraph: place.paragraph + 1 });
  return null;
}

/**
 * A finding of a view as a diagnostic: its message says where it is in the original (`… (side 3)`), and a
 * web page's finding links to its line there (Problems opens the .html at the element the line came from).
 */
export function sourceDiagnostic(f: Finding, uri: string, language: Language, read: PublishedRead): Diagnostic {
  const d = toDiagnostic(f, uri, language);
  const place = read.sourceMap.placeOf(f.range.start.line);
  const words = placeInWords(place, read.format, language);
  if (words && typeof d.message === 'string') d.message = editorText(language)('inOriginal', { message: d.message, place: words });
  if (read.format === 'html' && place.line !== undefined) {
    const at = { line: place.line, character: place.column ?? 0 };
    d.relatedInformation = [...(d.relatedInformation ?? []), { location: { uri: URI.file(read.file).toString(), range: { start: at, end: at } }, message: editorText(language)('theOriginal') }];
  }
  return d;
}

/** Why a file could not be read, in both languages (an unexpected error as "kan ikke læses: …"). */
export function whyUnreadable(e: unknown): Message {
  if (e instanceof UnreadableFileError) return e.text;
  const detail = (e as Error).message;
  return { da: `kan ikke læses: ${detail}`, en: `cannot be read: ${detail}` };
}

/** What the client shows when a published file cannot be read: the file's name and why. */
export function unreadableText(file: string, why: Message, language: Language): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  return editorText(language)('cannotOpenAsText', { file: name, why: why[language] });
}
