// Smoke test: fails unless it runs inside a real VS Code extension host with the fixture workspace open.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';

// This file runs from test/e2e/.run/suite/ (bundled by test/e2e/run.mjs); the fixture is test/e2e/workspace/.
const FIXTURE_WORKSPACE = path.resolve(__dirname, '..', '..', 'workspace');

describe('e2e smoke: real VS Code', () => {
  it('has the real vscode API', () => {
    assert.strictEqual(typeof vscode.version, 'string');
    assert.match(vscode.version, /^\d+\.\d+\.\d+/, `vscode.version is '${vscode.version}'`);
    assert.ok(vscode.env.appName, 'vscode.env.appName is empty');
    assert.strictEqual(typeof vscode.commands.executeCommand, 'function');
    console.log(`    (${vscode.env.appName} ${vscode.version}, uiKind ${vscode.UIKind[vscode.env.uiKind]}, node ${process.version})`);
  });

  it('opened the fixture workspace', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.strictEqual(folders.length, 1, `workspace folders: ${folders.map((f) => f.uri.toString()).join(', ')}`);
    assert.strictEqual(folders[0].uri.fsPath, FIXTURE_WORKSPACE);
  });

  it('sees minutes.referat.txt in the workspace', async () => {
    const folder = vscode.workspace.workspaceFolders![0];
    const uri = vscode.Uri.joinPath(folder.uri, 'minutes.referat.txt');
    const stat = await vscode.workspace.fs.stat(uri);
    assert.strictEqual(stat.type, vscode.FileType.File);
    const found = await vscode.workspace.findFiles('*.referat.txt');
    assert.deepStrictEqual(
      found.map((u) => path.basename(u.fsPath)),
      ['minutes.referat.txt'],
    );
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.ok(doc.lineCount > 100, `only ${doc.lineCount} lines`);
    assert.match(doc.getText(), /REFERAT/);
  });
});
