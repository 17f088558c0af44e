// Editing help and the reviewer's overview inside a real VS Code: commands applied
// through the client, the Referat view, the status bar, and Danish/English.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activate, eventually, EXTENSION_ID, open, punkter, symbols, WORKSPACE } from './helpers';

interface Api {
  overview: { overview: { items: { number: number; status: string }[] } | null; refresh(): Promise<void> };
  statusBar: { item: vscode.StatusBarItem; refresh(): Promise<void> };
}
const api = () => vscode.extensions.getExtension(EXTENSION_ID)!.exports as Api;

describe('Referat editing help and overview in VS Code', function () {
  this.timeout(60000);
  before(activate);

  it('"New item" adds the next Punkt with the template sections', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'referat', content: fs.readFileSync(path.join(WORKSPACE, 'minutes.referat.txt'), 'utf8') });
    await vscode.window.showTextDocument(doc);
    await eventually(() => symbols(doc.uri).then(punkter), (s) => s.length === 6, 'six Punkter');
    assert.strictEqual(await vscode.commands.executeCommand('referat.newItem', doc.uri, 'Trafikplan'), true);
    const items = await eventually(() => symbols(doc.uri).then(punkter), (s) => s.length === 7, 'seven Punkter');
    assert.strictEqual(items[6].name, 'Punkt 7: Trafikplan');
    assert.deepStrictEqual(items[6].children.map((c) => c.name), ['Resumé', 'Sagsfremstilling', 'Indstilling', 'Beslutning']);
  });

  it('completes the next Punkt number and the sections an item still lacks', async () => {
    const content = 'REFERAT Økonomiudvalget d. 01-02-2022\n\nMødedato Tirsdag d. 01. februar 2022\n\nPunkt 1: Budget\n\n21/100\n\nResumé\n\nTekst.\n\n\n\nPunkt ';
    const doc = await vscode.workspace.openTextDocument({ language: 'referat', content });
    await vscode.window.showTextDocument(doc);
    await eventually(() => symbols(doc.uri).then(punkter), (s) => s.length === 1, 'one Punkt');
    const last = doc.lineCount - 1;
    const numbers = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(last, 6));
    assert.ok(numbers.items.some((i) => i.label === '2: '), numbers.items.map((i) => i.label).join(' | '));
    const sections = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(last - 2, 0));
    const labels = sections.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('Sagsfremstilling') && labels.includes('Indstilling'), labels.join(' | '));
    assert.ok(!labels.includes('Resumé'), 'Resumé is already there');
  });

  it('"Turn agenda into minutes" changes the kind and adds decision sections', async () => {
    const content = 'DAGSORDEN Økonomiudvalget d. 01-02-2022\n\nPunkt 1: Budget\n\nResumé\n\nTekst.\n\nSagsfremstilling\n\nTekst.\n\nIndstilling\n\nGodkendes.\n';
    const doc = await vscode.workspace.openTextDocument({ language: 'referat', content });
    await vscode.window.showTextDocument(doc);
    await eventually(() => symbols(doc.uri).then(punkter), (s) => s.length === 1, 'one Punkt');
    assert.strictEqual(await vscode.commands.executeCommand('referat.agendaToMinutes', doc.uri), true);
    assert.match(doc.getText(), /^REFERAT Økonomiudvalget/);
    const items = await eventually(() => symbols(doc.uri).then(punkter), (s) => s[0]?.children.some((c) => c.name === 'Beslutning'), 'a Beslutning section');
    assert.strictEqual(items[0].children.at(-1)!.name, 'Beslutning');
  });

  it('shows the meeting at a glance in the Referat view and the status bar', async () => {
    await open('minutes.referat.txt');
    const overview = await eventually(async () => (await api().overview.refresh(), api().overview.overview), (o) => (o?.items.length ?? 0) === 6, 'overview');
    assert.deepStrictEqual(overview!.items.map((i) => i.status), ['ingen beslutning nødvendig', 'Anbefalet', 'Godkendt', 'Godkendt', 'Godkendt', 'Godkendt']);
    await api().statusBar.refresh();
    assert.match(api().statusBar.item.text, /Referat · 6 punkter · \d+\/\d+ beslutninger/);
    // The icon is this document's worst severity; no count that repeats VS Code's own.
    const worst = vscode.languages.getDiagnostics(vscode.window.activeTextEditor!.document.uri).reduce((w, d) => Math.min(w, d.severity), 4);
    const icon = ['$(error)', '$(warning)', '$(info)', '$(info)', '$(check)'][worst];
    assert.ok(api().statusBar.item.text.startsWith(icon), `${api().statusBar.item.text} starts with ${icon}`);
    assert.match(String(api().statusBar.item.tooltip), /Skabelon: .+ \(\w[\w-]*\)\nI dette dokument: \d+ fejl/);
  });

  it('switches the overview and status bar to English without a reload', async () => {
    await open('minutes.referat.txt');
    const config = vscode.workspace.getConfiguration('referat');
    await config.update('language', 'en', vscode.ConfigurationTarget.Global);
    try {
      const overview = await eventually(async () => (await api().overview.refresh(), api().overview.overview), (o) => o?.items[2]?.status === 'Approved', 'English overview');
      assert.strictEqual(overview!.items[0].status, 'no decision needed');
      await api().statusBar.refresh();
      assert.match(api().statusBar.item.text, /Minutes · 6 items/);
    } finally {
      await config.update('language', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('"Export overview" asks where to save in a dialog and writes the format chosen there (CSV for Danish Excel)', async () => {
    const doc = await open('minutes.referat.txt');
    await eventually(() => symbols(doc.uri).then(punkter), (s) => s.length === 6, 'symbols');
    // The native dialog is replaced for the test: it records what it was asked and answers a path.
    const original = vscode.window.showSaveDialog;
    const asked: vscode.SaveDialogOptions[] = [];
    const csv = vscode.Uri.file(path.join(WORKSPACE, 'tmp-export.csv'));
    const md = vscode.Uri.file(path.join(WORKSPACE, 'tmp-export.md'));
    let answer: vscode.Uri | undefined = csv;
    (vscode.window as { showSaveDialog: typeof original }).showSaveDialog = async (options) => (asked.push(options ?? {}), answer);
    try {
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('referat.exportOverview', doc.uri);
      assert.strictEqual(written?.fsPath, csv.fsPath);
      assert.strictEqual(path.basename(asked[0].defaultUri!.fsPath), 'minutes.oversigt.md', 'the dialog proposes a name next to the document');
      assert.deepStrictEqual(Object.values(asked[0].filters ?? {}), [['md'], ['csv']]);
      const bytes = fs.readFileSync(csv.fsPath);
      assert.deepStrictEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 byte order mark for Excel');
      const rows = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
      assert.strictEqual(rows.length, 7);
      assert.strictEqual(rows[0], 'punkt;titel;beslutning;udfald;mangler;fejl;advarsler');
      answer = md;
      await vscode.commands.executeCommand('referat.exportOverview', doc.uri);
      assert.match(fs.readFileSync(md.fsPath, 'utf8'), /\| 3 \| Delegationsplan for Erhvervsudvalget \| Godkendt \|/);
      // Cancelling the dialog writes nothing.
      answer = undefined;
      assert.strictEqual(await vscode.commands.executeCommand('referat.exportOverview', doc.uri), undefined);
      assert.ok(!fs.existsSync(path.join(WORKSPACE, 'minutes.oversigt.md')), 'nothing written without the dialog');
    } finally {
      (vscode.window as { showSaveDialog: typeof original }).showSaveDialog = original;
      for (const u of [csv, md]) fs.rmSync(u.fsPath, { force: true });
    }
  });
});
