// "Ignorér i dette dokument" in a real VS Code: the quick fix writes an ignore entry into
// .referat.json (created and saved), the document is left as it was, and the finding goes.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activate, eventually, open, WORKSPACE } from './helpers';

const code = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);

describe('Referat ignore quick fix in VS Code', function () {
  this.timeout(60000);
  before(activate);

  it('writes the entry into .referat.json, not into the minutes, and the finding goes', async () => {
    const file = path.join(WORKSPACE, 'tmp-ignore.referat');
    const config = path.join(WORKSPACE, '.referat.json');
    const content = 'REFERAT Socialudvalget d. 01-02-2022\n\nMødedato Tirsdag d. 01. februar 2022\n\nPunkt 1: Klage\n\nSagsfremstilling\n\nBorgeren 010203-1234 har klaget.\n\nBeslutning\n\nGodkendt\n';
    fs.writeFileSync(file, content);
    try {
      const doc = await open('tmp-ignore.referat');
      const ds = await eventually(() => vscode.languages.getDiagnostics(doc.uri), (d) => d.some((x) => code(x) === 'RF200'), 'RF200');
      const cpr = ds.find((x) => code(x) === 'RF200')!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, cpr.range);
      const ignore = actions.find((a) => a.title.startsWith('Ignorér RF200 i dette dokument'));
      assert.ok(ignore, actions.map((a) => a.title).join(' | '));
      assert.ok(await vscode.workspace.applyEdit(ignore.edit!));
      if (ignore.command) await vscode.commands.executeCommand(ignore.command.command, ...(ignore.command.arguments ?? []));
      await eventually(() => fs.existsSync(config) && fs.readFileSync(config, 'utf8'), (t) => Boolean(t) && /"ignore"/.test(t as string), '.referat.json saved');
      const entry = JSON.parse(fs.readFileSync(config, 'utf8')).ignore[0];
      assert.deepStrictEqual([entry.file, entry.code], ['tmp-ignore.referat', 'RF200']);
      assert.ok(!/010203|1234/.test(fs.readFileSync(config, 'utf8')), 'no digit of the CPR number in .referat.json');
      assert.strictEqual(doc.getText(), content, 'the minutes are not edited');
      await eventually(() => vscode.languages.getDiagnostics(doc.uri), (d) => !d.some((x) => code(x) === 'RF200'), 'RF200 gone');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(config, { force: true });
      fs.rmSync(file, { force: true });
    }
  });
});
