/**
 * Published files in the editor (issue 26) over LSP: the read-only view's text read by the server
 * (referat/sourceText), its findings placed in the original, no fixes or edits on it, and "Validate
 * workspace" reading published files with progress ("N af M filer") and cancellation.
 */
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CancellationTokenSource, ProgressType } from 'vscode-jsonrpc/node';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { URI } from 'vscode-uri';
import { ROOT, TestClient } from './client';

const ARCHIVES = path.join(ROOT, 'test', 'fixtures', 'archives');
const viewOf = (file: string) => URI.file(file + '.referat').with({ scheme: 'referat-source' }).toString();
type SourceText = { text: string; format: string; kind?: string | null } | { error: string };
type Progress = { kind: string; message?: string };
/** The work-done progress the server reports on a token, as VS Code's client receives it. */
function progressOn(client: TestClient, token: string, each: (v: Progress) => void = () => undefined): Progress[] {
  const seen: Progress[] = [];
  client.connection.onProgress(new ProgressType<Progress>(), token, (v) => {
    seen.push(v);
    each(v);
  });
  return seen;
}

describe('published files as read-only views over LSP', () => {
  let client: TestClient;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'referat-views-'));
    for (const name of ['seed-000.html', 'seed-000.docx', 'zip-bomb.docx']) copyFileSync(path.join(ARCHIVES, name), path.join(dir, name));
    // Not a PDF inside: refused by today's PDF reader and by a real one alike, with the reader's words.
    writeFileSync(path.join(dir, 'broken.pdf'), 'Dette er ikke en PDF.\n');
    client = new TestClient();
    await client.initialize(dir);
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Opens a view as the VS Code client does: asks for its text, then opens it as a referat document. */
  async function openView(name: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = viewOf(path.join(dir, name));
    const answer = await client.request<SourceText>('referat/sourceText', { uri });
    assert.ok('text' in answer, JSON.stringify(answer));
    const published = client.nextDiagnostics(uri);
    await client.open(uri, 'referat', answer.text);
    return { uri, diagnostics: (await published).diagnostics };
  }

  it('reads a web page: its one finding says the line of the HTML file and links there', async () => {
    const { diagnostics } = await openView('seed-000.html');
    assert.deepEqual(diagnostics.map((d) => d.code), ['RF103']);
    const [d] = diagnostics;
    assert.match(String(d.message), /^751 er formentlig 75 med fodnote 1.* \(linje 185 i HTML-filen\)$/);
    assert.equal(d.range.start.line, 311);
    const original = d.relatedInformation?.find((r) => r.message === 'Originalen');
    assert.equal(original?.location.uri, URI.file(path.join(dir, 'seed-000.html')).toString());
    assert.deepEqual(original?.location.range.start, { line: 184, character: 2 });
  });

  it('reads a Word file: the same finding names its paragraph', async () => {
    const { uri, diagnostics } = await openView('seed-000.docx');
    assert.deepEqual(diagnostics.map((d) => d.code), ['RF103']);
    assert.match(String(diagnostics[0].message), /\(afsnit 214 i Word-filen\)$/);
    const place = await client.request<{ paragraph?: number } | null>('referat/sourcePlace', { uri, line: diagnostics[0].range.start.line });
    assert.deepEqual(place, { paragraph: 213 });
    type Symbol = { name: string; children?: Symbol[] };
    const symbols = await client.request<Symbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const names = symbols.flatMap((s) => [s.name, ...(s.children ?? []).map((c) => c.name)]);
    assert.equal(names.filter((n) => /^Punkt \d+: /.test(n)).length, 6, JSON.stringify(names));
  });

  it('offers no fix and no edit on a view: one action says why and exports the text', async () => {
    const { uri, diagnostics } = await openView('seed-000.html');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } });
    assert.equal(actions.length, 1, JSON.stringify(actions));
    assert.equal(actions[0].edit, undefined);
    assert.equal(actions[0].command?.command, 'referat.exportText');
    assert.match(actions[0].title, /^Kan ikke rettes her: .*Eksportér teksten/);
    assert.deepEqual(await client.request('referat/editsForCommand', { uri, command: 'renumber' }), []);
    const fixAll = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics, only: ['source.fixAll'] } });
    assert.deepEqual(fixAll, [], 'no fix-all on save');
  });

  it('answers a file it cannot read with the reader\'s own words, naming the file', async () => {
    const bomb = await client.request<SourceText>('referat/sourceText', { uri: viewOf(path.join(dir, 'zip-bomb.docx')) });
    assert.ok('error' in bomb);
    assert.match(bomb.error, /^Åbn som tekst: zip-bomb\.docx pakker ud til mere end 50 MB/);
    const pdf = await client.request<SourceText>('referat/sourceText', { uri: viewOf(path.join(dir, 'broken.pdf')) });
    assert.ok('error' in pdf);
    assert.match(pdf.error, /^Åbn som tekst: broken\.pdf \S/);
    const notView = await client.request<SourceText>('referat/sourceText', { uri: URI.file(path.join(dir, 'seed-000.html')).toString() });
    assert.ok('error' in notView);
  });

  it('says whether a page is minutes when asked (the open notice for web pages)', async () => {
    const answer = await client.request<SourceText>('referat/sourceText', { uri: viewOf(path.join(dir, 'seed-000.html')), withKind: true });
    assert.ok('text' in answer);
    assert.equal(answer.kind, 'referat');
  });
});

