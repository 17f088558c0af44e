/**
 * The CLI's work over many files on every core: a pool of worker threads, one a core, each
 * running this same bundle (dist/cli.js) with workerData.role === FILE_WORKER_ROLE. Each
 * worker reads the files it checks itself; it is given the jobs once, at its start, then
 * only job numbers, a few at a time, and sends back each file's compact result (findings as
 * printed, the meeting and switches: check-file.ts). The main thread only hands out work and
 * passes the results on in input order, each as soon as it and every one before it are done:
 * a main thread that analysed files too left its worker waiting for work whenever it was in
 * the middle of one, and was the slowest thread of the run (it also decodes every result and
 * prints). With one thread, fewer files than workers pay for, or no worker left, the main
 * thread checks the files itself.
 */
import { statSync } from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { checkFile, packMeeting, type FileJob, type FileResult } from './check-file';
import { readBytesSync, UnreadableFileError } from './files';
import { printResult, type PrintSpec } from './printed';

export const FILE_WORKER_ROLE = 'referat-cli-file';

/** Jobs a worker holds at once: the next is there the moment it finishes one, while the main thread passes a result on. */
const IN_FLIGHT_PER_WORKER = 4;

export interface PoolOptions {
  /** Worker threads that analyse; 1 or fewer: the main thread alone. */
  threads: number;
  /** The script a worker runs (the CLI bundle itself). */
  script: string;
  /** Told when a worker stops and its files are checked in the main thread instead. */
  warn?: (message: string) => void;
  /** What the output prints: each result is sent as that (printed.ts) rather than as its findings. */
  print?: PrintSpec;
}

interface WorkerData {
  role: typeof FILE_WORKER_ROLE;
  jobs: readonly FileJob[];
  print?: PrintSpec;
}
/** The main thread's message: the numbers of the jobs to check next. */
type WorkerRequest = number[];
type WorkerReply = { index: number; result: FileResult } | { index: number; crash: string };

export function isFileWorker(): boolean {
  return !isMainThread && (workerData as { role?: string } | null)?.role === FILE_WORKER_ROLE;
}

/** The worker's side: check each job the main thread names, one after the other, each result sent when done. */
export function runFileWorker(): void {
  const { jobs, print } = workerData as WorkerData;
  const queue: number[] = [];
  let busy = false;
  const next = async () => {
    busy = true;
    while (queue.length > 0) {
      const index = queue.shift()!;
      let reply: WorkerReply;
      try {
        reply = { index, result: await checkAndPrint(jobs[index], print) };
      } catch (e) {
        reply = { index, crash: (e as Error).stack ?? String(e) };
      }
      parentPort!.postMessage(reply);
    }
    busy = false;
  };
  parentPort!.on('message', (indices: WorkerRequest) => {
    for (const index of indices) queue.push(index);
    if (!busy) void next();
  });
}

/** The file's bytes, or why they cannot be read (checkFile reports it as the file's result). */
function read(file: string): Uint8Array | UnreadableFileError {
  try {
    return readBytesSync(file, { published: true });
  } catch (e) {
    return e instanceof UnreadableFileError ? e : new UnreadableFileError({ da: `kan ikke læses: ${(e as Error).message}`, en: `cannot be read: ${(e as Error).message}` });
  }
}

/** A job checked, its result as the output prints it when `print` says how, its meeting packed (check-file.ts packMeeting). */
async function checkAndPrint(job: FileJob, print: PrintSpec | undefined): Promise<FileResult> {
  const result = packMeeting(await checkFile(job, read(job.file)));
  return print ? printResult(result, print) : result;
}

/**
 * A job checked in the main thread, its result made independent of the document's text: the strings a
 * result keeps (a title, a quoted phrase) are slices that hold the whole text alive, and an archive's
 * meetings are kept until the end (a worker's arrive as copies anyway).
 */
async function checkHere(job: FileJob, print: PrintSpec | undefined): Promise<FileResult> {
  return structuredClone(await checkAndPrint(job, print));
}

