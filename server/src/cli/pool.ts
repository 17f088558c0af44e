/**
 * The CLI's work over many files on every core: a pool of worker threads, each running
 * this same bundle (dist/cli.js) with workerData.role === FILE_WORKER_ROLE. The main
 * thread reads the next files' bytes while the workers analyse the ones before (the
 * bytes are moved to the worker, not copied), and hands each result on in input order,
 * as soon as it and every one before it are done. With one worker or fewer files than
 * it pays for, the same work runs in the main thread, still reading ahead.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { checkFile, type FileJob, type FileResult } from './check-file';
import { readBytes, UnreadableFileError } from './files';

export const FILE_WORKER_ROLE = 'referat-cli-file';

/** Files read ahead of the one being analysed in the main thread. */
const READ_AHEAD = 4;
/** Jobs a worker holds at once: the next is there the moment it finishes one, even while the main thread analyses a file of its own. */
const IN_FLIGHT_PER_WORKER = 4;

export interface PoolOptions {
  /** Threads that analyse, the main thread among them (it has little else to do); 1 or fewer: the main thread alone. */
  threads: number;
  /** The script a worker runs (the CLI bundle itself). */
  script: string;
  /** Told when a worker stops and its files are checked in the main thread instead. */
  warn?: (message: string) => void;
}

type Bytes = Uint8Array | UnreadableFileError;

interface WorkerRequest {
  index: number;
  job: FileJob;
  bytes: Uint8Array;
}
type WorkerReply = { index: number; result: FileResult } | { index: number; crash: string };

export function isFileWorker(): boolean {
  return !isMainThread && (workerData as { role?: string } | null)?.role === FILE_WORKER_ROLE;
}

/** The worker's side: check each file the main thread sends. */
export function runFileWorker(): void {
  parentPort!.on('message', ({ index, job, bytes }: WorkerRequest) => {
    void checkFile(job, bytes).then(
      (result): WorkerReply => ({ index, result }),
      (e): WorkerReply => ({ index, crash: (e as Error).stack ?? String(e) }),
    ).then((reply) => parentPort!.postMessage(reply));
  });
}

const read = (file: string): Promise<Bytes> => readBytes(file, { published: true }).catch((e) => (e instanceof UnreadableFileError ? e : new UnreadableFileError({ da: `kan ikke læses: ${(e as Error).message}`, en: `cannot be read: ${(e as Error).message}` })));

/** Calls `onResult` for every job, in the jobs' order, each as soon as it and those before it are done. */
export async function checkInOrder(jobs: readonly FileJob[], options: PoolOptions, onResult: (result: FileResult, index: number) => void): Promise<void> {
  if (jobs.length === 0) return;
  const threads = Math.min(options.threads, jobs.length);
  if (threads <= 1) return checkInMainThread(jobs, onResult);
  return new WorkerPool(jobs, threads - 1, options.script, onResult, options.warn ?? ((m) => process.emitWarning(m))).run();
}

async function checkInMainThread(jobs: readonly FileJob[], onResult: (result: FileResult, index: number) => void): Promise<void> {
  const reads = new Map<number, Promise<Bytes>>();
  for (let k = 0; k < Math.min(READ_AHEAD, jobs.length); k++) reads.set(k, read(jobs[k].file));
  for (let index = 0; index < jobs.length; index++) {
    const bytes = await reads.get(index)!;
    reads.delete(index);
    const ahead = index + READ_AHEAD;
    if (ahead < jobs.length) reads.set(ahead, read(jobs[ahead].file));
    onResult(await checkFile(jobs[index], bytes), index);
  }
}

class WorkerPool {
  private readonly done = new Map<number, FileResult>();
  private next = 0;
  private emitted = 0;
  private readonly live = new Set<Worker>();
  private readonly inFlight = new Map<Worker, Map<number, FileJob>>();
  private finish!: () => void;
  private fail!: (e: Error) => void;
  private failed = false;

  constructor(
    private readonly jobs: readonly FileJob[],
    private readonly size: number,
    private readonly script: string,
    private readonly onResult: (result: FileResult, index: number) => void,
    private readonly warn: (message: string) => void,
  ) {}

