/**
 * The Referat language server: a thin adapter from LSP to the core. A document store
 * (features/store.ts) keeps one analysis per open document version and validates while
 * typing (debounced) and on save; each feature file registers its own handlers against it,
 * and every handler is guarded (features/guard.ts): a failing request answers empty and is
 * logged to the output channel, never thrown at the editor.
 *
 * Start: `node dist/server.js --stdio` (any editor) or over IPC (the VS Code client).
 */
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { isAnalysisWorker, runAnalysisWorker } from './features/analysisPool';
import { registerCodeActions } from './features/codeActions';
import { registerCommands } from './features/commands';
import { registerCompletion } from './features/completion';
import { registerFolding } from './features/folding';
import { registerHover } from './features/hover';
import { registerDocumentSync, registerInitialize, registerSettingsChanges, registerWatchedFiles } from './features/lifecycle';
import { registerLinks } from './features/links';
import { registerSelection } from './features/selection';
import { registerSemanticTokens } from './features/semanticTokens';
import { registerSourceViews } from './features/sourceViews';
import { DocumentStore } from './features/store';
import { registerSymbols } from './features/symbols';
import { registerWorkspaceSymbols } from './features/workspaceSymbols';

export { Notifications, Requests } from './features/protocol';

export function startServer(connection: Connection): void {
  // The analysis worker runs this same bundle (dist/server.js).
  const store = new DocumentStore(connection, __filename);
  registerInitialize(store);
  registerSettingsChanges(store);
  registerWatchedFiles(store);
  registerDocumentSync(store);
  registerSymbols(store);
  registerFolding(store);
  registerLinks(store);
  registerSelection(store);
  registerWorkspaceSymbols(store);
  registerCodeActions(store);
  registerSemanticTokens(store);
  registerHover(store);
  registerCompletion(store);
  registerCommands(store);
  registerSourceViews(store);
  store.documents.listen(connection);
  connection.listen();
}

if (isAnalysisWorker()) {
  runAnalysisWorker();
} else if (require.main === module) {
  const connection = createConnection(ProposedFeatures.all);
  process.on('uncaughtException', (e) => connection.console.error(`[referat] uncaught: ${e.stack ?? e}`));
  process.on('unhandledRejection', (e) => connection.console.error(`[referat] unhandled rejection: ${e}`));
  startServer(connection);
}