/** Calls `onResult` for every job, in the jobs' order, each as soon as it and those before it are done. */
export async function checkInOrder(jobs: readonly FileJob[], options: PoolOptions, onResult: (result: FileResult, index: number) => void): Promise<void> {
  if (jobs.length === 0) return;
  const threads = Math.min(options.threads, jobs.length);
  if (threads <= 1) {
    for (let index = 0; index < jobs.length; index++) onResult(await checkHere(jobs[index], options.print), index);
    return;
  }
  return new WorkerPool(jobs, threads, options, onResult).run();
}

/**
 * The jobs' numbers, the largest file first: a large file started last would leave the other workers idle
 * while it is checked; small files at the end fill the gaps. The order of the output is the jobs' own.
 */
function largestFirst(jobs: readonly FileJob[]): number[] {
  const size = jobs.map((job) => {
    try {
      return statSync(job.file).size;
    } catch {
      return 0; // Not there: its result (the error) is quick.
    }
  });
  return jobs.map((_, k) => k).sort((a, b) => size[b] - size[a] || a - b);
}

class WorkerPool {
  private readonly done = new Map<number, FileResult>();
  /** The jobs in the order they are handed out, and how many are. */
  private readonly order: number[];
  private next = 0;
  private emitted = 0;
  private readonly live = new Set<Worker>();
  private readonly inFlight = new Map<Worker, Set<number>>();
  private finish!: () => void;
  private fail!: (e: Error) => void;
  private failed = false;

  private readonly script: string;
  private readonly warn: (message: string) => void;
  private readonly print: PrintSpec | undefined;

  constructor(
    private readonly jobs: readonly FileJob[],
    private readonly size: number,
    options: PoolOptions,
    private readonly onResult: (result: FileResult, index: number) => void,
  ) {
    this.script = options.script;
    this.warn = options.warn ?? ((m) => process.emitWarning(m));
    this.print = options.print;
    this.order = largestFirst(jobs);
  }

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
    const worker = new Worker(this.script, { workerData: { role: FILE_WORKER_ROLE, jobs: this.jobs, print: this.print } satisfies WorkerData });
    this.live.add(worker);
    this.inFlight.set(worker, new Set());
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

  /** Tops the worker's jobs up to IN_FLIGHT_PER_WORKER, in one message. */
  private feed(worker: Worker): void {
    const mine = this.inFlight.get(worker)!;
    const batch: WorkerRequest = [];
    while (this.live.has(worker) && mine.size < IN_FLIGHT_PER_WORKER && this.next < this.jobs.length) {
      const index = this.order[this.next++];
      mine.add(index);
      batch.push(index);
    }
    if (batch.length > 0) worker.postMessage(batch);
  }

  /**
   * When no worker is left (none could start, or all stopped), the main thread checks the files
   * left, one at a time, letting the event loop pass results on between them.
   */
  private mainThreadStep(): void {
    if (this.next >= this.jobs.length || this.failed || this.live.size > 0) return;
    const index = this.order[this.next++];
    void this.inMainThread(this.jobs[index]).then((result) => {
      this.complete(index, result);
      setImmediate(() => this.mainThreadStep());
    });
  }

  /** A worker that stopped: its jobs are done in the main thread, so no file is lost. */
  private lost(worker: Worker, e: Error): void {
    if (!this.live.delete(worker)) return;
    const mine = this.inFlight.get(worker)!;
    this.warn(`referat: a worker stopped (${e.message}); its files are checked in the main thread`);
    for (const index of [...mine]) {
      mine.delete(index);
      void this.inMainThread(this.jobs[index]).then((result) => this.complete(index, result));
    }
    // The files left when no worker is are checked in the main thread.
    if (this.live.size === 0) this.mainThreadStep();
  }

  private async inMainThread(job: FileJob): Promise<FileResult> {
    try {
      return await checkHere(job, this.print);
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
