// The extension inside a real VS Code: languages, outline, folding, definition,
// diagnostics and settings, through the public vscode API.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activate, eventually, open, punkter, symbols } from './helpers';

describe('Referat in VS Code', function () {
  this.timeout(60000);
  before(activate);

  it('gives *.referat.txt the referat language and leaves a .txt seed plaintext', async () => {
    assert.strictEqual((await open('minutes.referat.txt')).languageId, 'referat');
    assert.strictEqual((await open('000_1bde0758b15ed079.txt')).languageId, 'plaintext');
  });

  it('outlines a referat: Punkt N: Title with the decision outcome as detail', async () => {
    const doc = await open('minutes.referat.txt');
    const items = await eventually(() => symbols(doc.uri).then(punkter), (s) => s.length === 6, 'six Punkter');
    assert.deepStrictEqual(items.map((s) => s.name), [
      'Punkt 1: Meddelelser',
      'Punkt 2: Budgetopfølgning pr. 30. september 2021 - Erhvervsudvalget',
      'Punkt 3: Delegationsplan for Erhvervsudvalget',
      'Punkt 4: Status for partnerskabet med Den erhvervsdrivende fond Væksthuset',
      'Punkt 5: Møde med Handicaprådet',
      'Punkt 6: Slutevaluering af projekt Business Training',
    ]);
    assert.strictEqual(items[1].detail, 'Anbefalet');
    assert.strictEqual(items[2].detail, 'Godkendt');
    assert.deepStrictEqual(items[1].children.map((c) => c.name).slice(0, 3), ['Resumé', 'Sagsfremstilling', 'Tabel 1']);
  });

  it('recognises a .txt seed as minutes without changing its language', async () => {
    const doc = await open('000_1bde0758b15ed079.txt');
    const items = await eventually(() => symbols(doc.uri).then(punkter), (s) => s.length === 6, 'six Punkter in the .txt');
    assert.strictEqual(items[5].name, 'Punkt 6: Slutevaluering af projekt Business Training');
    assert.strictEqual(doc.languageId, 'plaintext');
  });

  it('colours a recognised .txt seed with semantic tokens from the server', async () => {
    const doc = await open('000_1bde0758b15ed079.txt');
    await eventually(() => symbols(doc.uri).then(punkter), (s) => s.length === 6, 'symbols');
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', doc.uri);
    assert.ok(legend?.tokenTypes.includes('class'), JSON.stringify(legend));
    const tokens = await eventually(
      () => vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', doc.uri),
      (t) => (t?.data.length ?? 0) > 0,
      'semantic tokens',
    );
    assert.strictEqual(tokens!.data.length % 5, 0);
  });

  it('adds Punkter to a Markdown agenda and nothing to a README or a shopping list', async () => {
    const agenda = await open('agenda.md');
    assert.strictEqual(agenda.languageId, 'markdown');
    const items = await eventually(() => symbols(agenda.uri).then(punkter), (s) => s.length === 2, 'two Punkter in agenda.md');
    assert.strictEqual(items[0].name, 'Punkt 1: Redegørelse for integrationspris projekter - BEU');
    assert.strictEqual(items[0].detail, '12/26442', 'a dagsorden shows the case number');
    const readme = await open('README.md');
    const readmeSymbols = await symbols(readme.uri);
    assert.deepStrictEqual(punkter(readmeSymbols), [], 'no Punkter in README.md');
    const shopping = await open('shopping.txt');
    assert.deepStrictEqual(punkter(await symbols(shopping.uri)), []);
    assert.deepStrictEqual(vscode.languages.getDiagnostics(shopping.uri), []);
  });

  it('folds each Punkt', async () => {
    const doc = await open('minutes.referat.txt');
    const items = await eventually(() => symbols(doc.uri).then(punkter), (s) => s.length === 6, 'symbols');
    const folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', doc.uri);
    for (const item of items) {
      assert.ok(folds.some((f) => f.start === item.range.start.line && f.end === item.range.end.line), `fold for ${item.name}`);
    }
  });

  it('goes from a table-of-contents line to its Punkt', async () => {
    const doc = await open('minutes.referat.txt');
    await eventually(() => symbols(doc.uri).then(punkter), (s) => s.length === 6, 'symbols');
    // Line 15 is "Delegationsplan for Erhvervsudvalget.....	7".
    const targets = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider', doc.uri, new vscode.Position(14, 5));
    assert.strictEqual(targets.length, 1);
    const range = 'targetRange' in targets[0] ? targets[0].targetRange : targets[0].range;
    assert.strictEqual(doc.lineAt(range.start.line).text, 'Punkt 3: Delegationsplan for Erhvervsudvalget');
  });

  it('reports on a document that is not minutes, and a settings change takes effect without a reload', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'referat', content: 'En huskeseddel.\n' });
    await vscode.window.showTextDocument(doc);
    const da = await eventually(() => vscode.languages.getDiagnostics(doc.uri), (d) => d.some((x) => x.code !== undefined), 'RF090');
    const rf090 = da.find((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'RF090');
    assert.ok(rf090, JSON.stringify(da));
    assert.match(rf090.message, /ikke genkendt/);
    const config = vscode.workspace.getConfiguration('referat');
    await config.update('language', 'en', vscode.ConfigurationTarget.Global);
    try {
      await eventually(() => vscode.languages.getDiagnostics(doc.uri), (d) => d.some((x) => /not recognised/.test(x.message)), 'English message');
    } finally {
      await config.update('language', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
