// The structure quick fixes in a real VS Code: RF001 inserts the decision heading, RF040 then
// offers the usual decision phrases, and RF006 merges a repeated section; each finding goes.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activate, eventually } from './helpers';

const code = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);

async function fixFor(doc: vscode.TextDocument, rule: string, title: RegExp): Promise<vscode.CodeAction> {
  const ds = await eventually(() => vscode.languages.getDiagnostics(doc.uri), (d) => d.some((x) => code(x) === rule), rule);
  const diagnostic = ds.find((x) => code(x) === rule)!;
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  const action = actions.find((a) => title.test(a.title));
  assert.ok(action, `${rule}: ${actions.map((a) => a.title).join(' | ')}`);
  return action;
}

describe('Referat structure quick fixes in VS Code', function () {
  this.timeout(60000);
  before(activate);
  afterEach(() => vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor'));

  it('RF001 inserts the decision heading; RF040 then writes a usual decision phrase', async () => {
    const content = 'REFERAT Økonomiudvalget d. 01-02-2022\n\nMødedato Tirsdag d. 01. februar 2022\n\nPunkt 1: Budget\n\nIndstilling\n\nDirektionen indstiller, at budgettet godkendes.\n';
    const doc = await vscode.workspace.openTextDocument({ language: 'referat', content });
    await vscode.window.showTextDocument(doc);
    const insert = await fixFor(doc, 'RF001', /^Indsæt afsnittet ».+«$/);
    assert.ok(await vscode.workspace.applyEdit(insert.edit!));
    assert.match(doc.getText(), /godkendes\.\n\n(Beslutning|Vedtagelse)[^\n]*\n\n\[Tekst mangler\]\n$/);
    await eventually(() => vscode.languages.getDiagnostics(doc.uri), (d) => !d.some((x) => code(x) === 'RF001'), 'RF001 gone');
    const write = await fixFor(doc, 'RF040', /^Skriv »Godkendt«$/);
    assert.ok(await vscode.workspace.applyEdit(write.edit!));
    assert.match(doc.getText(), /\n\nGodkendt\n$/);
    await eventually(() => vscode.languages.getDiagnostics(doc.uri), (d) => !d.some((x) => code(x) === 'RF040'), 'RF040 gone');
  });

  it('RF006 merges the repeated section into the first, every line kept', async () => {
    const content = 'REFERAT Økonomiudvalget d. 01-02-2022\n\nMødedato Tirsdag d. 01. februar 2022\n\nPunkt 1: Budget\n\nIndstilling\n\nat A.\n\nIndstilling\n\nat B.\n\nBeslutning\n\nGodkendt.\n';
    const doc = await vscode.workspace.openTextDocument({ language: 'referat', content });
    await vscode.window.showTextDocument(doc);
    const merge = await fixFor(doc, 'RF006', /»Indstilling«/);
    assert.ok(await vscode.workspace.applyEdit(merge.edit!));
    assert.strictEqual(doc.getText(), 'REFERAT Økonomiudvalget d. 01-02-2022\n\nMødedato Tirsdag d. 01. februar 2022\n\nPunkt 1: Budget\n\nIndstilling\n\nat A.\n\nat B.\n\nBeslutning\n\nGodkendt.\n');
    await eventually(() => vscode.languages.getDiagnostics(doc.uri), (d) => !d.some((x) => code(x) === 'RF006'), 'RF006 gone');
  });
});
