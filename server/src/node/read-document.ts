/**
 * A file's bytes as the text Referat reads: a text file decoded in its encoding (node/read-text.ts), a
 * published file (PDF, Word, web page) read by its input reader within the readers' limits and a time per
 * file (read-published.ts, which the language server's published views read through too), so one hostile
 * file can neither hang nor stop a run over an archive.
 */
import { decodeBytes, type DecodedFile, type Message } from './read-text';
import { readPublishedBytes, readInThisThread, READ_TIMEOUT_MS, type ReadInput } from './read-published';
import { readInWorker } from './read-worker';
import { formatOfName, type LineSpan, type SourceFormat, type SourceMap } from '../readers/index';

export { READ_TIMEOUT_MS } from './read-published';

export interface ReadFile {
  text: string;
  format: SourceFormat;
  /** The text file's encoding (for RF098 and for writing fixes back); absent for a published format. */
  decoded?: DecodedFile;
  /** From the text's lines back to the original; absent for a text file (its lines are the original's). */
  sourceMap?: SourceMap;
  /** What could not be read of a damaged file (one information finding each, RF097). */
  problems: Message[];
  /** The lines laid out from a PDF's text positions (ReadDocument.laidOut), for the analysis. */
  laidOut?: LineSpan[];
}

/**
 * The bundle this runs in (dist/cli.js or dist/server.js), which a reading thread runs too; under a TypeScript
 * loader (tests) this is the source, and files are read in the calling thread, the time limit then checked
 * only when the reader yields.
 */
const WORKER_SCRIPT = __filename.endsWith('.js') ? __filename : undefined;

/** Where a published file is read: in a thread of its own that the time limit can stop, where there is a bundle. */
export function readInput(script: string | undefined): ReadInput {
  return script ? (format, bytes, timeoutMs) => readInWorker(script, format, bytes, timeoutMs) : readInThisThread;
}

export async function readDocument(file: string, bytes: Uint8Array, timeoutMs = READ_TIMEOUT_MS, script = WORKER_SCRIPT): Promise<ReadFile> {
  const format = formatOfName(file);
  if (format === 'text') {
    const decoded = decodeBytes(bytes);
    return { text: decoded.text, format, decoded, problems: [] };
  }
  return readPublishedBytes(file, bytes, timeoutMs, readInput(script));
}
