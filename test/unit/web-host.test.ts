// The web worker server's host (server/src/web/): documents of any file system named as workspace paths, the
// editor's files fetched from the client (a fake connection here, answering as client/src/web/files.ts does),
// and large documents analysed in a later task, not at all when a newer version came first.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import iconv from 'iconv-lite';
import { base64ToBytes, bytesToBase64 } from '../../server/src/core/base64';
import { WebRequests, type ListFilesParams, type ReadFilesParams, type ReadFilesResult } from '../../server/src/core/protocol-web';
import { recordingLog } from '../../client/src/recordingLog';
import { analyze } from '../../server/src/core/analyze';
import { SupersededError } from '../../server/src/features/host';
import { DocumentStore } from '../../server/src/features/store';
import { createReferatService } from '../../server/src/node/service';
import { createHash as webCreateHash } from '../../server/src/web/crypto';
import { webHost } from '../../server/src/web/host';
import { pathOfUri, uriOfPath } from '../../server/src/web/paths';
import { FIXTURES } from './helpers';

/** A client over a map of URIs to bytes; records the requests. */
function fakeClient(files: Map<string, Uint8Array>) {
  const requests: { method: string; params: unknown }[] = [];
  const connection = {
    sendRequest: async (method: string, params: unknown) => {
      requests.push({ method, params });
      if (method === WebRequests.listFiles) {
        const { folders } = params as ListFilesParams;
        return { files: [...files.keys()].filter((uri) => folders.some((f) => uri.startsWith(`${f}/`))) };
      }
      if (method === WebRequests.readFiles) {
        const answer: ReadFilesResult = {
          files: (params as ReadFilesParams).uris.map((uri) => {
            const bytes = files.get(uri);
            return bytes ? { base64: bytesToBase64(bytes) } : { error: { code: 'ENOENT', message: `${uri} not found` } };
          }),
        };
        return answer;
      }
      throw new Error(`unexpected request ${method}`);
    },
  };
  return { connection: connection as never, requests };
}

const FOLDER = 'vscode-vfs://github/kommune/referater';
const seed = readFileSync(path.join(FIXTURES, '000_1bde0758b15ed079.txt'), 'utf8');

