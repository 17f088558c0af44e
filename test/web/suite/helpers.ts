// What the web tests share: the extension's API, the workspace folder's files (by URI: there is no `path`
// here), polling, and the document symbols.
import * as vscode from 'vscode';
import { fail, ok } from './assert';

export const EXTENSION_ID = 'referat.referat';

/** The extension's API (client/src/start.ts's ReferatApi), as far as the tests use it. */
export interface Api {
  ready: Promise<void>;
  client: { sendRequest<T>(method: string, params: unknown): Promise<T> };
  overview: { overview: { items: { number: number }[] } | null };
  log: { lines(): string[] };
}

export async function activate(): Promise<Api> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  ok(ext, `extension ${EXTENSION_ID} is not installed in this VS Code`);
  const api = (await ext.activate()) as Api;
  await api.ready;
  return api;
}

export function fileUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function open(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(fileUri(name));
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** Polls until fn returns a value that passes check, or fails with the last value seen. */
export async function eventually<T>(fn: () => Thenable<T> | T, check: (v: T) => boolean, what: string, timeoutMs = 20000): Promise<T> {
  const start = Date.now();
  let last: T | undefined;
  while (Date.now() - start < timeoutMs) {
    last = await fn();
    if (check(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  return fail(`${what}: not within ${timeoutMs} ms; last value: ${JSON.stringify(last)?.slice(0, 800)}`);
}

export const code = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);

export function symbols(uri: vscode.Uri): Thenable<vscode.DocumentSymbol[] | undefined> {
  return vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri);
}

export function punkter(list: vscode.DocumentSymbol[] | undefined): vscode.DocumentSymbol[] {
  const all = (l: vscode.DocumentSymbol[] | undefined): vscode.DocumentSymbol[] => (l ?? []).flatMap((s) => [s, ...all(s.children)]);
  return all(list).filter((s) => /^Punkt \d+: /.test(s.name));
}
