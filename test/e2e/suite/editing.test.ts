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
    assert.deepStrictEqual(overview!.items.map((i) => i.status), ['ingen beslutning nødvendig', 'Indstillet/anbefalet', 'Godkendt', 'Godkendt', 'Godkendt', 'Godkendt']);
    await api().statusBar.refresh();
    assert.match(api().statusBar.item.text, /Referat · 6 punkter/);
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

  it('"Export overview" writes Markdown and CSV next to the document', async () => {
    const doc = await open('minutes.referat.txt');
    await eventually(() => symbols(doc.uri).then(punkter), (s) => s.length === 6, 'symbols');
    const written = (await vscode.commands.executeCommand<vscode.Uri[]>('referat.exportOverview', doc.uri))!;
    try {
      assert.deepStrictEqual(written.map((u) => path.basename(u.fsPath)), ['minutes.oversigt.md', 'minutes.oversigt.csv']);
      assert.match(fs.readFileSync(written[0].fsPath, 'utf8'), /\| 3 \| Delegationsplan for Erhvervsudvalget \| Godkendt \|/);
      assert.strictEqual(fs.readFileSync(written[1].fsPath, 'utf8').trim().split('\n').length, 7);
    } finally {
      for (const u of written) fs.rmSync(u.fsPath, { force: true });
    }
  });
});
