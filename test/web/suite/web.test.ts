// Referat in the browser: these tests run inside code-server's web worker extension host (no Node), with the
// extension's `browser` entry (dist/web/extension.js) and its language server in a web worker of its own
// (dist/web/server.js). test/web/run.mjs forces the extension there (remote.extensionKind "web").
import * as vscode from 'vscode';
import { deepEqual, equal, match, ok } from './assert';
import { activate, code, eventually, fileUri, open, punkter, symbols, type Api } from './helpers';

const MINUTES_START = 'REFERAT Økonomiudvalget d. 01-02-2022\n\nMødedato Tirsdag d. 01. februar 2022\n\n';

async function untitled(content: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument({ language: 'referat', content });
  await vscode.window.showTextDocument(doc);
  return doc;
}

describe('Referat in the browser (web worker extension host)', function () {
  this.timeout(60000);
  let api: Api;
  before(async () => {
    api = await activate();
  });
  afterEach(() => vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor'));

  it('runs in a web worker with the web UI, and its log says the server runs in a web worker', async () => {
    const scope = globalThis as { process?: unknown; importScripts?: unknown; WorkerGlobalScope?: unknown };
    equal(typeof scope.process, 'undefined', 'no Node `process` in the extension host');
    ok(typeof scope.importScripts === 'function' && typeof scope.WorkerGlobalScope === 'function', 'a WorkerGlobalScope');
    equal(vscode.env.uiKind, vscode.UIKind.Web, 'uiKind');
    equal(vscode.extensions.getExtension('referat.referat')?.extensionKind, vscode.ExtensionKind.UI, 'the extension runs on the UI side');
    const lines = await eventually(() => api.log.lines(), (l) => l.some((x) => /server running in a web worker/.test(x)), 'the log line');
    ok(!lines.some((x) => /server running in Node/.test(x)), 'not the Node server');
  });

  it('outlines the minutes: the six Punkter with their decisions', async () => {
    const doc = await open('minutes.referat.txt');
    equal(doc.languageId, 'referat');
    const items = await eventually(() => symbols(doc.uri).then(punkter), (s) => s.length === 6, 'six Punkter');
    equal(items[2].name, 'Punkt 3: Delegationsplan for Erhvervsudvalget');
    equal(items[2].detail, 'Godkendt');
    deepEqual(items[1].children.map((c) => c.name).slice(0, 3), ['Resumé', 'Sagsfremstilling', 'Tabel 1']);
  });

  it('reports problems when a document is opened, with the rule page linked', async () => {
    const doc = await open('001_1bb751e75b116f8a.txt');
    equal(doc.languageId, 'plaintext', 'a .txt stays plaintext; the server recognised it as minutes');
    const ds = await eventually(() => vscode.languages.getDiagnostics(doc.uri), (d) => d.some((x) => code(x) === 'RF030'), 'RF030');
    const rf023 = ds.find((d) => code(d) === 'RF023');
    ok(rf023, `RF023 among ${ds.map(code).join(', ')}`);
    equal(rf023.range.start.line, 225, 'RF023 on line 226');
    equal(rf023.severity, vscode.DiagnosticSeverity.Warning);
    match(rf023.message, /^Årsintervallet 2021-2015 slutter før det begynder/, 'the Danish message');
    const target = typeof rf023.code === 'object' ? rf023.code.target.toString() : '';
    match(target, /RF023/, 'the code links to the rule page');
  });

  it('applies the folder\'s .referat.json, read through the editor\'s file system', async () => {
    const doc = await open('minutes.referat.txt');
    const ds = await eventually(() => vscode.languages.getDiagnostics(doc.uri), (d) => d.some((x) => code(x) === 'RF103'), 'RF103');
    // RF103 is a warning by default; test/web/workspace/.referat.json makes it an error.
    equal(ds.find((d) => code(d) === 'RF103')!.severity, vscode.DiagnosticSeverity.Error, 'RF103 as .referat.json says');
  });

  it('checks while typing: a decision written makes RF001 go, and deleting it brings it back', async () => {
    const doc = await untitled(`${MINUTES_START}Punkt 1: Budget\n\nIndstilling\n\nDirektionen indstiller, at budgettet godkendes.\n`);
    await eventually(() => vscode.languages.getDiagnostics(doc.uri), (d) => d.some((x) => code(x) === 'RF001'), 'RF001 on open');
    const editor = vscode.window.activeTextEditor!;
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    for (const piece of ['\n', 'Beslutning\n', '\n', 'Godkendt.\n']) ok(await editor.edit((b) => b.insert(doc.lineAt(doc.lineCount - 1).range.end, piece)));
    await eventually(() => vscode.languages.getDiagnostics(doc.uri), (d) => !d.some((x) => code(x) === 'RF001'), 'RF001 gone after typing');
    ok(await editor.edit((b) => b.delete(new vscode.Range(end, doc.lineAt(doc.lineCount - 1).range.end))));
    await eventually(() => vscode.languages.getDiagnostics(doc.uri), (d) => d.some((x) => code(x) === 'RF001'), 'RF001 back');
  });

  it('offers a quick fix that inserts the missing decision heading', async () => {
    const doc = await untitled(`${MINUTES_START}Punkt 1: Budget\n\nIndstilling\n\nDirektionen indstiller, at budgettet godkendes.\n`);
    const ds = await eventually(() => vscode.languages.getDiagnostics(doc.uri), (d) => d.some((x) => code(x) === 'RF001'), 'RF001');
    const diagnostic = ds.find((x) => code(x) === 'RF001')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const insert = actions.find((a) => /^Indsæt afsnittet ».+«$/.test(a.title));
    ok(insert?.edit, `a fix among ${actions.map((a) => a.title).join(' | ')}`);
    ok(await vscode.workspace.applyEdit(insert.edit));
    match(doc.getText(), /godkendes\.\n\n(Beslutning|Vedtagelse)[^\n]*\n\n\[Tekst mangler\]\n$/);
    await eventually(() => vscode.languages.getDiagnostics(doc.uri), (d) => !d.some((x) => code(x) === 'RF001'), 'RF001 gone');
  });

  it('runs a command: "Renumber items" numbers the Punkter 1, 2, 3', async () => {
    const item = (n: number, title: string) => `Punkt ${n}: ${title}\n\nIndstilling\n\nGodkendes.\n\nBeslutning\n\nGodkendt.\n\n`;
    const doc = await untitled(MINUTES_START + item(1, 'Budget') + item(3, 'Trafik') + item(7, 'Skole'));
    await eventually(() => symbols(doc.uri).then(punkter), (s) => s.length === 3, 'three Punkter');
    equal(await vscode.commands.executeCommand('referat.renumber', doc.uri), true);
    const items = await eventually(() => symbols(doc.uri).then(punkter), (s) => s[2]?.name === 'Punkt 3: Skole', 'renumbered');
    deepEqual(items.map((s) => s.name), ['Punkt 1: Budget', 'Punkt 2: Trafik', 'Punkt 3: Skole']);
  });

  it('exports the overview through the editor\'s file system, and fills the Referat view', async () => {
    const doc = await open('minutes.referat.txt');
    await eventually(() => symbols(doc.uri).then(punkter), (s) => s.length === 6, 'symbols');
    const overview = await eventually(() => api.overview.overview, (o) => (o?.items.length ?? 0) === 6, 'the Referat view');
    deepEqual(overview!.items.map((i) => i.number), [1, 2, 3, 4, 5, 6]);
    const target = fileUri('tmp-export.md');
    const original = vscode.window.showSaveDialog;
    const asked: vscode.SaveDialogOptions[] = [];
    (vscode.window as { showSaveDialog: typeof original }).showSaveDialog = async (options) => (asked.push(options ?? {}), target);
    try {
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('referat.exportOverview', doc.uri);
      equal(written?.toString(), target.toString());
      equal(asked[0].defaultUri?.toString(), fileUri('minutes.oversigt.md').toString(), 'the dialog proposes a name next to the document');
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      match(text, /\| 3 \| Delegationsplan for Erhvervsudvalget \| Godkendt \|/);
    } finally {
      (vscode.window as { showSaveDialog: typeof original }).showSaveDialog = original;
      await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
    }
  });

  it('"Validate workspace" reads the closed files through the client, a Windows-1252 one too', async () => {
    const result = await vscode.commands.executeCommand<{ files: number; checked: number; cancelled: boolean }>('referat.validateWorkspace');
    equal(result.cancelled, false);
    // As `referat check test/web/workspace` lists them: .skjult/kladde.txt is in a hidden folder.
    equal(result.files, 3, 'the three minutes files of test/web/workspace');
    equal(vscode.languages.getDiagnostics(fileUri('.skjult/kladde.txt')).length, 0, 'nothing from a hidden folder');
    const legacy = fileUri('legacy-1252.txt');
    ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === legacy.toString()), 'the file was never opened');
    const ds = await eventually(() => vscode.languages.getDiagnostics(legacy), (d) => d.some((x) => code(x) === 'RF098'), 'RF098');
    match(ds.find((d) => code(d) === 'RF098')!.message, /windows-1252/);
    // Read as Windows-1252, the Danish letters are right: the findings quote them.
    equal(ds.find((d) => code(d) === 'RF103')?.severity, vscode.DiagnosticSeverity.Error, 'and .referat.json applies to it');
  });
});
