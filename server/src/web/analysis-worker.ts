/**
 * A very large document's analysis in a web worker of its own, nested in the server's web worker, so that one
 * analysis of a 20 MB document does not hold up the server (hover, symbols, other documents' diagnostics)
 * for its whole run. The nested worker runs the server's own bundle (dist/web/server.js, started under the
 * name ANALYSIS_WORKER_NAME, server.ts) and answers as Node's worker thread does (features/analysisJob.ts:
 * the same job, the same packed bodies). Cancellation: a job whose version was typed over is never sent,
 * and the running one is stopped (the worker terminated, a fresh one started for the next job). Where no
 * nested worker can be started, the host's in-thread analysis is used instead (`inThread`).
 */
import type { Analysis } from '../core/analyze';
import type { ReferatConfig } from '../core/config';
import { analysisOfAnswer, answerJob, type AnalysisAnswer, type AnalysisJob } from '../features/analysisJob';
import { SupersededError } from '../features/host';

/** The name the analysis worker is started under: server.ts reads it to run as one. */
export const ANALYSIS_WORKER_NAME = 'Referat analysis';

/** What is used of a browser's Worker (the project's lib has no WebWorker types). */
export interface NestedWorker {
  postMessage(message: AnalysisJob): void;
  terminate(): void;
  onmessage: ((event: { data: AnalysisAnswer }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
}

/** The nested worker's own scope, as far as it is used. */
export interface AnalysisWorkerScope {
  onmessage: ((event: { data: AnalysisJob }) => void) | null;
  postMessage(message: AnalysisAnswer, transfer: ArrayBuffer[]): void;
}

/** The nested worker's side: analyse each job the server sends. */
export function runNestedAnalysisWorker(scope: AnalysisWorkerScope): void {
  scope.onmessage = (event) => {
    const { answer, transfer } = answerJob(event.data);
    scope.postMessage(answer, transfer);
  };
}

type InThread = (text: string, config: ReferatConfig, isSuperseded: () => boolean, previous?: Analysis) => Promise<Analysis>;

interface Waiting {
  job: AnalysisJob;
  isSuperseded: () => boolean;
  /** Only for the in-thread analysis, which can reuse its untouched items. */
  previous?: Analysis;
  resolve(a: Analysis): void;
  reject(e: Error): void;
}

/** How often the running job is asked whether a newer version made it pointless (a closed document sends no new job). */
const WATCH_MS = 100;

/** A started worker, and whether it ever answered (one that did not could not run its script here). */
interface Started {
  worker: NestedWorker;
  answered: boolean;
}

export class NestedAnalysis {
  private worker: Promise<Started | undefined> | undefined;
  /** Set once a worker could not be started or failed before its first answer: nested workers do not work here. */
  private unavailable = false;
  private readonly queue: Waiting[] = [];
  private running: Waiting | undefined;
  private watch: ReturnType<typeof setInterval> | undefined;
  private nextId = 1;
  /** The log says once where large documents are analysed (a support request then tells). */
  private said = false;

  constructor(
    private readonly startWorker: () => Promise<NestedWorker | undefined>,
    private readonly inThread: InThread,
    private readonly log: (msg: string) => void,
  ) {}

  analyze(text: string, config: ReferatConfig, isSuperseded: () => boolean, previous?: Analysis): Promise<Analysis> {
    if (this.unavailable) return this.inThread(text, config, isSuperseded, previous);
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { id: this.nextId++, text, config }, isSuperseded, previous, resolve, reject });
      // After the caller has recorded this version (analysisCache.ts, right after this returns), so that
      // `isSuperseded` answers for it: then a new version's job stops the old one's at once.
      queueMicrotask(() => {
        this.stopSuperseded();
        void this.next();
      });
    });
  }

  /** Stops the worker; what waits is analysed in this thread instead, so no request waits forever. */
  dispose(): void {
    this.unavailable = true;
    this.fallBack();
  }

  private async next(): Promise<void> {
    if (this.running) return;
    const waiting = this.queue.shift();
    if (!waiting) return this.stopWatch();
    if (waiting.isSuperseded()) {
      waiting.reject(new SupersededError());
      return this.next();
    }
    this.running = waiting;
    this.startWatch();
    const started = await this.ensureWorker();
    if (this.running !== waiting) return; // stopped while the worker started
    if (!started) return this.fallBack();
    started.worker.postMessage(waiting.job);
  }

  private ensureWorker(): Promise<Started | undefined> {
    this.worker ??= this.startWorker().then(
      (worker) => {
        if (!worker) return this.giveUp('this browser cannot start a nested worker');
        const started: Started = { worker, answered: false };
        worker.onmessage = (event) => this.onAnswer(started, event.data);
        worker.onerror = (event) => void this.onWorkerError(started, event.message ?? 'unknown error');
        return started;
      },
      (e: Error) => this.giveUp(e.message),
    );
    return this.worker;
  }

  private giveUp(reason: string): undefined {
    if (!this.unavailable) this.log(`large documents are analysed in the server's own thread: ${reason}`);
    this.unavailable = true;
    this.worker = undefined;
    return undefined;
  }

  private onAnswer(started: Started, answer: AnalysisAnswer): void {
    if (!this.said) this.log('large documents are analysed in a nested web worker');
    this.said = true;
    started.answered = true;
    const job = this.running;
    if (!job || job.job.id !== answer.id) return;
    this.running = undefined;
    try {
      job.resolve(analysisOfAnswer(job.job, answer));
    } catch (e) {
      job.reject(e as Error);
    }
    void this.next();
  }

  private async onWorkerError(started: Started, message: string): Promise<void> {
    started.worker.terminate();
    if ((await this.worker) !== started) return; // an old worker's last word
    this.worker = undefined;
    if (!started.answered) this.giveUp(`the analysis worker failed: ${message}`);
    else this.log(`analysis worker stopped: ${message}`);
    if (this.unavailable) return this.fallBack();
    // It failed on this job only: the job is done here, the next gets a fresh worker.
    const job = this.running;
    this.running = undefined;
    if (job) this.inThread(job.job.text, job.job.config, job.isSuperseded, job.previous).then(job.resolve, job.reject);
    void this.next();
  }

  /** The running job, when a newer version made it pointless: its worker is terminated, the next job gets a fresh one. */
  private stopSuperseded(): void {
    const job = this.running;
    if (!job?.isSuperseded()) return;
    this.running = undefined;
    this.terminate();
    job.reject(new SupersededError());
    void this.next();
  }

  private terminate(): void {
    void this.worker?.then((started) => started?.worker.terminate());
    this.worker = undefined;
  }

  /** Everything waiting, and the running job, analysed in this thread (nested workers are not available). */
  private fallBack(): void {
    this.terminate();
    const all = [...(this.running ? [this.running] : []), ...this.queue.splice(0)];
    this.running = undefined;
    this.stopWatch();
    for (const job of all) this.inThread(job.job.text, job.job.config, job.isSuperseded, job.previous).then(job.resolve, job.reject);
  }

  private startWatch(): void {
    this.watch ??= setInterval(() => this.stopSuperseded(), WATCH_MS);
  }

  private stopWatch(): void {
    if (this.watch !== undefined) clearInterval(this.watch);
    this.watch = undefined;
  }
}