describe('Validate workspace over published files', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'referat-archive-'));
    for (const name of ['seed-000.html', 'seed-000.docx', 'zip-bomb.docx']) copyFileSync(path.join(ARCHIVES, name), path.join(dir, name));
    writeFileSync(path.join(dir, 'minutes.txt'), readFileSync(path.join(ROOT, 'test', 'fixtures', '001_1bb751e75b116f8a.txt')));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the PDF, Word and HTML files too, places their findings, names the hostile file and reports N of M files', async () => {
    const client = new TestClient();
    try {
      await client.initialize(dir);
      const progress = progressOn(client, 'run-1');
      const result = await client.request<{ files: number; checked: number; cancelled: boolean; unreadable: string[] }>('referat/validateWorkspace', { workDoneToken: 'run-1' });
      assert.equal(result.files, 4);
      assert.equal(result.checked, 4);
      assert.equal(result.cancelled, false);
      assert.equal(result.unreadable.length, 1);
      assert.match(result.unreadable[0], /^Åbn som tekst: zip-bomb\.docx pakker ud til mere end 50 MB/);
      await new Promise((r) => setTimeout(r, 200));
      const html = client.lastDiagnostics(viewOf(path.join(dir, 'seed-000.html'))) ?? [];
      assert.deepEqual(html.map((d) => d.code), ['RF103']);
      assert.match(String(html[0].message), /\(linje 185 i HTML-filen\)$/);
      assert.deepEqual((client.lastDiagnostics(viewOf(path.join(dir, 'seed-000.docx'))) ?? []).map((d) => d.code), ['RF103']);
      assert.ok((client.lastDiagnostics(URI.file(path.join(dir, 'minutes.txt')).toString()) ?? []).length > 0, 'the text file is checked');
      assert.equal(client.lastDiagnostics(URI.file(path.join(dir, 'seed-000.html')).toString()), undefined, 'nothing on the original itself');
      assert.equal(progress[0].kind, 'begin');
      assert.equal(progress[0].message, '0 af 4 filer');
      assert.deepEqual(progress.filter((v) => v.kind === 'report').map((v) => v.message?.replace(/ · .*/, '')), ['1 af 4 filer', '2 af 4 filer', '3 af 4 filer', '4 af 4 filer']);
      assert.equal(progress.at(-1)?.kind, 'end');
    } finally {
      await client.stop();
    }
  });

  it('leaves the published files out with referat.archives off', async () => {
    const client = new TestClient();
    try {
      await client.initialize(dir, { archives: false });
      const result = await client.request<{ files: number; unreadable: string[] }>('referat/validateWorkspace', {});
      assert.equal(result.files, 1);
      assert.deepEqual(result.unreadable, []);
    } finally {
      await client.stop();
    }
  });

  it('stops when cancelled and answers with what it checked', async () => {
    const many = mkdtempSync(path.join(tmpdir(), 'referat-many-'));
    const client = new TestClient();
    try {
      mkdirSync(path.join(many, 'arkiv'));
      for (let i = 0; i < 60; i++) copyFileSync(path.join(ARCHIVES, 'seed-000.docx'), path.join(many, 'arkiv', `referat-${String(i).padStart(2, '0')}.docx`));
      await client.initialize(many);
      const cancel = new CancellationTokenSource();
      progressOn(client, 'run-2', (v) => v.kind === 'report' && cancel.cancel());
      const result = await client.connection.sendRequest<{ files: number; checked: number; cancelled: boolean }>('referat/validateWorkspace', { workDoneToken: 'run-2' }, cancel.token);
      assert.equal(result.files, 60);
      assert.equal(result.cancelled, true);
      assert.ok(result.checked < 60, JSON.stringify(result));
    } finally {
      await client.stop();
      rmSync(many, { recursive: true, force: true });
    }
  });

  it('shows the progress of a long background index of the workspace (N af M filer)', async () => {
    const big = mkdtempSync(path.join(tmpdir(), 'referat-index-'));
    const client = new TestClient();
    try {
      const text = readFileSync(path.join(ROOT, 'test', 'fixtures', '001_1bb751e75b116f8a.txt'));
      for (let i = 0; i < 200; i++) writeFileSync(path.join(big, `referat-${String(i).padStart(3, '0')}.txt`), text);
      const seen: Progress[] = [];
      let ended: () => void = () => undefined;
      const end = new Promise<void>((resolve) => (ended = resolve));
      client.connection.onRequest('window/workDoneProgress/create', (p: { token: string }) => {
        client.connection.onProgress(new ProgressType<Progress>(), p.token, (v) => {
          seen.push(v);
          if (v.kind === 'end') ended();
        });
        return null;
      });
      await client.initialize(big);
      await Promise.race([end, new Promise((_, reject) => setTimeout(() => reject(new Error(`no end of the index's progress: ${JSON.stringify(seen.slice(-3))}`)), 20000))]);
      assert.equal(seen[0].kind, 'begin');
      assert.equal(seen[0].message, '0 af 200 filer');
      assert.equal(seen.filter((v) => v.kind === 'report').at(-1)?.message, '200 af 200 filer');
    } finally {
      await client.stop();
      rmSync(big, { recursive: true, force: true });
    }
  });
});
