/**
 * The language server's platform in Node (features/host.ts): the disk through node/disk.ts, file: URIs,
 * very large documents in a worker thread (analysisPool.ts), V8's young generation capped, the rule pages
 * shipped beside dist/.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { URI } from 'vscode-uri';
import { nodeWorkspace } from '../node/disk';
import { readInput } from '../node/read-document';
import { AnalysisPool } from './analysisPool';
import type { Log } from './guard';
import type { ServerHost } from './host';

/**
 * The rule pages the extension ships (docs/rules/ next to dist/, see .vscodeignore): a
 * diagnostic's code opens the page from disk, so it works where the network blocks GitHub.
 * Without them (a server run from elsewhere) the link goes to the release's page on the web.
 */
const LOCAL_RULE_PAGES = path.join(__dirname, '..', 'docs', 'rules');

/** workerScript: the bundle the analysis worker runs (dist/server.js). */
export function nodeHost(workerScript: string, log: Log): ServerHost {
  const pool = new AnalysisPool(workerScript, log);
  const localPages = new Map<string, string | undefined>();
  return {
    kind: 'node',
    workspace: nodeWorkspace(),
    pathOf: (uri) => {
      const parsed = URI.parse(uri);
      return parsed.scheme === 'file' ? parsed.fsPath : undefined;
    },
    uriOf: (file) => URI.file(file).toString(),
    prepare: () => Promise.resolve(),
    analyzeLarge: (text, config) => pool.analyze(text, config),
    // Published files in a thread of their own, stopped at the time limit (node/read-worker.ts); under a
    // TypeScript loader (tests) there is no bundle for such a thread to run, so they are read here.
    readInput: readInput(workerScript.endsWith('.js') ? workerScript : undefined),
    afterAnalysis: capYoungGeneration,
    yieldToEvents: () => new Promise((resolve) => setImmediate(resolve)),
    localRulePage: (code) => {
      if (!localPages.has(code)) {
        const file = path.join(LOCAL_RULE_PAGES, `${code}.md`);
        localPages.set(code, existsSync(file) ? URI.file(file).toString() : undefined);
      }
      return localPages.get(code);
    },
  };
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
