/**
 * A file's bytes as the text Referat reads: a text file decoded in its encoding (node/read-text.ts), a
 * published file (PDF, Word, web page) read by its input reader (readers/), within the readers' limits and a
 * time per file, so one hostile file can neither hang nor stop a run over an archive.
 */
import { decodeBytes, UnreadableFileError, type DecodedFile, type Message } from '../node/read-text';
import { DEFAULT_LIMITS, formatOfName, loadReader, UnreadableInputError, type SourceFormat, type SourceMap } from '../readers/index';
import { readInWorker, tookTooLong } from './read-worker';

/**
 * The bundle (dist/cli.js), which a reading thread runs; under a TypeScript loader (tests) this is the source,
 * and files are read in the calling thread, the time limit then only checked when the reader yields.
 */
const WORKER_SCRIPT = __filename.endsWith('.js') ? __filename : undefined;

/** A published file taking longer than this to read is given up (a hostile PDF must not hold up an archive). */
export const READ_TIMEOUT_MS = 60_000;

export interface ReadFile {
  text: string;
  format: SourceFormat;
  /** The text file's encoding (for RF098 and for writing fixes back); absent for a published format. */
  decoded?: DecodedFile;
  /** From the text's lines back to the original; absent for a text file (its lines are the original's). */
  sourceMap?: SourceMap;
  /** What could not be read of a damaged file (one information finding each, RF097). */
  problems: Message[];
}

export async function readDocument(file: string, bytes: Uint8Array, timeoutMs = READ_TIMEOUT_MS, script = WORKER_SCRIPT): Promise<ReadFile> {
  const format = formatOfName(file);
  if (format === 'text') {
    const decoded = decodeBytes(bytes);
    return { text: decoded.text, format, decoded, problems: [] };
  }
  if (bytes.byteLength > DEFAULT_LIMITS.maxInputBytes) throw tooLarge(bytes.byteLength);
  try {
    const doc = script
      ? await readInWorker(script, format, bytes, timeoutMs)
      : await withTimeout((await loadReader(format)).read(bytes, DEFAULT_LIMITS), timeoutMs);
    return { text: doc.text, format, sourceMap: doc.sourceMap, problems: doc.problems };
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
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(tookTooLong(ms)), ms);
  });
  return Promise.race([reading, timeout]).finally(() => clearTimeout(timer));
}
