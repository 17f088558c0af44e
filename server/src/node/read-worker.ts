/**
 * A published file read in a worker thread of its own, so that the time per file is a hard limit: a PDF that
 * keeps pdf.js busy (a hostile or pathological file) cannot be interrupted inside the thread that reads it,
 * but its thread can be terminated. The worker runs this same bundle (dist/cli.js or dist/server.js) with workerData.role ===
 * READ_WORKER_ROLE, reads the bytes it is sent with the format's reader and answers with the text, the source
 * map as one place a line, and the problems; a refusal comes back as its message.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { tookTooLong } from './read-published';
import { DEFAULT_LIMITS, loadReader, tableMap, UnreadableInputError, type LineSpan, type Message, type ReadDocument, type SourceFormat, type SourcePlace } from '../readers/index';

export const READ_WORKER_ROLE = 'referat-read';

interface ReadRequest {
  format: SourceFormat;
  bytes: Uint8Array;
}
type ReadReply = { text: string; places: SourcePlace[]; problems: Message[]; laidOut?: LineSpan[] } | { refused: Message } | { crash: string };

export function isReadWorker(): boolean {
  return !isMainThread && (workerData as { role?: string } | null)?.role === READ_WORKER_ROLE;
}

/** The worker's side: read the one file it is sent, answer, and let the thread end. */
export function runReadWorker(): void {
  parentPort!.once('message', ({ format, bytes }: ReadRequest) => {
    void (async (): Promise<ReadReply> => {
      try {
        const doc = await (await loadReader(format)).read(bytes, DEFAULT_LIMITS);
        const lines = doc.text.split('\n').length;
        return { text: doc.text, places: Array.from({ length: lines }, (_, k) => doc.sourceMap.placeOf(k)), problems: doc.problems, laidOut: doc.laidOut };
      } catch (e) {
        if (e instanceof UnreadableInputError) return { refused: e.text };
        return { crash: e instanceof Error ? e.message : String(e) };
      }
    })().then((reply) => parentPort!.postMessage(reply));
  });
}

/**
 * One reading thread at a time from each thread of the CLI: reading is work for a core, and the pool already
 * has a thread a core (cli/pool.ts), so more would only hold more files' memory at once.
 */
let queue: Promise<unknown> = Promise.resolve();

/**
 * The file read in a new worker thread running `script`; past `timeoutMs` (counted from the thread's start)
 * the thread is terminated and the reading refused with the time limit's message (UnreadableInputError, as a
 * reader's own refusal).
 */
export function readInWorker(script: string, format: SourceFormat, bytes: Uint8Array, timeoutMs: number): Promise<ReadDocument> {
  const reading = queue.then(() => readInNewThread(script, format, bytes, timeoutMs));
  queue = reading.catch(() => undefined);
  return reading;
}

function readInNewThread(script: string, format: SourceFormat, bytes: Uint8Array, timeoutMs: number): Promise<ReadDocument> {
  return new Promise<ReadDocument>((resolve, reject) => {
    const worker = new Worker(script, { workerData: { role: READ_WORKER_ROLE } });
    let settled = false;
    const settle = (act: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      act();
    };
    const timer = setTimeout(() => settle(() => reject(tookTooLong(timeoutMs))), timeoutMs);
    worker.once('message', (reply: ReadReply) =>
      settle(() => {
        if ('refused' in reply) reject(new UnreadableInputError(reply.refused));
        else if ('crash' in reply) reject(new Error(reply.crash));
        else resolve({ format, text: reply.text, sourceMap: tableMap(reply.places), problems: reply.problems, ...(reply.laidOut ? { laidOut: reply.laidOut } : {}) });
      }),
    );
    worker.once('error', (e) => settle(() => reject(e)));
    worker.once('exit', (code) => settle(() => reject(new Error(`the reading thread stopped (exit code ${code})`))));
    // A copy is moved to the worker: the caller keeps its bytes.
    const copy = new Uint8Array(bytes);
    worker.postMessage({ format, bytes: copy } satisfies ReadRequest, [copy.buffer]);
  });
}
