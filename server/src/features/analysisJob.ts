/**
 * One large document's analysis away from the server's thread, as the two hosts send it: a Node worker
 * thread (analysisPool.ts) and a browser's nested web worker (server/src/web/analysis-worker.ts). The same
 * request, the same answer (the model with its section bodies packed as numbers, packedBodies.ts), and the
 * same rebuilding on the server's side, so both give what `analyze(text, { config })` gives. No Node module.
 */
import { analyze, registryFor, type Analysis } from '../core/analyze';
import type { ReferatConfig } from '../core/config';
import type { Finding, MinutesDocument } from '../core/model';
import { LineIndex } from '../core/text/lines';
import { packBodies, unpackBodies, type PackedBodies } from './packedBodies';

export interface AnalysisJob {
  id: number;
  text: string;
  config: ReferatConfig;
}

export interface AnalysisAnswer {
  id: number;
  model?: MinutesDocument;
  /** The model's section bodies, taken out of it and sent as numbers (packedBodies.ts). */
  bodies?: PackedBodies;
  findings?: Finding[];
  error?: string;
}

/** The worker's side: the answer to a job, and the buffer to transfer with it rather than copy. */
export function answerJob(job: AnalysisJob): { answer: AnalysisAnswer; transfer: ArrayBuffer[] } {
  try {
    const a = analyze(job.text, { config: job.config });
    const bodies = packBodies(a.model, a.lines);
    return { answer: { id: job.id, model: a.model, bodies, findings: a.findings }, transfer: [bodies.numbers.buffer as ArrayBuffer] };
  } catch (e) {
    return { answer: { id: job.id, error: (e as Error).stack ?? String(e) }, transfer: [] };
  }
}

/** The server's side: the Analysis of the job's text, its section bodies read again from a line index of the same text. */
export function analysisOfAnswer(job: Pick<AnalysisJob, 'text' | 'config'>, answer: AnalysisAnswer): Analysis {
  if (answer.error || !answer.model || !answer.bodies || !answer.findings) throw new Error(answer.error ?? 'no result');
  const lines = new LineIndex(job.text);
  unpackBodies(answer.model, answer.bodies, lines);
  return { model: answer.model, findings: answer.findings, profile: registryFor(job.config).get(answer.model.profile), lines };
}
