// The web worker's language server (dist/web/server.js, what vscode.dev, github.dev and code-server's browser
// run) timed as bench/lsp.mjs times the Node server: didOpen of the 10,000-line document → its diagnostics,
// and a keystroke → diagnostics (debounceMs 0). Called by bench/run.mjs; `node bench/web.mjs` runs it alone.
//
// Where it runs: the very bundle, in a Node worker_threads Worker whose global scope is given a `self`
// (postMessage, onmessage, addEventListener) as a browser's dedicated worker has, so the server talks over
// structured-clone messages as it does in the browser. Not in Chromium: the workbench, its extension host
// and the browser would be timed too, and on these two shared cores their noise would be larger than the
// server's own figure; V8 is the same engine in both. What the Node figure has that this one has not: the
// worker thread for documents over 1,000,000 characters (not reached by 10,000 lines) and node:buffer's
// faster UTF-8 check (not used for an editor's buffer).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { generateReferat } from './gen.mjs';
// The same clock, quantiles and keystrokes as the Node server's figures, so the two stand side by side.
import { ms, positionAt, quantile, random, round } from './lsp.mjs';

const { createMessageConnection, PortMessageReader, PortMessageWriter } = createRequire(import.meta.url)('vscode-jsonrpc/node');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVER = path.join(root, 'dist', 'web', 'server.js');

// Runs in the worker: a browser worker's `self` over worker_threads' port, then the bundle as a plain script.
const SHIM = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const vm = require('node:vm');
const listeners = {};
const scope = {
  onmessage: null,
  postMessage: (message) => parentPort.postMessage(message),
  addEventListener: (type, listener) => (listeners[type] ??= []).push(listener),
};
globalThis.self = scope;
parentPort.on('message', (data) => scope.onmessage?.({ data }));
process.on('uncaughtException', (e) => (listeners.error ?? []).forEach((l) => l({ message: String(e) })));
vm.runInThisContext(readFileSync(workerData.script, 'utf8'), { filename: workerData.script });
`;

export async function runWeb({ changes = 100, log = console.log } = {}) {
  if (!existsSync(SERVER)) throw new Error('dist/web/server.js is missing: run npm run build');
  const worker = new Worker(SHIM, { eval: true, workerData: { script: SERVER } });
  const connection = createMessageConnection(new PortMessageReader(worker), new PortMessageWriter(worker));
  const waiters = new Map();
  const logLines = [];
  connection.onNotification('textDocument/publishDiagnostics', (p) => {
    const w = waiters.get(p.uri);
    if (w && (w.version === undefined || p.version === w.version)) {
      waiters.delete(p.uri);
      w.resolve(p);
    }
  });
  connection.onNotification('window/logMessage', (p) => logLines.push(p.message));
  connection.onRequest('workspace/configuration', (p) => p.items.map(() => ({ debounceMs: 0 })));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  const diagnostics = (uri, version) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri}`)), 30000);
      waiters.set(uri, { version, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  const open = (uri, text, version = 1) => connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'referat', version, text } });

  await connection.sendRequest('initialize', { processId: null, rootUri: null, workspaceFolders: null, capabilities: { workspace: { configuration: true } } });
  await connection.sendNotification('initialized', {});
  await new Promise((r) => setTimeout(r, 200));
  const results = { webWhere: 'dist/web/server.js in a Node worker_threads Worker with a browser-like self' };

  const doc = generateReferat(10000);
  const opens = [];
  for (let k = 0; k < 6; k++) {
    const uri = `file:///bench/web-open-${k}.referat`;
    const published = diagnostics(uri);
    const t0 = process.hrtime.bigint();
    await open(uri, doc);
    await published;
    if (k > 0) opens.push(ms(t0)); // the first open warms the code up
    await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }
  results.webOpenToDiagnosticsMs = round(quantile(opens, 0.5));

  const uri = 'file:///bench/web-typing.referat';
  let text = doc;
  let version = 1;
  const first = diagnostics(uri, 1);
  await open(uri, text, version);
  await first;
  const rnd = random(42);
  let pending = null;
  const times = [];
  for (let k = 0; k < changes + 10; k++) {
    let change;
    if (pending === null) {
      const offset = Math.floor(rnd() * text.length);
      change = { range: { start: positionAt(text, offset), end: positionAt(text, offset) }, text: 'x' };
      text = text.slice(0, offset) + 'x' + text.slice(offset);
      pending = offset;
    } else {
      change = { range: { start: positionAt(text, pending), end: positionAt(text, pending + 1) }, text: '' };
      text = text.slice(0, pending) + text.slice(pending + 1);
      pending = null;
    }
    const params = { textDocument: { uri, version: ++version }, contentChanges: [change] };
    const published = diagnostics(uri, version);
    const t0 = process.hrtime.bigint();
    await connection.sendNotification('textDocument/didChange', params);
    await published;
    if (k >= 10) times.push(ms(t0));
  }
  results.webChangeToDiagnosticsP50Ms = round(quantile(times, 0.5));
  results.webChangeToDiagnosticsP95Ms = round(quantile(times, 0.95));
  results.webLogSaysWebWorker = logLines.some((l) => /web worker/.test(l));
  connection.dispose();
  await worker.terminate();

  log(`\nLanguage server in a web worker (${results.webWhere}; ${doc.split('\n').length} lines, debounceMs 0)`);
  log(`didOpen → diagnostics:             ${results.webOpenToDiagnosticsMs} ms (median of 5)`);
  log(`didChange → diagnostics:           p50 ${results.webChangeToDiagnosticsP50Ms} ms, p95 ${results.webChangeToDiagnosticsP95Ms} ms over ${changes} keystrokes`);
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await runWeb(), null, 2));
}
