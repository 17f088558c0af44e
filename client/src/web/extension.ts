/**
 * The VS Code client in the browser (vscode.dev, github.dev, code-server's web worker extension host): the
 * same client as on the desktop (start.ts), with the language server in a web worker (dist/web/server.js)
 * and the server's file requests answered through the editor's file system (files.ts).
 *
 * The worker is started from a blob: URL of the script's bytes: VS Code's web worker host refuses
 * `new Worker()` for an extension's own (vscode-remote:, https:) URL ("Creating workers from remote
 * extensions is currently not supported"), while a blob: URL of the same script works everywhere.
 */
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type MessageTransports } from 'vscode-languageclient/browser';
import { bytesToBase64 } from '../../../server/src/core/base64';
import { WebRequests, type ServerScriptResult } from '../../../server/src/core/protocol-web';
import { activateReferat, type ReferatApi } from '../start';
import { answerFileRequests } from './files';

export type { ReferatApi } from '../start';

// The web worker host's globals (the project's lib has no DOM types).
type WorkerLike = ConstructorParameters<typeof BrowserMessageReader>[0];
declare const Worker: new (url: string, options?: { name?: string }) => WorkerLike;
declare const Blob: new (parts: Uint8Array[], options: { type: string }) => object;
declare const URL: { createObjectURL(blob: object): string; revokeObjectURL(url: string): void };

let client: LanguageClient | undefined;

/**
 * The server's worker and the transports over it. Made here rather than by handing the worker to the
 * client: VS Code's web worker host wraps `Worker`, and what it returns fails the client's `instanceof Worker`.
 */
function serverScript(context: vscode.ExtensionContext): Thenable<Uint8Array> {
  return vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js'));
}

async function startWorker(context: vscode.ExtensionContext): Promise<MessageTransports> {
  const script = await serverScript(context);
  const url = URL.createObjectURL(new Blob([script], { type: 'text/javascript' }));
  try {
    const worker = new Worker(url, { name: 'Referat language server' });
    return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
  } finally {
    // The worker has fetched its script once it exists; the URL is not needed again.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

export function activate(context: vscode.ExtensionContext): ReferatApi {
  return activateReferat(context, (clientOptions) => {
    // vscode-languageclient 11: (id, name, worker or worker factory, options).
    client = new LanguageClient('referat', 'Referat', () => startWorker(context), clientOptions);
    // Registered before start: the server lists and reads the workspace as soon as it is initialized.
    context.subscriptions.push(...answerFileRequests(client));
    // The server starts its nested analysis worker (very large documents) from its own blob: URL of these bytes.
    context.subscriptions.push(client.onRequest(WebRequests.serverScript, async (): Promise<ServerScriptResult> => ({ base64: bytesToBase64(await serverScript(context)) })));
    return client;
  });
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
