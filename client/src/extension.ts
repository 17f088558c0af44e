/**
 * The VS Code client where the extension host runs in Node (desktop, a remote, code-server): starts the
 * Referat language server over IPC. Everything else is start.ts's, shared with the browser's entry
 * (web/extension.ts).
 */
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateReferat, type ReferatApi } from './start';
// Node flags of the server process, shared with bench/lsp.mjs (which starts the server as this client does).
import serverNodeFlags from './server-node-flags.json';

export type { ReferatApi } from './start';

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): ReferatApi {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    // A young generation of 1 MB semi-spaces instead of V8's default (up to 16 MB): the server's garbage is
    // short-lived per request, and the larger nursery only made its resident memory some 6 MB bigger with 50
    // documents open (bench/lsp.mjs: 88.8 -> 83.0 MB). One V8 platform thread instead of one a core: each
    // thread its own arenas and stacks, 83.0 -> 79.3 MB; the keystroke and 20 MB figures stayed the same.
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: serverNodeFlags.execArgv } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...serverNodeFlags.execArgv, '--nolazy', '--inspect=6009'] } },
  };
  return activateReferat(context, (clientOptions) => (client = new LanguageClient('referat', 'Referat', serverOptions, clientOptions)));
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
