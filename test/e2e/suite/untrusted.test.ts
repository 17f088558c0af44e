// Restricted Mode in a real VS Code: run.mjs's second launch turns workspace trust on and opens
// test/e2e/untrusted/, a folder nobody trusted. package.json declares untrustedWorkspaces "limited":
// the extension runs, the minutes are checked, and the folder's own profile (regular expressions
// from .referat.json) is left out. That profile requires no decisions, so RF001 shows it is not used.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { activate, eventually, EXTENSION_ID } from './helpers';

const code = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);
const FOLDER = path.resolve(__dirname, '..', '..', 'untrusted');

describe('Referat in an untrusted folder (Restricted Mode)', function () {
  this.timeout(60000);

  it('opened the folder untrusted, and the extension still activates', async () => {
    assert.strictEqual(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath, FOLDER);
    assert.strictEqual(vscode.workspace.isTrusted, false, 'the folder is not trusted');
    await activate();
  });

  it('checks the minutes but leaves out the workspace profile', async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(FOLDER, 'minutes.referat.txt')));
    await vscode.window.showTextDocument(doc);
    const ds = await eventually(() => vscode.languages.getDiagnostics(doc.uri), (d) => d.length > 0, 'diagnostics');
    assert.ok(ds.some((d) => code(d) === 'RF001'), `RF001 (the built-in template) among ${ds.map(code).join(', ')}`);
    const api = vscode.extensions.getExtension(EXTENSION_ID)!.exports as { client: { sendRequest<T>(m: string, p: unknown): Promise<T> } };
    const status = await api.client.sendRequest<{ profile: string } | null>('referat/status', { uri: doc.uri.toString() });
    assert.ok(status, 'the document is served');
    assert.notStrictEqual(status.profile, 'egen', 'the workspace profile is not used in Restricted Mode');
  });
});
