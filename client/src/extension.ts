/**
 * The VS Code client where the extension host runs in Node (desktop, a remote, code-server): starts the
 * Referat language server over IPC. Everything else is start.ts's, shared with the browser's entry
 * (web/extension.ts).
 */
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateReferat, type ReferatApi } from './start';

export type { ReferatApi } from './start';

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): ReferatApi {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  return activateReferat(context, (clientOptions) => (client = new LanguageClient('referat', 'Referat', serverOptions, clientOptions)));
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
