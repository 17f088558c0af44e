/**
 * One analysis per open document's version and configuration: computed on this thread for ordinary
 * documents and in the worker for very large ones (analysisPool.ts), and the previous version's analysis
 * handed to the next one, so the items an edit did not touch are not read again (core/parse/memo.ts).
 */
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from '../core/analyze';
import type { ReferatConfig } from '../core/config';
import type { SourceFormat } from '../core/model';
import { AnalysisPool, WORKER_THRESHOLD_CHARS } from './analysisPool';
import type { Log } from './guard';

interface Entry {
  version: number;
  configKey: string;
  analysis: Analysis | Promise<Analysis>;
}

export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();
  private readonly pool: AnalysisPool;

  /** workerScript: the bundle the analysis worker runs (dist/server.js). */
  constructor(workerScript: string, log: Log) {
    this.pool = new AnalysisPool(workerScript, log);
  }

  /** The analysis of this version of the document under this configuration, computed once. */
  analysisOf(doc: TextDocument, config: ReferatConfig, sourceFormat?: SourceFormat): Analysis | Promise<Analysis> {
    const configKey = JSON.stringify(config);
    const hit = this.entries.get(doc.uri);
    if (hit && hit.version === doc.version && hit.configKey === configKey) return hit.analysis;
    const text = doc.getText();
    // The previous version's analysis, when done and under the same configuration: the items an edit did not touch are reused.
    const previous = hit && hit.configKey === configKey && !(hit.analysis instanceof Promise) ? hit.analysis : undefined;
    // sourceFormat: a published file's view (the model records it); the worker's model does not, which nothing reads yet.
    const analysis = text.length > WORKER_THRESHOLD_CHARS ? this.pool.analyze(text, config) : analyze(text, { config, previous, ...(sourceFormat ? { sourceFormat } : {}) });
    this.entries.set(doc.uri, { version: doc.version, configKey, analysis });
    capYoungGeneration();
    if (analysis instanceof Promise) {
      // Once done, later requests for this version get the result without waiting.
      void analysis.then(
        (a) => {
          const entry = this.entries.get(doc.uri);
          if (entry?.analysis === analysis) entry.analysis = a;
        },
        () => this.entries.delete(doc.uri),
      );
    }
    return analysis;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }

  /** Settings, trust or a .referat.json changed: nothing computed before holds. */
  clear(): void {
    this.entries.clear();
  }
}

/** The young generation may grow to this many MB (V8's own limit is 32; see capYoungGeneration). */
const YOUNG_GENERATION_CAP_MB = 8;
let youngGenerationCapped = false;

/**
 * Memory: V8 grows its young generation (where each analysis' short-lived objects go) from
 * 2 MB up to 32 MB when work allocates fast, such as the editor opening fifty documents at
 * once, and that space stays resident. Called after each analysis: once the space has reached
 * the cap it grows no more (the growth factor is read when the space would grow, so setting it
 * at run time takes effect). Kept at 2 MB the peak RSS with fifty documents open was some 20 MB
 * lower, but a keystroke in a 10,000-line document took 2-3 ms longer (its garbage no longer
 * died young); the cap keeps most of the first and little of the second.
 */
function capYoungGeneration(): void {
  if (youngGenerationCapped) return;
  const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  if (!young || young.space_size < YOUNG_GENERATION_CAP_MB * 1048576) return;
  youngGenerationCapped = true;
  try {
    setFlagsFromString('--semi-space-growth-factor=1');
  } catch {
    /* a V8 without the flag: the default applies */
  }
}
