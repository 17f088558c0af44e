/**
 * A published file's bytes (PDF, Word, web page) as the text Referat reads, by its input reader (readers/),
 * within the readers' limits and a time per file, so one hostile file can neither hang nor stop a run over an
 * archive. No Node-only module: the CLI (read-document.ts), the Node language server and the web worker's
 * read through it.
 */
import { UnreadableFileError, type Message } from './decode';
import { DEFAULT_LIMITS, formatOfName, loadReader, UnreadableInputError, type LineSpan, type ReadDocument, type SourceFormat, type SourceMap } from '../readers/index';

/** A published file taking longer than this to read is given up (a hostile PDF must not hold up an archive). */
export const READ_TIMEOUT_MS = 60_000;

export interface PublishedText {
  text: string;
  format: SourceFormat;
  /** From the text's lines back to the original. */
  sourceMap: SourceMap;
  /** What could not be read of a damaged file (one information finding each, RF097). */
  problems: Message[];
  /** The lines laid out from a PDF's text positions (ReadDocument.laidOut): the analysis needs them. */
  laidOut?: LineSpan[];
}

/**
 * Where the reader runs: in this thread by default (a web worker has no other), its time checked when it
 * yields; a Node adapter may read in a thread of its own that it can stop (a hard time limit).
 */
export type ReadInput = (format: SourceFormat, bytes: Uint8Array, timeoutMs: number) => Promise<ReadDocument>;

export const readInThisThread: ReadInput = async (format, bytes, timeoutMs) => withTimeout((await loadReader(format)).read(bytes, DEFAULT_LIMITS), timeoutMs);

/** The text of a published file (its format by its name); throws UnreadableFileError with the reader's words. */
export async function readPublishedBytes(file: string, bytes: Uint8Array, timeoutMs = READ_TIMEOUT_MS, readInput: ReadInput = readInThisThread): Promise<PublishedText> {
  const format = formatOfName(file);
  if (bytes.byteLength > DEFAULT_LIMITS.maxInputBytes) throw tooLarge(bytes.byteLength);
  try {
    const doc = await readInput(format, bytes, timeoutMs);
    return { text: doc.text, format, sourceMap: doc.sourceMap, problems: doc.problems, ...(doc.laidOut ? { laidOut: doc.laidOut } : {}) };
  } catch (e) {
    if (e instanceof UnreadableInputError) throw new UnreadableFileError(e.text);
    throw new UnreadableFileError({ da: `kan ikke læses: ${(e as Error).message}`, en: `cannot be read: ${(e as Error).message}` });
  }
}

function tooLarge(size: number): UnreadableFileError {
  const mb = (n: number) => Math.round(n / (1024 * 1024));
  return new UnreadableFileError({
    da: `er for stor (${mb(size)} MB; Referat læser højst ${mb(DEFAULT_LIMITS.maxInputBytes)} MB)`,
    en: `is too large (${mb(size)} MB; Referat reads at most ${mb(DEFAULT_LIMITS.maxInputBytes)} MB)`,
  });
}

/** The reading, or an UnreadableFileError when it takes longer than `ms` (the run goes on with the next file). */
function withTimeout<T>(reading: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(tookTooLong(ms)), ms);
  });
  return Promise.race([reading, timeout]).finally(() => clearTimeout(timer));
}

/** The refusal of a file whose reading took longer than `ms` (in this thread or in a thread of its own). */
export function tookTooLong(ms: number): UnreadableInputError {
  const s = Math.round(ms / 1000);
  return new UnreadableInputError({ da: `tog mere end ${s} sekunder at læse og blev sprunget over`, en: `took more than ${s} seconds to read and was skipped` });
}
