/**
 * One analysis per open document's version and configuration: computed on this thread for ordinary
 * documents and by the host for very large ones (a worker thread in Node, a nested web worker in a browser), and the previous version's analysis
 * handed to the next one, so the items an edit did not touch are not read again (core/parse/memo.ts).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis, type AnalyzeOptions } from '../core/analyze';
import type { ReferatConfig } from '../core/config';
import type { ServerHost } from './host';

/** Texts above this size are analysed off the path of typing (the host's analyzeLarge); below it at once is faster than a round trip. */
export const LARGE_DOCUMENT_CHARS = 1_000_000;

interface Entry {
  version: number;
  configKey: string;
  analysis: Analysis | Promise<Analysis>;
}

export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();
  constructor(private readonly host: Pick<ServerHost, 'analyzeLarge' | 'afterAnalysis'>) {}

  /** The analysis of this version of the document under this configuration, computed once. */
  analysisOf(doc: TextDocument, config: ReferatConfig, source?: Pick<AnalyzeOptions, 'sourceFormat' | 'laidOut'>): Analysis | Promise<Analysis> {
    const configKey = JSON.stringify(config);
    const hit = this.entries.get(doc.uri);
    if (hit && hit.version === doc.version && hit.configKey === configKey) return hit.analysis;
    const text = doc.getText();
    // The previous version's analysis, when done and under the same configuration: the items an edit did not touch are reused.
    const previous = hit && hit.configKey === configKey && !(hit.analysis instanceof Promise) ? hit.analysis : undefined;
    const isSuperseded = () => this.entries.get(doc.uri)?.version !== doc.version;
    // source: a published file's view (the model records its format and the lines laid out by position); a large
    // document's model does not yet, so a large view's table sums keep full confidence.
    const analysis = text.length > LARGE_DOCUMENT_CHARS ? this.host.analyzeLarge(text, config, isSuperseded, previous) : analyze(text, { config, previous, ...source });
    this.entries.set(doc.uri, { version: doc.version, configKey, analysis });
    this.host.afterAnalysis();
    if (analysis instanceof Promise) {
      // Once done, later requests for this version get the result without waiting.
      void analysis.then(
        (a) => {
          const entry = this.entries.get(doc.uri);
          if (entry?.analysis === analysis) entry.analysis = a;
        },
        () => {
          if (this.entries.get(doc.uri)?.analysis === analysis) this.entries.delete(doc.uri);
        },
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
