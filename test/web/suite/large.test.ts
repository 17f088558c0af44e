// A very large document in the browser: the web worker server analyses it in a nested worker of its own
// (server/src/web/analysis-worker.ts), so while it does, the server answers for other documents; and what it
// reports is what the core gives for the same text (as Node's analysis thread, features/analysisJob.ts).
import * as vscode from 'vscode';
import { analyze } from '../../../server/src/core/analyze';
import { redactCpr } from '../../../server/src/core/redact';
import { LARGE_DOCUMENT_CHARS } from '../../../server/src/features/analysisCache';
import { equal, ok } from './assert';
import { activate, code, eventually, fileUri, punkter, symbols, type Api } from './helpers';

const SEVERITY = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, information: vscode.DiagnosticSeverity.Information, hint: vscode.DiagnosticSeverity.Hint };
const SMALL = 'REFERAT Økonomiudvalget d. 01-02-2022\n\nMødedato Tirsdag d. 01. februar 2022\n\nPunkt 1: Budget\n\nIndstilling\n\nDirektionen indstiller, at budgettet godkendes.\n';

type Key = { code: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; severity: number; message: string };
const key = (d: Key) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${d.message}`;
const shown = (ds: readonly vscode.Diagnostic[]) => ds.map((d) => key({ ...d, code: code(d) })).join('\n');
/** What the core reports for the text, as the server turns findings into diagnostics (features/diagnostics.ts). */
const expected = (text: string) => analyze(text, { config: {} }).findings.map((f) => key({ code: f.code, range: f.range, severity: SEVERITY[f.severity], message: redactCpr(f.message.da) })).join('\n');

async function untitled(content: string, show = true): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument({ language: 'referat', content });
  if (show) await vscode.window.showTextDocument(doc);
  return doc;
}

describe('a very large document in the browser', function () {
  this.timeout(180000);
  let big = '';
  let api: Api;
  /** The large document's diagnostics; on a timeout, the server's last log lines say why. */
  const largeDiagnostics = (uri: vscode.Uri, until: (ds: vscode.Diagnostic[]) => boolean = (d) => d.length > 0) =>
    eventually(() => vscode.languages.getDiagnostics(uri), until, 'the large document\'s diagnostics', 120000).catch((e: Error) => {
      throw new Error(`${e.message}\nthe Referat log ends:\n${api.log.lines().slice(-15).join('\n')}`);
    });
  before(async () => {
    api = await activate();
    // A real document repeated past the size the server analyses off its own thread, several times over.
    const seed = new TextDecoder().decode(await vscode.workspace.fs.readFile(fileUri('001_1bb751e75b116f8a.txt')));
    while (big.length < 8 * LARGE_DOCUMENT_CHARS) big += seed;
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('answers for a small document while a large one is analysed, and reports on the large one what the core reports', async () => {
    const large = await untitled(big, false);
    const small = await untitled(SMALL);
    const smallDiagnostics = await eventually(() => vscode.languages.getDiagnostics(small.uri), (d) => d.some((x) => code(x) === 'RF001'), 'the small document\'s RF001', 60000);
    const outline = await symbols(small.uri).then(punkter);
    equal(outline.map((s) => s.name).join(), 'Punkt 1: Budget', 'the small document\'s symbols');
    await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', small.uri, new vscode.Position(4, 3));
    // All of that answered while the large document was still being analysed: its diagnostics come after.
    equal(vscode.languages.getDiagnostics(large.uri).length, 0, 'the large document has no diagnostics yet');
    ok(smallDiagnostics.length > 0);
    const ds = await largeDiagnostics(large.uri);
    equal(shown(ds), expected(big), 'the large document\'s diagnostics are the core\'s findings');
    // And they came from the nested worker, not from the server's own thread (the fallback where there is none).
    const lines = api.log.lines();
    ok(lines.some((l) => /large documents are analysed in a nested web worker/.test(l)), `the log says the nested worker analysed it: ${lines.slice(-5).join(' | ')}`);
    ok(!lines.some((l) => /analysed in the server's own thread/.test(l)), 'no fallback to the server\'s thread');
  });

  it('reports the version typed last, when the large document is edited while it is analysed', async () => {
    const large = await untitled(big);
    const editor = vscode.window.activeTextEditor!;
    // Edited at once, usually before the first version's analysis is done (that one is then stopped). On a
    // loaded machine the edit may reach the server only after the first version was reported, so the test
    // waits for the diagnostics of the version typed last rather than taking the first ones published.
    ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Punkt 1: Indledning\n\n')));
    const text = large.getText();
    const want = expected(text);
    const ds = await largeDiagnostics(large.uri, (d) => shown(d) === want);
    equal(large.getText(), text, 'the document is as edited');
    equal(shown(ds), want, 'the diagnostics of the version typed last');
  });
});
