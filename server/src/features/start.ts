/**
 * The language server's wiring, the same on every platform: the document store over the host (Node's or a
 * web worker's, features/host.ts), each feature's registration, then listening. server.ts starts it in
 * Node, web/server.ts in a browser's web worker.
 */
import type { Connection } from 'vscode-languageserver';
import { registerCodeActions } from './codeActions';
import { registerCommands } from './commands';
import { registerCompletion } from './completion';
import { registerFolding } from './folding';
import type { Log } from './guard';
import type { ServerHost } from './host';
import { registerHover } from './hover';
import { registerDocumentSync, registerInitialize, registerSettingsChanges, registerWatchedFiles } from './lifecycle';
import { registerLinks } from './links';
import { registerSelection } from './selection';
import { registerSemanticTokens } from './semanticTokens';
import { registerSourceViews } from './sourceViews';
import { DocumentStore } from './store';
import { registerSymbols } from './symbols';
import { registerWorkspaceSymbols } from './workspaceSymbols';

export function startServer(connection: Connection, makeHost: (log: Log) => ServerHost): DocumentStore {
  const store = new DocumentStore(connection, makeHost);
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
  return store;
}