  run(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.finish = resolve;
      this.fail = (e) => {
        this.failed = true;
        reject(e);
      };
      for (let k = 0; k < this.size; k++) this.start();
      for (const w of [...this.live]) this.feed(w);
      this.mainThreadStep();
    }).finally(() => {
      // Out of `live` first: a worker ended on purpose is not a worker lost.
      const workers = [...this.live];
      this.live.clear();
      for (const w of workers) void w.terminate();
    });
  }

  private start(): void {
    const worker = new Worker(this.script, { workerData: { role: FILE_WORKER_ROLE } });
    this.live.add(worker);
    this.inFlight.set(worker, new Map());
    worker.on('message', (reply: WorkerReply) => {
      this.inFlight.get(worker)!.delete(reply.index);
      if ('crash' in reply) return this.fail(new Error(reply.crash));
      this.complete(reply.index, reply.result);
      this.feed(worker);
    });
    const lost = (e: Error) => this.lost(worker, e);
    worker.on('error', lost);
    worker.on('exit', (code) => code !== 0 && lost(new Error(`exit code ${code}`)));
  }

  /** Gives the worker its next jobs, reading each file first (the read overlaps the analysis of others). */
  private feed(worker: Worker): void {
    const mine = this.inFlight.get(worker)!;
    while (this.live.has(worker) && mine.size < IN_FLIGHT_PER_WORKER && this.next < this.jobs.length) {
      const index = this.next++;
      const job = this.jobs[index];
      mine.set(index, job);
      void read(job.file).then((bytes) => {
        if (!mine.has(index)) return; // the worker was lost meanwhile and its jobs taken over
        if (bytes instanceof UnreadableFileError || !this.live.has(worker)) {
          // Nothing to analyse (or the worker is gone): settled here.
          mine.delete(index);
          void this.inMainThread(job, bytes).then((result) => {
            this.complete(index, result);
            if (this.live.has(worker)) this.feed(worker);
          });
          return;
        }
        const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
        const sent = whole ? bytes : bytes.slice();
        worker.postMessage({ index, job, bytes: sent } satisfies WorkerRequest, [sent.buffer as ArrayBuffer]);
      });
    }
  }

  /**
   * The main thread checks a file too whenever one is left, then lets the event loop pass
   * on the workers' results and read their next files before it takes another.
   */
  private mainThreadStep(): void {
    if (this.next >= this.jobs.length || this.failed) return;
    const index = this.next++;
    const job = this.jobs[index];
    void read(job.file).then(async (bytes) => {
      this.complete(index, await this.inMainThread(job, bytes));
      setImmediate(() => this.mainThreadStep());
    });
  }

  /** A worker that stopped: its jobs are done in the main thread, so no file is lost. */
  private lost(worker: Worker, e: Error): void {
    if (!this.live.delete(worker)) return;
    const mine = this.inFlight.get(worker)!;
    this.warn(`referat: a worker stopped (${e.message}); its files are checked in the main thread`);
    for (const [index, job] of mine) {
      mine.delete(index);
      void read(job.file).then(async (bytes) => this.complete(index, await this.inMainThread(job, bytes)));
    }
    // The main thread's own steps take the files left when no worker is.
  }

  private async inMainThread(job: FileJob, bytes: Bytes): Promise<FileResult> {
    try {
      return await checkFile(job, bytes);
    } catch (e) {
      this.fail(e as Error);
      return { file: job.file, findings: [] };
    }
  }

  /** Keeps a result until every one before it is handed on. */
  private complete(index: number, result: FileResult): void {
    if (index < this.emitted) return;
    this.done.set(index, result);
    while (this.done.has(this.emitted)) {
      const r = this.done.get(this.emitted)!;
      this.done.delete(this.emitted);
      try {
        this.onResult(r, this.emitted++);
      } catch (e) {
        return this.fail(e as Error);
      }
    }
    if (this.emitted === this.jobs.length) this.finish();
  }
}
