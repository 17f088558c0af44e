/**
 * The Referat language server in a browser's web worker (vscode.dev, github.dev, code-server's web worker
 * extension host): the same features as in Node (features/start.ts), over postMessage, with the web
 * worker's host (web/host.ts). Built by esbuild.js into dist/web/server.js (an IIFE, no Node module).
 * Started under the name ANALYSIS_WORKER_NAME, the same script is instead the server's nested worker for
 * very large documents (web/analysis-worker.ts), as dist/server.js is Node's analysis thread.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startServer } from '../features/start';
import { ANALYSIS_WORKER_NAME, runNestedAnalysisWorker, type AnalysisWorkerScope } from './analysis-worker';
import { webHost } from './host';

// The worker's global scope; typed by what the message reader takes (the project's lib has no WebWorker types).
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];
interface ErrorEvents {
  addEventListener(type: 'error' | 'unhandledrejection', listener: (event: { message?: string; reason?: unknown }) => void): void;
}

if ((self as { name?: string }).name === ANALYSIS_WORKER_NAME) {
  runNestedAnalysisWorker(self as unknown as AnalysisWorkerScope);
} else {
  const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
  const scope = self as unknown as ErrorEvents;
  scope.addEventListener('error', (e) => connection.console.error(`[referat] uncaught: ${e.message}`));
  scope.addEventListener('unhandledrejection', (e) => connection.console.error(`[referat] unhandled rejection: ${e.reason}`));
  startServer(connection, (log) => webHost(connection, log));
}
