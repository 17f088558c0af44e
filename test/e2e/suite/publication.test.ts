// Publication safety and cross-document checks in a real VS Code: a CPR number
// removed by its quick fix, and minutes compared with their agenda in the workspace.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activate, eventually, open, WORKSPACE } from './helpers';

const code = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);
const CROSSDOC = path.resolve(WORKSPACE, '..', '..', 'fixtures', 'rules', 'crossdoc');

describe('Referat publication safety in VS Code', function () {
  this.timeout(60000);
  before(activate);

  it('reports a CPR number as an error without repeating it, and removes it with the quick fix', async () => {
    const content = 'REFERAT Socialudvalget d. 01-02-2022\n\nMødedato Tirsdag d. 01. februar 2022\n\nPunkt 1: Klage\n\n22/55\n\nIndhold\n\nSammendrag\n\nBorgeren (CPR 010203-1234) har klaget.\n\nSagsfremstilling\n\nTekst.\n\nIndstilling\n\nForvaltningen indstiller, at klagen afvises.\n\nBeslutning\n\nGodkendt\n';
    const doc = await vscode.workspace.openTextDocument({ language: 'referat', content });
    await vscode.window.showTextDocument(doc);
    const ds = await eventually(() => vscode.languages.getDiagnostics(doc.uri), (d) => d.some((x) => code(x) === 'RF200'), 'RF200');
    const cpr = ds.find((x) => code(x) === 'RF200')!;
    assert.strictEqual(cpr.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(doc.getText(cpr.range), '010203-1234');
    assert.ok(!/\d/.test(cpr.message), 'the message holds no digit of the number');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, cpr.range);
    const remove = actions.find((a) => a.edit && /CPR/.test(a.title));
    assert.ok(remove, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(remove.edit!));
    assert.match(doc.getText(), /\nBorgeren har klaget\.\n/);
    await eventually(() => vscode.languages.getDiagnostics(doc.uri), (d) => !d.some((x) => code(x) === 'RF200'), 'RF200 gone');
  });

  it('compares minutes with their agenda from the workspace', async () => {
    const files = ['agenda.txt', 'minutes.txt'].map((f) => path.join(WORKSPACE, `tmp-crossdoc-${f}`));
    // Another meeting day than the Ballerup seed in the same workspace, so the copies pair only with each other.
    const moved = (name: string) => fs.readFileSync(path.join(CROSSDOC, name), 'utf8').replace(/09-03-2021/g, '16-03-2021').replace(/Tirsdag d\. 09\. marts 2021/g, 'Tirsdag d. 16. marts 2021');
    fs.writeFileSync(files[0], moved('agenda.txt'));
    fs.writeFileSync(files[1], moved('minutes.txt'));
    try {
      // The agenda reaches the server through the file watcher, without being opened.
      await new Promise((r) => setTimeout(r, 1500));
      const doc = await open('tmp-crossdoc-minutes.txt');
      const ds = await eventually(async () => {
        // Touch the document so the minutes are compared again once the agenda is indexed.
        const edit = new vscode.WorkspaceEdit();
        edit.insert(doc.uri, new vscode.Position(doc.lineCount, 0), '');
        await vscode.workspace.applyEdit(edit);
        return vscode.languages.getDiagnostics(doc.uri);
      }, (d) => d.some((x) => code(x) === 'RF220'), 'RF220');
      const rf220 = ds.filter((x) => code(x) === 'RF220');
      assert.strictEqual(rf220.length, 3);
      assert.ok(rf220[0].relatedInformation?.some((r) => r.location.uri.fsPath === files[0]));
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      for (const f of files) fs.rmSync(f, { force: true });
    }
  });
});
