/**
 * The language server's platform in a browser's web worker (features/host.ts): no disk, no threads, no
 * Node. Files come from the editor's file system through the client (client-files.ts), documents of any
 * scheme the editor has are named by paths.ts, and a very large document is analysed in a nested web worker
 * (analysis-worker.ts) started from a blob: URL of the server's own script, which the client sends
 * (VS Code's web worker host refuses workers from an extension's URL, not from a blob: URL), so the server
 * keeps answering meanwhile; a version typed over is not analysed, or its analysis is stopped. Where no nested
 * worker can be started, the analysis runs on this thread in a later task, so that the keystrokes before it
 * get through first and a version typed over before its turn is never analysed.
 */
import type { Connection } from 'vscode-languageserver';
import { analyze, type Analysis } from '../core/analyze';
import type { ReferatConfig } from '../core/config';
import type { Log } from '../features/guard';
import { SupersededError, type ServerHost } from '../features/host';
import { base64ToBytes } from '../core/base64';
import { WebRequests, type ServerScriptResult } from '../core/protocol-web';
import { createWorkspace } from '../node/workspace';
import { ANALYSIS_WORKER_NAME, NestedAnalysis, type NestedWorker } from './analysis-worker';
import { ClientFiles } from './client-files';
import { pathOfUri, uriOfPath } from './paths';

/** The next task: messages that arrived meanwhile (a keystroke, a cancellation) are handled first. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

// The web worker's globals (the project's lib has no WebWorker types); absent where there are none (bench/web.mjs's Node shim).
declare const Worker: (new (url: string, options: { name: string }) => NestedWorker) | undefined;
declare const Blob: new (parts: Uint8Array[], options: { type: string }) => object;
declare const URL: { createObjectURL(blob: object): string };

/** Starts a nested worker on the server's own script, fetched from the client once (its blob: URL kept for the server's life). */
function nestedWorkers(connection: Pick<Connection, 'sendRequest'>): () => Promise<NestedWorker | undefined> {
  let script: Promise<string> | undefined;
  return async () => {
    if (typeof Worker !== 'function') return undefined;
    script ??= connection.sendRequest<ServerScriptResult>(WebRequests.serverScript).then(({ base64 }) => URL.createObjectURL(new Blob([base64ToBytes(base64)], { type: 'text/javascript' })));
    return new Worker(await script, { name: ANALYSIS_WORKER_NAME });
  };
}

/** A large document in a later task of this thread: what is used where no nested worker can be started. */
async function inThread(text: string, config: ReferatConfig, isSuperseded: () => boolean, previous?: Analysis): Promise<Analysis> {
  await nextTask();
  if (isSuperseded()) throw new SupersededError();
  return analyze(text, { config, previous });
}

export function webHost(connection: Pick<Connection, 'sendRequest'>, log: Log): ServerHost {
  const files = new ClientFiles(connection, log);
  const large = new NestedAnalysis(nestedWorkers(connection), inThread, log);
  return {
    kind: 'web-worker',
    workspace: createWorkspace(files),
    pathOf: pathOfUri,
    uriOf: uriOfPath,
    prepare: (request) => files.prepare(request),
    analyzeLarge: (text, config, isSuperseded, previous) => large.analyze(text, config, isSuperseded, previous),
    afterAnalysis: () => undefined,
    yieldToEvents: nextTask,
    // The rule pages are not on a disk the worker can name: the diagnostic's link goes to the web page.
    localRulePage: () => undefined,
  };
}
