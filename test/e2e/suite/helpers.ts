import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';

export const WORKSPACE = path.resolve(__dirname, '..', '..', 'workspace');
export const EXTENSION_ID = 'referat.referat';

/** Activates the extension and waits until its language server runs. */
export async function activate(): Promise<void> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this VS Code`);
  const api = (await ext.activate()) as { ready: Promise<void> };
  await api.ready;
}

export async function open(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(WORKSPACE, name)));
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
  assert.fail(`${what}: not within ${timeoutMs} ms; last value: ${JSON.stringify(last)?.slice(0, 800)}`);
}

export function symbols(uri: vscode.Uri): Thenable<vscode.DocumentSymbol[] | undefined> {
  return vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri);
}

/** All symbols in a tree, depth first. */
export function flatten(list: vscode.DocumentSymbol[] | undefined): vscode.DocumentSymbol[] {
  return (list ?? []).flatMap((s) => [s, ...flatten(s.children)]);
}

export function punkter(list: vscode.DocumentSymbol[] | undefined): vscode.DocumentSymbol[] {
  return flatten(list).filter((s) => /^Punkt \d+: /.test(s.name));
}
