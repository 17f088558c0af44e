// Diagnostics in a real VS Code: the seeds' real defects, a quick fix applied with
// workspace.applyEdit, fix-all, validation on save, a rule turned off in the
// settings, and "Validate workspace" without opening the files.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activate, eventually, open, WORKSPACE } from './helpers';

const code = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);
const serious = (ds: readonly vscode.Diagnostic[]) =>
  ds.filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning && d.source === 'referat');

const BALLERUP = [
  'REFERAT Økonomiudvalget d. 01-02-2022', '', 'Mødedato Onsdag d. 01. februar 2022 kl. 13:00', '',
  'Punkt 1: Budget', '', '00.01.00-P22-1-21', '', 'Indhold', '', 'Sammendrag', '', 'Tekst.', '', 'Sagsfremstilling', '', 'Tekst.', '',
  'Bilag', '', '2 bilag, heraf 2 anbefales', '', 'Beslutningen træffes af', '', 'Økonomiudvalget', '',
  'Indstilling', '', 'Administrationen indstiller, at budgettet godkendes.', '', 'Beslutning', '', 'Godkendt', '',
  'Bilag', '', 'ANBEALES Budgetnotat', '', 'ANBEFALES Oversigt', '',
].join('\n');

describe('Referat diagnostics in VS Code', function () {
  this.timeout(90000);
  before(activate);

  it('finds exactly the real defects of the Ballerup seed', async () => {
    const doc = await open('001_1bb751e75b116f8a.txt');
    const ds = await eventually(() => serious(vscode.languages.getDiagnostics(doc.uri)), (d) => d.length >= 2, 'two findings');
    assert.deepStrictEqual(ds.map((d) => [code(d), d.range.start.line + 1]).sort(), [['RF023', 226], ['RF030', 625]]);
    const rf030 = ds.find((d) => code(d) === 'RF030')!;
    assert.strictEqual(doc.getText(rf030.range), 'ANBEALES');
  });

  it('finds the one table defect of the Rudersdal seed and explains a total on hover', async () => {
    const doc = await open('000_1bde0758b15ed079.txt');
    const ds = await eventually(() => serious(vscode.languages.getDiagnostics(doc.uri)), (d) => d.length >= 1, 'RF103');
    assert.deepStrictEqual(ds.map((d) => [code(d), doc.getText(d.range)]), [['RF103', '751']]);
    const line = doc.getText().split('\n').indexOf('I alt\t1.303\t635\t668');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, 7));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /1\.303/);
  });

  it('applies a quick fix with workspace.applyEdit: a misspelt ANBEFALES', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'referat', content: BALLERUP });
    await vscode.window.showTextDocument(doc);
    const ds = await eventually(() => vscode.languages.getDiagnostics(doc.uri), (d) => d.some((x) => code(x) === 'RF030'), 'RF030');
    const rf030 = ds.find((x) => code(x) === 'RF030')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, rf030.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.edit && /ANBEFALES/.test(a.title));
    assert.ok(fix, `a quick fix for RF030 among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.strictEqual(fix.kind?.value, 'quickfix');
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.match(doc.getText(), /\nANBEFALES Budgetnotat\n/);
    await eventually(() => vscode.languages.getDiagnostics(doc.uri), (d) => !d.some((x) => code(x) === 'RF030'), 'RF030 gone');
  });

  it('inserts a missing Indstilling at its template place with a quick fix (structure rules)', async () => {
    const content = 'REFERAT Økonomiudvalget d. 01-02-2022\n\nMødedato Tirsdag d. 01. februar 2022 kl. 13:00\n\nPunkt 1: Budget\n\n21/100\n\nResumé\n\nTekst.\n\nSagsfremstilling\n\nTekst.\n\nVedtagelse i Økonomiudvalget den 01-02-2022\n\nGodkendt.\n';
    const doc = await vscode.workspace.openTextDocument({ language: 'referat', content });
    await vscode.window.showTextDocument(doc);
    const ds = await eventually(() => vscode.languages.getDiagnostics(doc.uri), (d) => d.some((x) => code(x) === 'RF002'), 'RF002');
    const rf002 = ds.find((x) => code(x) === 'RF002')!;
    assert.strictEqual(rf002.severity, vscode.DiagnosticSeverity.Error);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, rf002.range);
    const fix = actions.find((a) => a.edit && /Indstilling/.test(a.title));
    assert.ok(fix, `an insert fix among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.strictEqual(fix.kind?.value, 'quickfix');
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    const lines = doc.getText().split('\n');
    assert.ok(lines.indexOf('Indstilling') > lines.indexOf('Sagsfremstilling') && lines.indexOf('Indstilling') < lines.indexOf('Vedtagelse i Økonomiudvalget den 01-02-2022'), doc.getText());
    await eventually(() => vscode.languages.getDiagnostics(doc.uri), (d) => !d.some((x) => code(x) === 'RF002'), 'RF002 gone');
  });

  it('fix all applies the safe fixes at once: weekday, marker spelling, numbering', async () => {
    const content = BALLERUP.replace('Punkt 1: Budget', 'Punkt 1: Budget').concat('\nPunkt 3: Skoler\n\n00.01.00-P22-2-21\n\nIndhold\n\nSammendrag\n\nTekst.\n\nSagsfremstilling\n\nTekst.\n\nBeslutningen træffes af\n\nØkonomiudvalget\n\nIndstilling\n\nGodkendes.\n\nBeslutning\n\nGodkendt\n');
    const doc = await vscode.workspace.openTextDocument({ language: 'referat', content });
    await vscode.window.showTextDocument(doc);
    const before = await eventually(() => serious(vscode.languages.getDiagnostics(doc.uri)), (d) => ['RF020', 'RF030', 'RF010'].every((c) => d.some((x) => code(x) === c)), 'RF020, RF030 and RF010');
    assert.ok(before.length >= 3);
    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, whole, 'source.fixAll.referat');
    const fixAll = actions.find((a) => a.kind?.value === 'source.fixAll.referat');
    assert.ok(fixAll?.edit, `fix-all among: ${actions.map((a) => `${a.kind?.value}: ${a.title}`).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit!));
    const text = doc.getText();
    assert.match(text, /Mødedato Tirsdag d\. 01\. februar 2022/);
    assert.match(text, /\nANBEFALES Budgetnotat\n/);
    assert.match(text, /\nPunkt 2: Skoler\n/);
    assert.match(text, /Administrationen indstiller, at budgettet godkendes\./, 'decisions and recommendations untouched');
    await eventually(() => serious(vscode.languages.getDiagnostics(doc.uri)), (d) => d.length === 0, 'no warnings left');
  });

  it('validates on save when referat.validate is onSave', async () => {
    const file = path.join(WORKSPACE, 'tmp-onsave.referat');
    // Clean at first: the right weekday, the right marker.
    fs.writeFileSync(file, BALLERUP.replace('ANBEALES', 'ANBEFALES').replace('Mødedato Onsdag', 'Mødedato Tirsdag'));
    const config = vscode.workspace.getConfiguration('referat');
    await config.update('validate', 'onSave', vscode.ConfigurationTarget.Global);
    // The web workbench may save by itself after a delay; this test saves when it means to.
    const files = vscode.workspace.getConfiguration('files');
    await files.update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    try {
      const doc = await open('tmp-onsave.referat');
      // Validated on open: nothing to report.
      await eventually(() => serious(vscode.languages.getDiagnostics(doc.uri)), (d) => d.length === 0, 'clean on open', 5000);
      const editor = vscode.window.activeTextEditor!;
      const line = doc.getText().split('\n').indexOf('Mødedato Tirsdag d. 01. februar 2022 kl. 13:00');
      assert.ok(line > 0);
      await editor.edit((e) => e.replace(new vscode.Range(line, 9, line, 16), 'Onsdag'));
      await new Promise((r) => setTimeout(r, 1500));
      assert.ok(!vscode.languages.getDiagnostics(doc.uri).some((x) => code(x) === 'RF020'), 'not validated while typing');
      await doc.save();
      await eventually(() => vscode.languages.getDiagnostics(doc.uri), (d) => d.some((x) => code(x) === 'RF020'), 'RF020 after save');
    } finally {
      await config.update('validate', undefined, vscode.ConfigurationTarget.Global);
      await files.update('autoSave', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      fs.rmSync(file, { force: true });
    }
  });

  it('turns a rule off from the settings without a reload', async () => {
    const doc = await open('001_1bb751e75b116f8a.txt');
    await eventually(() => vscode.languages.getDiagnostics(doc.uri), (d) => d.some((x) => code(x) === 'RF023'), 'RF023');
    const config = vscode.workspace.getConfiguration('referat');
    await config.update('rules', { RF023: 'off' }, vscode.ConfigurationTarget.Global);
    try {
      await eventually(() => vscode.languages.getDiagnostics(doc.uri), (d) => !d.some((x) => code(x) === 'RF023') && d.some((x) => code(x) === 'RF030'), 'RF023 off, RF030 still on');
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('"Validate workspace" reports on files that are not open', async () => {
    const file = path.join(WORKSPACE, 'tmp-unopened.txt');
    fs.writeFileSync(file, BALLERUP);
    try {
      const uri = vscode.Uri.file(file);
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.fsPath === file), 'the file is not open');
      const result = await vscode.commands.executeCommand<{ files: number; checked: number }>('referat.validateWorkspace');
      assert.ok(result.checked >= 5, JSON.stringify(result));
      const ds = await eventually(() => vscode.languages.getDiagnostics(uri), (d) => d.some((x) => code(x) === 'RF030'), 'RF030 on the unopened file');
      assert.ok(ds.some((x) => code(x) === 'RF020'));
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.fsPath === file), 'still not opened in an editor');
    } finally {
      fs.rmSync(file, { force: true });
    }
  });
});
