// Published files in a real VS Code (issue 26): a web page and a Word file opened with "Referat: Åbn som
// tekst" show their outline and their one finding with its place in the original; a view offers no fix
// and no edit; "Open the original beside" goes to the web page's line; a PDF is answered by the PDF reader
// (its outline and finding with the page once the reader and its fixtures are here, its refusal until
// then); "Validate workspace" reads a folder with a DOCX, an
// HTML page, a text file and a zip bomb, reports "N af M filer" and can be cancelled.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { activate, eventually, EXTENSION_ID, punkter, symbols, WORKSPACE } from './helpers';

const FIXTURES = path.resolve(WORKSPACE, '..', '..', 'fixtures', 'archives');
const FOLDER = path.join(WORKSPACE, 'tmp-archives');
const code = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);
const viewOf = (file: string) => vscode.Uri.file(file + '.referat').with({ scheme: 'referat-source' });

interface RunResult {
  files: number;
  checked: number;
  cancelled: boolean;
  unreadable: string[];
  progress: string[];
}

describe('Published files in VS Code', function () {
  this.timeout(90000);
  before(async () => {
    await activate();
    fs.mkdirSync(FOLDER, { recursive: true });
    for (const name of ['seed-000.html', 'seed-000.docx', 'zip-bomb.docx']) fs.copyFileSync(path.join(FIXTURES, name), path.join(FOLDER, name));
    fs.writeFileSync(path.join(FOLDER, 'broken.pdf'), '%PDF-1.4\n% ikke færdig\n');
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(FOLDER, { recursive: true, force: true });
  });

  async function openAsText(name: string): Promise<vscode.TextDocument> {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('referat.openAsText', vscode.Uri.file(path.join(FOLDER, name)));
    assert.ok(editor, `${name} opened as text`);
    assert.strictEqual(editor.document.uri.scheme, 'referat-source');
    assert.strictEqual(editor.document.languageId, 'referat');
    return editor.document;
  }

  it('opens a web page as text: its outline, and its one finding saying the line of the HTML file', async () => {
    const doc = await openAsText('seed-000.html');
    const items = await eventually(() => symbols(doc.uri).then(punkter), (s) => s.length === 6, 'six Punkter');
    assert.strictEqual(items[5].name, 'Punkt 6: Slutevaluering af projekt Business Training');
    const ds = await eventually(() => vscode.languages.getDiagnostics(doc.uri), (d) => d.length > 0, 'the finding');
    assert.deepStrictEqual(ds.map((d) => [code(d), doc.getText(d.range)]), [['RF103', '751']]);
    assert.match(ds[0].message, /\(linje 185 i HTML-filen\)$/);
  });

  it('opens a Word file as text: its outline, and its one finding saying the paragraph', async () => {
    const doc = await openAsText('seed-000.docx');
    await eventually(() => symbols(doc.uri).then(punkter), (s) => s.length === 6, 'six Punkter');
    const ds = await eventually(() => vscode.languages.getDiagnostics(doc.uri), (d) => d.length > 0, 'the finding');
    assert.deepStrictEqual(ds.map((d) => [code(d), doc.getText(d.range)]), [['RF103', '751']]);
    assert.match(ds[0].message, /\(afsnit 214 i Word-filen\)$/);
    const hover = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, ds[0].range.start);
    assert.ok(hover.some((h) => h.contents.some((c) => String((c as vscode.MarkdownString).value ?? c).includes('afsnit 214 i Word-filen'))), 'the hover names the place');
  });

  it('offers no fix and no edit on a view: it says why and offers to export the text', async () => {
    const doc = await openAsText('seed-000.html');
    const ds = await eventually(() => vscode.languages.getDiagnostics(doc.uri), (d) => d.length > 0, 'the finding');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, ds[0].range, vscode.CodeActionKind.QuickFix.value);
    assert.deepStrictEqual(actions.map((a) => [a.edit === undefined, a.command?.command]), [[true, 'referat.exportText']]);
    assert.match(actions[0].title, /^Kan ikke rettes her/);
    const before = doc.getText();
    assert.strictEqual(await vscode.commands.executeCommand('referat.renumber', doc.uri), false);
    assert.strictEqual(doc.getText(), before);
  });

  it('exports the text of a view to the file chosen in the save dialog, and opens it to edit', async () => {
    const doc = await openAsText('seed-000.docx');
    const target = vscode.Uri.file(path.join(FOLDER, 'exported.txt'));
    // The save dialog answered as a person would: the file beside the original. (The window API is this
    // extension host's own object; the dialog itself cannot be driven from here.)
    const window = vscode.window as { showSaveDialog: typeof vscode.window.showSaveDialog };
    const dialog = window.showSaveDialog;
    let offered: vscode.Uri | undefined;
    window.showSaveDialog = async (options) => {
      offered = options?.defaultUri;
      return target;
    };
    try {
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('referat.exportText', doc.uri);
      assert.strictEqual(written?.fsPath, target.fsPath);
    } finally {
      window.showSaveDialog = dialog;
    }
    assert.strictEqual(offered?.fsPath, path.join(FOLDER, 'seed-000.txt'), 'offered beside the original');
    assert.strictEqual(fs.readFileSync(target.fsPath, 'utf8'), doc.getText());
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.fsPath, target.fsPath, 'the exported text is open to edit');
    fs.rmSync(target.fsPath);
  });

  it('opens the original beside its view, a web page at the line a finding came from', async () => {
    const doc = await openAsText('seed-000.html');
    const ds = await eventually(() => vscode.languages.getDiagnostics(doc.uri), (d) => d.length > 0, 'the finding');
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(ds[0].range.start, ds[0].range.start);
    await vscode.commands.executeCommand('referat.openOriginal');
    const original = await eventually(() => vscode.window.activeTextEditor, (e) => e?.document.uri.scheme === 'file', 'the original in front');
    assert.strictEqual(original!.document.uri.fsPath, path.join(FOLDER, 'seed-000.html'));
    assert.strictEqual(original!.selection.active.line, 184);
  });

  // The PDF reader is another branch's (issue 25): its fixtures come with it. Until they are here, the stub's
  // refusal is what a PDF gets, and that is asserted; once they are, each is opened as the web page and the
  // Word file are. Either way the test that runs asserts what a person sees.
  const pdfFixtures = ['seed-000-tagged.pdf', 'seed-000-untagged.pdf'].filter((f) => fs.existsSync(path.join(FIXTURES, f)));
  if (pdfFixtures.length === 0) {
    console.log('e2e: NOTE: no PDF fixtures in test/fixtures/archives (the PDF reader has not landed): the PDF test asserts the refusal');
    it('answers a PDF with the PDF reader: without the reader, its refusal in Danish, and no view opens', async () => {
      const api = vscode.extensions.getExtension(EXTENSION_ID)!.exports as { client: { sendRequest<T>(m: string, p: unknown): Promise<T> } };
      const answer = await api.client.sendRequest<{ error?: string }>('referat/sourceText', { uri: viewOf(path.join(FOLDER, 'broken.pdf')).toString() });
      assert.match(answer.error ?? '', /^Åbn som tekst: broken\.pdf kan Referat ikke læse endnu \(PDF\)/);
      const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('referat.openAsText', vscode.Uri.file(path.join(FOLDER, 'broken.pdf')));
      assert.strictEqual(editor, undefined);
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === viewOf(path.join(FOLDER, 'broken.pdf')).toString()));
    });
  }
  for (const pdf of pdfFixtures) {
    it(`opens ${pdf} as text: its outline, and its one finding saying the page`, async () => {
      fs.copyFileSync(path.join(FIXTURES, pdf), path.join(FOLDER, pdf));
      const doc = await openAsText(pdf);
      await eventually(() => symbols(doc.uri).then(punkter), (s) => s.length === 6, 'six Punkter');
      const ds = await eventually(() => vscode.languages.getDiagnostics(doc.uri), (d) => d.length > 0, 'the finding');
      assert.deepStrictEqual(ds.map((d) => [code(d), doc.getText(d.range)]), [['RF103', '751']]);
      assert.match(ds[0].message, /\(side \d+\)$/);
    });
  }

  it('"Validate workspace" reads the DOCX, the HTML page and the text file, names the zip bomb, with N af M filer', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.copyFileSync(path.join(WORKSPACE, '001_1bb751e75b116f8a.txt'), path.join(FOLDER, 'minutes.txt'));
    for (const pdf of pdfFixtures) fs.copyFileSync(path.join(FIXTURES, pdf), path.join(FOLDER, pdf));
    const result = await vscode.commands.executeCommand<RunResult>('referat.validateWorkspace');
    assert.strictEqual(result.cancelled, false);
    assert.strictEqual(result.checked, result.files);
    assert.ok(result.unreadable.some((u) => /^Åbn som tekst: zip-bomb\.docx pakker ud til mere end 50 MB/.test(u)), JSON.stringify(result.unreadable));
    assert.ok(result.unreadable.some((u) => u.startsWith('Åbn som tekst: broken.pdf ')), JSON.stringify(result.unreadable));
    assert.match(result.progress.at(-1) ?? '', new RegExp(`^${result.files} af ${result.files} filer · `));
    const docx = await eventually(() => vscode.languages.getDiagnostics(viewOf(path.join(FOLDER, 'seed-000.docx'))), (d) => d.length > 0, 'the DOCX finding');
    assert.deepStrictEqual(docx.map(code), ['RF103']);
    assert.match(docx[0].message, /\(afsnit 214 i Word-filen\)$/);
    for (const pdf of pdfFixtures) {
      const found = await eventually(() => vscode.languages.getDiagnostics(viewOf(path.join(FOLDER, pdf))), (d) => d.length > 0, `the finding of ${pdf}`);
      assert.deepStrictEqual(found.map((d) => [code(d), /\(side \d+\)$/.test(d.message)]), [['RF103', true]], pdf);
    }
    const text = vscode.languages.getDiagnostics(vscode.Uri.file(path.join(FOLDER, 'minutes.txt')));
    assert.ok(text.some((d) => code(d) === 'RF030'), 'the text file checked');
    assert.ok(!vscode.window.visibleTextEditors.some((e) => e.document.uri.scheme === 'referat-source'), 'read in the background, no view shown');
  });

  it('"Validate workspace" stops when cancelled and says how far it came', async () => {
    const many = path.join(FOLDER, 'many');
    fs.mkdirSync(many, { recursive: true });
    for (let i = 0; i < 200; i++) fs.copyFileSync(path.join(FIXTURES, 'seed-000.docx'), path.join(many, `referat-${String(i).padStart(3, '0')}.docx`));
    const cancel = new vscode.CancellationTokenSource();
    const run = vscode.commands.executeCommand<RunResult>('referat.validateWorkspace', cancel.token);
    setTimeout(() => cancel.cancel(), 500);
    const result = await run;
    assert.strictEqual(result.cancelled, true, JSON.stringify({ ...result, progress: result.progress.slice(-1) }));
    assert.ok(result.checked < result.files && result.files >= 200, JSON.stringify({ files: result.files, checked: result.checked }));
    assert.match(result.progress.at(-1) ?? '', new RegExp(`^${result.checked} af ${result.files} filer · `));
  });
});
