/**
 * The Referat language server in Node: a thin adapter from LSP to the core. A document store
 * (features/store.ts) keeps one analysis per open document version and validates while
 * typing (debounced) and on save; each feature file registers its own handlers against it
 * (features/start.ts), and every handler is guarded (features/guard.ts): a failing request answers
 * empty and is logged to the output channel, never thrown at the editor. The same features run in a
 * browser's web worker (web/server.ts); what differs is the host (features/node-host.ts here).
 *
 * Start: `node dist/server.js --stdio` (any editor) or over IPC (the VS Code client).
 */
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { isAnalysisWorker, runAnalysisWorker } from './features/analysisPool';
import { isReadWorker, runReadWorker } from './node/read-worker';
import { nodeHost } from './features/node-host';
import { startServer as startWith } from './features/start';

export { Notifications, Requests } from './features/protocol';

export function startServer(connection: Connection): void {
  // The analysis worker runs this same bundle (dist/server.js).
  startWith(connection, (log) => nodeHost(__filename, log));
}

if (isAnalysisWorker()) {
  runAnalysisWorker();
} else if (isReadWorker()) {
  // A published file read in a thread of its own (node/read-worker.ts), for the hard time limit.
  runReadWorker();
} else if (require.main === module) {
  const connection = createConnection(ProposedFeatures.all);
  process.on('uncaughtException', (e) => connection.console.error(`[referat] uncaught: ${e.stack ?? e}`));
  process.on('unhandledRejection', (e) => connection.console.error(`[referat] unhandled rejection: ${e}`));
  startServer(connection);
}
