/**
 * Large documents are analysed in a worker thread, so the server keeps answering
 * for every other document while a 20 MB file is read. The worker runs this same
 * bundle (dist/server.js) with workerData.role === 'analysis'.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { analyze, registryFor, type Analysis } from '../core/analyze';
import type { ReferatConfig } from '../core/config';
import type { Finding, MinutesDocument } from '../core/model';
import { LineIndex } from '../core/text/lines';
import { packBodies, unpackBodies, type PackedBodies } from './packedBodies';

interface Job {
  id: number;
  text: string;
  config: ReferatConfig;
}
interface Result {
  id: number;
  model?: MinutesDocument;
  /** The model's section bodies, taken out of it and sent as numbers (packedBodies.ts). */
  bodies?: PackedBodies;
  findings?: Finding[];
  error?: string;
}

export function isAnalysisWorker(): boolean {
  return !isMainThread && (workerData as { role?: string } | null)?.role === 'analysis';
}

/** The worker's side: analyse what the main thread sends. */
export function runAnalysisWorker(): void {
  parentPort!.on('message', (job: Job) => {
    let result: Result;
    try {
      const a = analyze(job.text, { config: job.config });
      result = { id: job.id, model: a.model, bodies: packBodies(a.model, a.lines), findings: a.findings };
    } catch (e) {
      result = { id: job.id, error: (e as Error).stack ?? String(e) };
    }
    parentPort!.postMessage(result, result.bodies ? [result.bodies.numbers.buffer as ArrayBuffer] : []);
  });
}

/** An Analysis rebuilt on the main thread: the section bodies read again from a line index of the same text. */
function fromWorker(text: string, config: ReferatConfig, model: MinutesDocument, bodies: PackedBodies, findings: Finding[]): Analysis {
  const lines = new LineIndex(text);
  unpackBodies(model, bodies, lines);
  return { model, findings, profile: registryFor(config).get(model.profile), lines };
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
      worker.postMessage({ id, text, config } satisfies Job);
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script, { workerData: { role: 'analysis' } });
    worker.on('message', (r: Result) => {
      const job = this.pending.get(r.id);
      if (!job) return;
      this.pending.delete(r.id);
      if (r.error || !r.model || !r.bodies || !r.findings) job.reject(new Error(r.error ?? 'no result'));
      else job.resolve(fromWorker(job.text, job.config, r.model, r.bodies, r.findings));
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
