/**
 * The bundled language server over stdio, as any editor starts it: capabilities,
 * outline of every seed in each language it can arrive in, folding, definition,
 * incremental edits, diagnostics, settings and bad input.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { DocumentSymbol, FoldingRange, InitializeResult, Location, TextEdit } from 'vscode-languageserver-protocol';
import { parseDocument } from '../../server/src/core/parse/index';
import { ROOT, TestClient } from './client';

const FIXTURES = path.join(ROOT, 'test', 'fixtures');
const seed = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
const S = {
  r2021: '000_1bde0758b15ed079.txt',
  b2021: '001_1bb751e75b116f8a.txt',
  r2020: '002_cee8b5e6ba1df47f.txt',
  bPdf: '003_563f54a0d9eba8f6.txt',
  ht: '004_6e795d272eb0bc4b.txt',
};

function items(symbols: DocumentSymbol[]): DocumentSymbol[] {
  assert.equal(symbols.length, 1, 'one document symbol at the root');
  return (symbols[0].children ?? []).filter((s) => s.name.startsWith('Punkt '));
}

describe('language server over stdio', function () {
  let client: TestClient;
  let init: InitializeResult;

  before(async () => {
    client = new TestClient();
    init = await client.initialize();
  });
  after(async () => client.stop());

  it('announces its capabilities', () => {
    const c = init.capabilities;
    assert.equal(typeof c.textDocumentSync === 'object' && c.textDocumentSync.change, 2, 'incremental sync');
    for (const key of ['documentSymbolProvider', 'foldingRangeProvider', 'definitionProvider', 'documentLinkProvider', 'selectionRangeProvider', 'workspaceSymbolProvider', 'codeActionProvider'] as const) {
      assert.ok(c[key], key);
    }
    assert.equal(init.serverInfo?.name, 'referat');
  });

  const expected: Record<string, { count: number; first: string; detail?: [number, string] }> = {
    [S.r2021]: { count: 6, first: 'Punkt 1: Meddelelser', detail: [2, 'Godkendt'] },
    [S.b2021]: { count: 10, first: 'Punkt 1: Meddelelser', detail: [2, 'Ikke godkendt'] },
    [S.r2020]: { count: 5, first: 'Punkt 1: Meddelelser', detail: [1, 'Godkendt'] },
    [S.bPdf]: { count: 11, first: 'Punkt 1: Meddelelser', detail: [2, 'Godkendt'] },
    [S.ht]: { count: 2, first: 'Punkt 1: Redegørelse for integrationspris projekter - BEU', detail: [1, '13/2820'] },
  };
  const languages: Record<string, string[]> = {
    [S.r2021]: ['referat', 'plaintext'],
    [S.b2021]: ['referat', 'plaintext'],
    [S.r2020]: ['referat', 'plaintext'],
    [S.bPdf]: ['referat', 'plaintext'],
    [S.ht]: ['referat', 'plaintext', 'markdown'],
  };
  for (const [name, langs] of Object.entries(languages)) {
    for (const languageId of langs) {
      it(`outlines ${name} opened as ${languageId}: Punkt N: Title with the decision or case number`, async () => {
        const uri = `file:///seeds/${languageId}/${name}`;
        await client.open(uri, languageId, seed(name));
        const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
        const list = items(symbols);
        const want = expected[name];
        assert.equal(list.length, want.count);
        assert.equal(list[0].name, want.first);
        if (want.detail) assert.equal(list[want.detail[0]].detail, want.detail[1]);
        const model = parseDocument(seed(name)).model;
        assert.deepEqual(list.map((s) => s.range), model.items.map((i) => i.range));
        for (const item of list) {
          for (const child of item.children ?? []) {
            assert.ok(child.range.start.line >= item.range.start.line && child.range.end.line <= item.range.end.line, 'child inside parent');
          }
        }
      });
    }
  }

  it('says "mangler beslutning" for a referat item without a decision', async () => {
    const uri = 'file:///mem/missing.referat';
    await client.open(uri, 'referat', 'REFERAT Udvalget d. 01-02-2022\n\nPunkt 1: Budget\n\nIndstilling\n\nGodkendes.\n\nBeslutning\n\nGodkendt\n\nPunkt 2: Skoler\n\nIndstilling\n\nGodkendes.\n');
    const list = items(await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }));
    assert.deepEqual(list.map((s) => s.detail), ['Godkendt', 'mangler beslutning']);
  });

  it('gives a README in Markdown and a shopping list nothing', async () => {
    const readme = 'file:///mem/README.md';
    await client.open(readme, 'markdown', '# Project\n\n## 1. Install\n\nRun npm ci.\n\n## 2. Use\n\nRun it.\n');
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: readme } }), []);
    assert.deepEqual(await client.request('textDocument/foldingRange', { textDocument: { uri: readme } }), []);
    const shopping = 'file:///mem/shopping.txt';
    await client.open(shopping, 'plaintext', '1. Mælk\n2. Brød\n');
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: shopping } }), []);
    assert.equal(client.lastDiagnostics(readme), undefined);
  });

  it('folds items, sections and tables', async () => {
    const uri = 'file:///seeds/fold/000.referat';
    await client.open(uri, 'referat', seed(S.r2021));
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    const model = parseDocument(seed(S.r2021)).model;
    for (const item of model.items.filter((i) => i.range.end.line > i.range.start.line)) {
      assert.ok(folds.some((f) => f.startLine === item.range.start.line && f.endLine === item.range.end.line), `item ${item.number}`);
    }
    const table = model.items[5].tables[0];
    assert.ok(folds.some((f) => f.startLine === table.range.start.line && f.endLine === table.range.end.line), 'table');
  });

  it('goes from a table-of-contents line to its Punkt', async () => {
    const uri = 'file:///seeds/def/001.referat';
    await client.open(uri, 'referat', seed(S.b2021));
    // Line 15 (1-based) is "Erhvervs- og Vækstpolitik 2021-2025.....	7".
    const locations = await client.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: { line: 14, character: 3 } });
    assert.equal(locations.length, 1);
    assert.equal(locations[0].range.start.line, 179); // "Punkt 3: Erhvervs- og Vækstpolitik 2021-2025"
    const links = await client.request<{ target: string }[]>('textDocument/documentLink', { textDocument: { uri } });
    assert.equal(links.length, 10);
    assert.equal(links[2].target, `${uri}#L180`);
  });

  it('selects paragraph › section › item › document', async () => {
    const uri = 'file:///seeds/sel/002.referat';
    await client.open(uri, 'referat', seed(S.r2020));
    const [chain] = await client.request<{ range: { start: { line: number } }; parent?: unknown }[]>('textDocument/selectionRange', {
      textDocument: { uri },
      positions: [{ line: 55, character: 4 }],
    });
    const starts: number[] = [];
    for (let r: any = chain; r; r = r.parent) starts.push(r.range.start.line);
    assert.deepEqual(starts, [55, 53, 43, 0]); // paragraph, Sagsfremstilling, Punkt 2, document
  });

  it('keeps the outline right through incremental edits: insert and delete a Punkt', async () => {
    const uri = 'file:///seeds/edit/002.referat';
    let text = seed(S.r2020);
    await client.open(uri, 'referat', text);
    const insertAt = text.indexOf('Punkt 5: Besøg hos Væksthuset');
    const inserted = 'Punkt 5: Nyt punkt\n\nResumé\n\nTekst.\n\n';
    const pos = (offset: number) => {
      const before = text.slice(0, offset).split(/\r\n|\r|\n/);
      return { line: before.length - 1, character: before[before.length - 1].length };
    };
    const edits: { range: TextEdit['range']; text: string }[] = [];
    edits.push({ range: { start: pos(insertAt), end: pos(insertAt) }, text: inserted });
    text = text.slice(0, insertAt) + inserted + text.slice(insertAt);
    const delFrom = text.indexOf('Punkt 2: Principper');
    const delTo = text.indexOf('Punkt 3: Status');
    edits.push({ range: { start: pos(delFrom), end: pos(delTo) }, text: '' });
    text = text.slice(0, delFrom) + text.slice(delTo);
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [edits[0]] });
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [edits[1]] });
    const incremental = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const fresh = 'file:///seeds/edit/fresh.referat';
    await client.open(fresh, 'referat', text);
    const full = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: fresh } });
    assert.deepEqual(incremental, full);
    assert.deepEqual(items(full).map((s) => s.name), [
      'Punkt 1: Meddelelser',
      'Punkt 3: Status for erhvervsindsats og -kommunikation under coronakrisen',
      'Punkt 4: Åben og Rolig - styrket indsats for stressramte',
      'Punkt 5: Nyt punkt',
      'Punkt 5: Besøg hos Væksthuset',
    ]);
  });

  it('answers requests for unknown documents with an empty result and survives didChange for a closed one', async () => {
    const unknown = { textDocument: { uri: 'file:///nowhere.referat' } };
    assert.deepEqual(await client.request('textDocument/documentSymbol', unknown), []);
    assert.deepEqual(await client.request('textDocument/foldingRange', unknown), []);
    assert.deepEqual(await client.request('textDocument/definition', { ...unknown, position: { line: 0, character: 0 } }), []);
    await client.notify('textDocument/didChange', { textDocument: { uri: 'file:///closed.referat', version: 2 }, contentChanges: [{ text: 'x' }] });
    await client.notify('textDocument/didClose', { textDocument: { uri: 'file:///never-opened.referat' } });
    assert.deepEqual(await client.request('textDocument/documentSymbol', unknown), []);
    assert.equal(client.exited, false);
  });

  it('survives a binary and a huge document', async () => {
    const junk = Array.from({ length: 20000 }, (_, k) => String.fromCharCode((k * 7919) % 65536)).join('');
    await client.open('file:///mem/junk.referat', 'referat', junk);
    await client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///mem/junk.referat' } });
    const huge = seed(S.b2021).repeat(40);
    await client.open('file:///mem/huge.referat', 'referat', huge);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: 'file:///mem/huge.referat' } });
    assert.equal(items(symbols).length, 400);
    assert.equal(client.exited, false);
  });

  it('publishes diagnostics with code, source and a link to the rule page', async () => {
    const uri = 'file:///mem/note.referat';
    const next = client.nextDiagnostics(uri);
    await client.open(uri, 'referat', 'En huskeseddel.\n');
    const { diagnostics } = await next;
    const d = diagnostics.find((x) => x.code === 'RF090');
    assert.ok(d, JSON.stringify(diagnostics));
    assert.equal(d.source, 'referat');
    // The page shipped next to dist/ (as in the .vsix), opened from disk: no network needed.
    assert.match(d.codeDescription!.href, /^file:\/\/.*\/docs\/rules\/RF090\.md$/);
    assert.match(String(d.message), /ikke genkendt/);
  });
});

describe('language server settings and configuration files', () => {
  it('follows referat.validate and referat.language without a restart', async () => {
    const client = new TestClient();
    try {
      await client.initialize(undefined, { language: 'en' });
      const uri = 'file:///mem/settings.referat';
      const first = client.nextDiagnostics(uri);
      await client.open(uri, 'referat', 'En huskeseddel.\n');
      assert.match(String((await first).diagnostics[0].message), /not recognised/);
      client.settings = { debounceMs: 0, validate: 'off' };
      const cleared = client.nextDiagnostics(uri);
      await client.notify('workspace/didChangeConfiguration', { settings: {} });
      assert.deepEqual((await cleared).diagnostics, []);
      client.settings = { debounceMs: 0, validate: 'onType', language: 'da' };
      const again = client.nextDiagnostics(uri);
      await client.notify('workspace/didChangeConfiguration', { settings: {} });
      assert.match(String((await again).diagnostics[0].message), /ikke genkendt/);
    } finally {
      await client.stop();
    }
  });

  it('reads resource-scoped settings per document: two folders of a multi-root workspace differ', async () => {
    const client = new TestClient();
    try {
      // Folder b turns RF001 off and forces the Rudersdal profile; folder a keeps the defaults.
      client.scoped = { 'file:///mem/b/': { rules: { RF001: 'off' }, profile: 'rudersdal' } };
      await client.initialize(undefined, {});
      const text = 'REFERAT Økonomiudvalget d. 01-02-2022\n\nPunkt 1: Budget\n\nIndstilling\n\nDirektionen indstiller, at budgettet godkendes.\n';
      const codesIn = async (uri: string) => {
        const next = client.nextDiagnostics(uri);
        await client.open(uri, 'referat', text);
        return (await next).diagnostics.map((d) => d.code);
      };
      assert.ok((await codesIn('file:///mem/a/m.referat')).includes('RF001'));
      assert.ok(!(await codesIn('file:///mem/b/m.referat')).includes('RF001'));
      const a = await client.request<{ profile: string }>('referat/status', { uri: 'file:///mem/a/m.referat' });
      const b = await client.request<{ profile: string; profileName: string }>('referat/status', { uri: 'file:///mem/b/m.referat' });
      assert.deepEqual([a.profile, b.profile, b.profileName], ['generic', 'rudersdal', 'Rudersdal Kommune']);
    } finally {
      await client.stop();
    }
  });

  it('reports a broken .referat.json on that file and keeps the defaults', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'referat-lsp-'));
    writeFileSync(path.join(dir, '.referat.json'), '{ "language": "en", "rules": { "RF090": "warning" }, }}');
    const client = new TestClient();
    try {
      await client.initialize(dir);
      const uri = `file://${dir}/note.referat`;
      const configUri = `file://${dir}/.referat.json`;
      const configDiagnostics = client.nextDiagnostics(configUri);
      const noteDiagnostics = client.nextDiagnostics(uri);
      await client.open(uri, 'referat', 'En huskeseddel.\n');
      const cfg = await configDiagnostics;
      assert.ok(cfg.diagnostics.length > 0);
      assert.equal(cfg.diagnostics[0].code, 'RF099');
      const note = await noteDiagnostics;
      assert.equal(note.diagnostics[0].severity, 3, 'defaults in force: RF090 stays information');
    } finally {
      await client.stop();
    }
  });

  it('applies a valid .referat.json (language, rule severity)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'referat-lsp-'));
    writeFileSync(path.join(dir, '.referat.json'), '{ "language": "en", "rules": { "RF090": "warning" } }');
    const client = new TestClient();
    try {
      await client.initialize(dir);
      const uri = `file://${dir}/note.referat`;
      const next = client.nextDiagnostics(uri);
      await client.open(uri, 'referat', 'A note.\n');
      const d = (await next).diagnostics[0];
      assert.equal(d.severity, 2);
      assert.match(String(d.message), /not recognised/);
    } finally {
      await client.stop();
    }
  });
});

describe('language server: documentation and ignorePatterns', () => {
  it('serves nothing for a file the nearest .referat.json ignores, and a rule page is not minutes', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'referat-lsp-'));
    writeFileSync(path.join(dir, '.referat.json'), '{ "ignorePatterns": ["noter/**"] }');
    const client = new TestClient();
    try {
      await client.initialize(dir);
      const minutes = 'REFERAT Økonomiudvalget d. 01-02-2022\n\nPunkt 1: Budget\n\nIndstilling\n\nGodkendes.\n';
      const ignored = `file://${dir}/noter/udkast.referat`;
      const kept = `file://${dir}/udkast.referat`;
      const next = client.nextDiagnostics(kept);
      await client.open(ignored, 'referat', minutes);
      await client.open(kept, 'referat', minutes);
      assert.ok((await next).diagnostics.length > 0, 'the same text outside the pattern is checked');
      assert.equal(await client.request('referat/status', { uri: ignored }), null);
      assert.equal(client.lastDiagnostics(ignored), undefined, 'no squiggle on the ignored file');
      const page = `file://${dir}/RF001.md`;
      await client.open(page, 'markdown', readFileSync(path.join(ROOT, 'docs', 'rules', 'RF001.md'), 'utf8'));
      assert.equal(await client.request('referat/status', { uri: page }), null, 'a rule page is not minutes');
    } finally {
      await client.stop();
    }
  });
});

describe('language server: "Ignorér i dette dokument"', () => {
  it('writes an ignore entry into .referat.json (not into the document) and the finding goes', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'referat-lsp-'));
    const client = new TestClient();
    try {
      await client.initialize(dir);
      const uri = `file://${dir}/klage.referat`;
      const text = 'REFERAT Økonomiudvalget d. 01-02-2022\n\nPunkt 1: Klage\n\nSagsfremstilling\n\nBorgeren 010203-1234 har klaget.\n\nBeslutning\n\nGodkendt\n';
      writeFileSync(path.join(dir, 'klage.referat'), text);
      const first = client.nextDiagnostics(uri);
      await client.open(uri, 'referat', text);
      const d = (await first).diagnostics.find((x) => x.code === 'RF200')!;
      const actions = await client.request<{ title: string; edit?: { documentChanges?: { kind?: string; uri?: string; edits?: { newText: string }[] }[] } }[]>('textDocument/codeAction', {
        textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] },
      });
      const ignore = actions.find((a) => a.title.startsWith('Ignorér RF200 i dette dokument'));
      assert.ok(ignore, actions.map((a) => a.title).join(' | '));
      const changes = ignore.edit!.documentChanges!;
      assert.equal(changes[0].kind, 'create');
      assert.equal(changes[0].uri, `file://${dir}/.referat.json`);
      const written = changes[1].edits![0].newText;
      assert.doesNotMatch(written, /010203|1234/, 'the entry holds no digit of the number');
      assert.deepEqual(Object.keys(JSON.parse(written).ignore[0]), ['file', 'code', 'fingerprint']);
      assert.equal(JSON.parse(written).ignore[0].file, 'klage.referat');
      assert.ok(changes.every((c) => c.uri !== uri && (c as { textDocument?: { uri: string } }).textDocument?.uri !== uri), 'the document itself is not edited');
      // What the client does with the edit: write the file, and the server hears of it.
      writeFileSync(path.join(dir, '.referat.json'), written);
      const after = client.nextDiagnostics(uri);
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: `file://${dir}/.referat.json`, type: 1 }] });
      assert.ok(!(await after).diagnostics.some((x) => x.code === 'RF200'), 'the ignored finding is gone');
    } finally {
      await client.stop();
    }
  });
});

describe('Restricted Mode (untrusted workspace)', () => {
  it('declares limited support for untrusted and virtual workspaces in the manifest', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.equal(manifest.capabilities.virtualWorkspaces.supported, 'limited');
    const nls = JSON.parse(readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8'));
    assert.match(nls[manifest.capabilities.untrustedWorkspaces.description.replace(/%/g, '')], /Restricted Mode/);
  });

  it('checks documents but leaves out the workspace profiles until the folder is trusted', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'referat-lsp-'));
    writeFileSync(path.join(dir, '.referat.json'), JSON.stringify({ profile: 'egen', profiles: [{ id: 'egen', name: 'Egen skabelon', extends: 'generic' }] }));
    const text = 'REFERAT Økonomiudvalget d. 01-02-2022\n\nPunkt 1: Budget\n\nBeslutning\n\nGodkendt\n';
    const statusWith = async (options: Record<string, unknown> | undefined) => {
      const client = new TestClient();
      try {
        await client.initialize(dir, {}, options);
        const uri = `file://${dir}/m.referat`;
        const next = client.nextDiagnostics(uri);
        await client.open(uri, 'referat', text);
        await next;
        const before = await client.request<{ profile: string } | null>('referat/status', { uri });
        await client.notify('referat/trust', { trusted: true });
        const after = client.nextDiagnostics(uri);
        await after;
        const trusted = await client.request<{ profile: string } | null>('referat/status', { uri });
        return [before?.profile, trusted?.profile];
      } finally {
        await client.stop();
      }
    };
    assert.deepEqual(await statusWith({ trusted: false }), ['generic', 'egen'], 'untrusted: built-in profiles only; trusted: the workspace profile');
    assert.deepEqual(await statusWith(undefined), ['egen', 'egen'], 'an editor without workspace trust is trusted');
  });
});

describe('language server validation modes', () => {
  it('with validate onSave, validates on open and save but not while typing', async () => {
    const client = new TestClient();
    try {
      await client.initialize(undefined, { validate: 'onSave' });
      const uri = 'file:///mem/onsave.referat';
      const opened = client.nextDiagnostics(uri);
      await client.open(uri, 'referat', 'En huskeseddel.\n');
      assert.equal((await opened).diagnostics.length, 1);
      let publishedWhileTyping = false;
      const watch = client.nextDiagnostics(uri, 1500).then(() => (publishedWhileTyping = true), () => undefined);
      await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'REFERAT Udvalget d. 01-02-2022\n\nPunkt 1: A\n\nBeslutning\n\nGodkendt\n' }] });
      await watch;
      assert.equal(publishedWhileTyping, false, 'no diagnostics while typing');
      const saved = client.nextDiagnostics(uri);
      await client.notify('textDocument/didSave', { textDocument: { uri } });
      assert.deepEqual((await saved).diagnostics.filter((d) => d.code === 'RF090'), []);
    } finally {
      await client.stop();
    }
  });
});

describe('language server cancellation', () => {
  it('answers a cancelled request for a large document with RequestCancelled', async () => {
    const client = new TestClient();
    try {
      await client.initialize();
      const uri = 'file:///mem/cancel.referat';
      await client.open(uri, 'referat', seed(S.b2021).repeat(60)); // > 1 MB: analysed in the worker
      const source = new (await import('vscode-jsonrpc/node')).CancellationTokenSource();
      const pending = client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }, source.token);
      source.cancel();
      await assert.rejects(pending, (e: { code?: number }) => e.code === -32800);
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.equal(items(symbols).length, 600, 'the next request is answered');
    } finally {
      await client.stop();
    }
  });
});
