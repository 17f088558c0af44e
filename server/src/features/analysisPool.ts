/**
 * Large documents are analysed in a worker thread, so the server keeps answering
 * for every other document while a 20 MB file is read. The worker runs this same
 * bundle (dist/server.js) with workerData.role === 'analysis'. The job and its answer are analysisJob.ts's,
 * shared with the web worker's nested analysis worker (server/src/web/analysis-worker.ts).
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { analyze, type Analysis } from '../core/analyze';
import type { ReferatConfig } from '../core/config';
import { analysisOfAnswer, answerJob, type AnalysisAnswer, type AnalysisJob } from './analysisJob';

export function isAnalysisWorker(): boolean {
  return !isMainThread && (workerData as { role?: string } | null)?.role === 'analysis';
}

/** The worker's side: analyse what the main thread sends. */
export function runAnalysisWorker(): void {
  parentPort!.on('message', (job: AnalysisJob) => {
    const { answer, transfer } = answerJob(job);
    parentPort!.postMessage(answer, transfer);
  });
}

export class AnalysisPool {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (a: Analysis) => void; reject: (e: Error) => void; text: string; config: ReferatConfig }>();

  constructor(private readonly script: string, private readonly log: (msg: string) => void) {}

  analyze(text: string, config: ReferatConfig): Promise<Analysis> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, text, config });
      worker.postMessage({ id, text, config } satisfies AnalysisJob);
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script, { workerData: { role: 'analysis' } });
    worker.on('message', (r: AnalysisAnswer) => {
      const job = this.pending.get(r.id);
      if (!job) return;
      this.pending.delete(r.id);
      try {
        job.resolve(analysisOfAnswer(job, r));
      } catch (e) {
        job.reject(e as Error);
      }
    });
    const fail = (e: Error) => {
      this.log(`analysis worker stopped: ${e.message}`);
      this.worker = undefined;
      // Work the worker took with it is done here instead, so no request waits forever.
      for (const [id, job] of this.pending) {
        this.pending.delete(id);
        try {
          job.resolve(analyze(job.text, { config: job.config }));
        } catch (err) {
          job.reject(err as Error);
        }
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => code !== 0 && fail(new Error(`exit code ${code}`)));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  dispose(): void {
    void this.worker?.terminate();
  }
}