describe('web worker host (server/src/web/)', () => {
  it('names documents of any file system by a path with the scheme and authority, and back', () => {
    for (const uri of [
      'vscode-vfs://github/kommune/referater/2024/m%C3%B8de.txt',
      'vscode-remote://127.0.0.1:8080/work/minutes.referat.txt',
      'file:///home/clerk/referat.txt',
      'vscode-remote://under_score/a.txt',
    ]) {
      const file = pathOfUri(uri);
      assert.ok(file?.startsWith('/'), `${uri} → ${file}`);
      assert.equal(uriOfPath(file!), uri);
    }
    assert.equal(pathOfUri('vscode-vfs://github/kommune/referater/a.txt'), '/vscode-vfs/github/kommune/referater/a.txt');
    assert.equal(pathOfUri('file:///a/b.txt'), '/file/_/a/b.txt');
    assert.equal(pathOfUri('untitled:Untitled-1'), undefined, 'an untitled document is in no file system');
  });

  it("web/crypto.ts, node:crypto's stand-in in the web bundle, gives Node's sha256 (fingerprints and ignore entries agree)", () => {
    for (const text of ['', 'RF103\u00003 Budget\u0000751', 'æøå ÆØÅ € – “citat”', 'x'.repeat(100_000)]) {
      assert.equal(webCreateHash('sha256').update(text).digest('hex'), createHash('sha256').update(text).digest('hex'), JSON.stringify(text.slice(0, 20)));
    }
    assert.throws(() => webCreateHash('md5'), /only sha256/);
  });

  it('base64 carries any bytes, as Node encodes them', () => {
    for (const n of [0, 1, 2, 3, 4, 255, 256, 70_000]) {
      const bytes = Uint8Array.from({ length: n }, (_, k) => (k * 37 + n) & 255);
      const text = bytesToBase64(bytes);
      assert.equal(text, Buffer.from(bytes).toString('base64'), `${n} bytes`);
      assert.deepEqual(base64ToBytes(text), bytes);
    }
  });

  it('lists the folder and reads .referat.json through the client; a Windows-1252 file is read as such (RF098)', async () => {
    const files = new Map<string, Uint8Array>([
      [`${FOLDER}/.referat.json`, new TextEncoder().encode('{ "rules": { "RF103": "error" }, "ignorePatterns": ["noter/**"] }')],
      [`${FOLDER}/2021/legacy.txt`, iconv.encode(seed, 'win1252')],
      [`${FOLDER}/noter/idé.md`, new TextEncoder().encode('# Noter\n')],
      [`${FOLDER}/node_modules/x/readme.md`, new TextEncoder().encode('# x\n')],
    ]);
    const { connection, requests } = fakeClient(files);
    const host = webHost(connection, () => undefined);
    const folder = pathOfUri(FOLDER)!;
    await host.prepare({ folders: [folder] });
    assert.deepEqual(requests.map((r) => r.method), [WebRequests.listFiles, WebRequests.readFiles], 'one listing, then the configuration file');
    const service = createReferatService({ workspace: host.workspace, uriOf: host.uriOf });
    const listed = service.files([folder]);
    assert.deepEqual(listed.map(host.uriOf), [`${FOLDER}/2021/legacy.txt`], 'ignorePatterns and node_modules leave the rest out');
    await host.prepare({ files: listed });
    const [checked] = service.checkFiles(listed);
    assert.equal(checked.error, undefined);
    const codes = checked.findings.map((f) => `${f.code} ${f.severity}`);
    assert.ok(codes.includes('RF098 information'), codes.join(', '));
    assert.ok(codes.includes('RF103 error'), '.referat.json applies: RF103 is an error');
  });

  it('forgets a deleted .referat.json and reads a changed one again', async () => {
    const config = `${FOLDER}/.referat.json`;
    const files = new Map([[config, new TextEncoder().encode('{ "language": "en" }')], [`${FOLDER}/a.txt`, new TextEncoder().encode(seed)]]);
    const host = webHost(fakeClient(files).connection, () => undefined);
    const folder = pathOfUri(FOLDER)!;
    await host.prepare({ folders: [folder] });
    const doc = path.posix.join(folder, 'a.txt');
    assert.equal(host.workspace.configFor(doc)?.config.language, 'en');
    files.set(config, new TextEncoder().encode('{ "language": "da" }'));
    await host.prepare({ changed: [pathOfUri(config)!] });
    host.workspace.refresh();
    assert.equal(host.workspace.configFor(doc)?.config.language, 'da');
    files.delete(config);
    await host.prepare({ changed: [pathOfUri(config)!] });
    host.workspace.refresh();
    assert.equal(host.workspace.configFor(doc), null);
  });

  it('analyses a large document in a later task, and not at all when a newer version came first', async () => {
    const host = webHost(fakeClient(new Map()).connection, () => undefined);
    let superseded = false;
    const pending = host.analyzeLarge(seed, {}, () => superseded);
    superseded = true;
    await assert.rejects(pending, SupersededError);
    const analysis = await host.analyzeLarge(seed, {}, () => false);
    assert.equal(analysis.model.items.length, 6);
  });

  it('serves a github.dev document as the Node server serves a file: its folder\'s .referat.json and ignorePatterns apply', async () => {
    const files = new Map([
      [`${FOLDER}/.referat.json`, new TextEncoder().encode('{ "rules": { "RF103": "error" }, "ignorePatterns": ["noter/**"] }')],
      [`${FOLDER}/a.txt`, new TextEncoder().encode(seed)],
    ]);
    const client = fakeClient(files);
    const connection = { ...client.connection as object, console: { log() {} }, sendDiagnostics: async () => undefined };
    const store = new DocumentStore(connection as never, (log) => webHost(client.connection, log));
    store.settings.folders = [pathOfUri(FOLDER)!];
    await store.host.prepare({ folders: store.settings.folders });
    const uri = `${FOLDER}/a.txt`;
    assert.equal(store.configFor(uri).rules?.RF103, 'error');
    const findings = store.documentFindings(uri, analyze(seed, { config: store.configFor(uri) }));
    assert.ok(findings.some((f) => f.code === 'RF103' && f.severity === 'error'), findings.map((f) => `${f.code} ${f.severity}`).join(', '));
    assert.ok(findings.every((f) => typeof f.fingerprint === 'string' && f.fingerprint.length === 32), 'fingerprints (sha256) as in Node');
    assert.equal(store.isIgnoredFile(`${FOLDER}/noter/x.md`), true, 'ignorePatterns');
    assert.equal(store.isIgnoredFile('untitled:Untitled-1'), false);
    assert.equal(store.configFor('untitled:Untitled-1').rules?.RF103, undefined, 'an untitled document has no folder configuration');
  });

  it("keeps the Referat log's last lines for the extension's API, and still writes them to the channel", () => {
    const written: string[] = [];
    const channel = { name: 'Referat', info: (m: string) => written.push(m), appendLine: (m: string) => written.push(m), show: () => undefined };
    const log = recordingLog(channel as never);
    log.channel.info('[referat] server running in a web worker (browser)');
    log.channel.appendLine('two\nlines');
    assert.deepEqual(written, ['[referat] server running in a web worker (browser)', 'two\nlines']);
    assert.deepEqual(log.lines(), ['[referat] server running in a web worker (browser)', 'two', 'lines']);
    assert.equal(log.channel.name, 'Referat');
  });
});
