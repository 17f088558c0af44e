/**
 * Across documents in the workspace, over LSP: the minutes compared with their agenda
 * (RF220, RF221, pointing into the agenda), and an earlier treatment that links to
 * that meeting's item. The agenda is only on disk: the server's workspace index reads it.
 */
import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { DocumentLink, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { ROOT, TestClient } from './client';

describe('cross-document checks over LSP', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'referat-crossdoc-'));
  cpSync(path.join(ROOT, 'test', 'fixtures', 'rules', 'crossdoc'), dir, { recursive: true });
  const uri = (name: string) => `file://${dir}/${name}`;
  let client: TestClient;

  before(async () => {
    client = new TestClient();
    await client.initialize(dir);
  });
  after(async () => client.stop());

  it('compares the minutes with their agenda, with the agenda as related information', async () => {
    const minutes = uri('minutes.txt');
    let last: PublishDiagnosticsParams | undefined;
    const deadline = Date.now() + 10000;
    const next = () => client.nextDiagnostics(minutes, 3000).then((p) => (last = p), () => undefined);
    const first = next();
    await client.open(minutes, 'plaintext', readFileSync(path.join(dir, 'minutes.txt'), 'utf8'));
    await first;
    // The index of the workspace may finish after the first validation; the server re-validates then.
    while (!last?.diagnostics.some((d) => d.code === 'RF220') && Date.now() < deadline) await next();
    const codes = last!.diagnostics.map((d) => d.code).sort();
    assert.deepEqual(codes, ['RF220', 'RF220', 'RF220', 'RF221']);
    const rename = last!.diagnostics.find((d) => d.code === 'RF220')!;
    assert.ok(rename.relatedInformation?.some((r) => r.location.uri === uri('agenda.txt')), JSON.stringify(rename.relatedInformation));
  });

  it('compares again when the agenda goes away', async () => {
    const minutes = uri('minutes.txt');
    // Publications already under way may still arrive: wait for the one that answers the change.
    const until = async (ok: (p: PublishDiagnosticsParams) => boolean) => {
      for (let k = 0; k < 10; k++) {
        const p = await client.nextDiagnostics(minutes, 3000);
        if (ok(p)) return p;
      }
      throw new Error('no such diagnostics');
    };
    const crossCodes = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => String(d.code).startsWith('RF22')).length;
    const gone = until((p) => crossCodes(p) === 0);
    rmSync(path.join(dir, 'agenda.txt'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('agenda.txt'), type: 3 }] });
    await gone;
    cpSync(path.join(ROOT, 'test', 'fixtures', 'rules', 'crossdoc', 'agenda.txt'), path.join(dir, 'agenda.txt'));
    const back = until((p) => crossCodes(p) === 4);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('agenda.txt'), type: 1 }] });
    await back;
  });

  it('links an earlier treatment to that meeting’s item', async () => {
    const minutes = uri('minutes.txt');
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: minutes } });
    const earlier = links.find((l) => l.target?.startsWith(uri('earlier-minutes.txt')));
    assert.ok(earlier, JSON.stringify(links.map((l) => l.target)));
    const line = readFileSync(path.join(dir, 'earlier-minutes.txt'), 'utf8').split('\n').findIndex((l) => l.startsWith('Punkt 3'));
    assert.equal(earlier.target, `${uri('earlier-minutes.txt')}#L${line + 1}`);
    assert.equal(earlier.range.start.line, 24);
  });
});

describe('the workspace index after closing a document', () => {
  it('forgets an untitled document and its Punkt titles', async () => {
    const client = new TestClient();
    try {
      await client.initialize();
      const uri = 'untitled:Untitled-9';
      const shown = client.nextDiagnostics(uri);
      await client.open(uri, 'referat', 'REFERAT Udvalget d. 01-02-2022\n\nPunkt 1: Helt særligt navn\n\nBeslutning\n\nGodkendt\n');
      await shown;
      const before = await client.request<{ name: string }[]>('workspace/symbol', { query: 'særligt' });
      assert.equal(before.length, 1);
      await client.notify('textDocument/didClose', { textDocument: { uri } });
      const after = await client.request<{ name: string }[]>('workspace/symbol', { query: 'særligt' });
      assert.deepEqual(after, []);
    } finally {
      await client.stop();
    }
  });
});
