// The language server as an editor sees it: dist/server.js over stdio, timed from this side
// of the pipe. Called by bench/run.mjs; `node bench/lsp.mjs` runs it alone (after npm run build).
//   startupMs                 spawn → initialize result (median of 5 starts)
//   openToDiagnosticsMs       didOpen of the 10,000-line document → its diagnostics (median of 5)
//   changeToDiagnostics*      a keystroke (didChange, incremental) → diagnostics, with debounceMs 0
//                             from workspace/configuration, so the debounce is not measured
//   changeCpuMs               the server process's CPU time (user + system, all its threads) per keystroke:
//                             steadier than the wall clock on a machine shared with other work
//   symbolsP95Ms              textDocument/documentSymbol sent right after a keystroke: the
//                             analysis of the new version is in it (the outline after typing)
//   rss50DocsMb               peak RSS (VmHWM) of a fresh server with 50 documents open
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateReferat } from './gen.mjs';

// vscode-jsonrpc comes with vscode-languageserver (as the test client in test/lsp uses it).
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = createRequire(import.meta.url)('vscode-jsonrpc/node');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// For profiling: REFERAT_BENCH_SERVER=<an unminified bundle> REFERAT_BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/p".
const SERVER = process.env.REFERAT_BENCH_SERVER ?? path.join(root, 'dist', 'server.js');
// The server is started as the VS Code client starts it: with the client's Node flags (client/src/server-node-flags.json).
const CLIENT_FLAGS = JSON.parse(readFileSync(path.join(root, 'client', 'src', 'server-node-flags.json'), 'utf8')).execArgv;
const NODE_ARGS = [...CLIENT_FLAGS, ...(process.env.REFERAT_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean)];

export const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
export const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(s.length * q) - 1))];
};
export const round = (x) => Number(x.toFixed(2));

/** A server process and a JSON-RPC connection to it, with diagnostics waiters. */
class Server {
  constructor() {
    this.proc = spawn(process.execPath, [...NODE_ARGS, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    this.connection = createMessageConnection(new StreamMessageReader(this.proc.stdout), new StreamMessageWriter(this.proc.stdin));
    this.waiters = new Map();
    this.connection.onNotification('textDocument/publishDiagnostics', (p) => {
      const w = this.waiters.get(p.uri);
      if (w && (w.version === undefined || p.version === w.version)) {
        this.waiters.delete(p.uri);
        w.resolve(p);
      }
    });
    this.connection.onRequest('workspace/configuration', (p) => p.items.map(() => ({ debounceMs: 0 })));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification(() => undefined);
    this.connection.listen();
  }

  async initialize() {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: { workspace: { configuration: true }, window: { workDoneProgress: true } },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Resolves with the next diagnostics for uri (of that version, when given). */
  diagnostics(uri, version, timeoutMs = 30000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri}`)), timeoutMs);
      this.waiters.set(uri, { version, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  open(uri, text, version = 1) {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'referat', version, text } });
  }

  /** CPU time (user + system) the server process has used so far, in ms (Linux /proc, clock ticks of 10 ms). */
  cpuMs() {
    const fields = readFileSync(`/proc/${this.proc.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  }

  peakRssMb() {
    const status = readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { hwm: kb('VmHWM') / 1024, rss: kb('VmRSS') / 1024 };
  }

  async stop() {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      /* gone */
    }
    // Let it exit by itself (a --cpu-prof profile is written on exit), then make sure.
    if (this.proc.exitCode === null) await Promise.race([new Promise((r) => this.proc.once('exit', r)), new Promise((r) => setTimeout(r, 3000))]);
    this.connection.dispose();
    this.proc.kill();
  }
}

/** The 20 MB document: a seed of some 30 KB repeated (bench/run.mjs times the core on the same text). */
export function hugeDocument(small) {
  return small.repeat(Math.ceil(20e6 / small.length));
}

/** The seed the 20 MB document repeats: the first larger than 25,000 characters. */
export function hugeSeed() {
  const fixtures = path.join(root, 'test', 'fixtures');
  const seeds = readdirSync(fixtures).filter((f) => /^\d{3}_.*\.txt$/.test(f)).sort().map((f) => readFileSync(path.join(fixtures, f), 'utf8'));
  return seeds.find((t) => t.length > 25000) ?? seeds[0];
}

/** A small deterministic generator, so every run types the same keystrokes. */
export function random(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

export function positionAt(text, offset) {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length - 1, character: before[before.length - 1].length };
}

export async function runLsp({ changes = 100, log = console.log } = {}) {
  if (!existsSync(SERVER)) throw new Error('dist/server.js is missing: run npm run build');
  const results = {};

  // Start-up: spawn → initialize result.
  const starts = [];
  for (let k = 0; k < 5; k++) {
    const t0 = process.hrtime.bigint();
    const server = new Server();
    await server.initialize();
    starts.push(ms(t0));
    await server.stop();
  }
  results.startupMs = round(quantile(starts, 0.5));

  const doc = generateReferat(10000);
  const lines = doc.split('\n').length;
  const server = new Server();
  await server.initialize();
  await new Promise((r) => setTimeout(r, 200)); // settings pulled, workspace scan done

  // Open → diagnostics, on fresh URIs (nothing cached).
  const opens = [];
  for (let k = 0; k < 6; k++) {
    const uri = `file:///bench/open-${k}.referat`;
    const published = server.diagnostics(uri);
    const t0 = process.hrtime.bigint();
    await server.open(uri, doc);
    await published;
    if (k > 0) opens.push(ms(t0)); // the first open warms the server's code up
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }
  results.openToDiagnosticsMs = round(quantile(opens, 0.5));

  // Keystrokes: insert a letter at a random place, then delete it again, alternately.
  const uri = 'file:///bench/typing.referat';
  let text = doc;
  let version = 1;
  const first = server.diagnostics(uri, 1);
  await server.open(uri, text, version);
  await first;
  const rnd = random(42);
  let pending = null;
  const keystroke = () => {
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
    return () => server.connection.sendNotification('textDocument/didChange', params);
  };

  const changeTimes = [];
  let cpuBefore = 0;
  for (let k = 0; k < changes + 10; k++) {
    if (k === 10) cpuBefore = server.cpuMs();
    const published = server.diagnostics(uri, version + 1);
    // The change (and its LSP positions, which this side computes by splitting the text) is made
    // before the clock starts: the figure is the server's, from the notification to the diagnostics.
    const send = keystroke();
    const t0 = process.hrtime.bigint();
    await send();
    await published;
    if (k >= 10) changeTimes.push(ms(t0));
  }
  results.changeToDiagnosticsP50Ms = round(quantile(changeTimes, 0.5));
  results.changeToDiagnosticsP95Ms = round(quantile(changeTimes, 0.95));
  results.changeCpuMs = round((server.cpuMs() - cpuBefore) / changes);

  const symbolTimes = [];
  const cachedSymbolTimes = [];
  for (let k = 0; k < changes + 10; k++) {
    const published = server.diagnostics(uri, version + 1);
    await keystroke()();
    let t0 = process.hrtime.bigint();
    await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    if (k >= 10) symbolTimes.push(ms(t0));
    await published;
    t0 = process.hrtime.bigint();
    await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    if (k >= 10) cachedSymbolTimes.push(ms(t0));
  }
  results.symbolsP95Ms = round(quantile(symbolTimes, 0.95));
  results.symbolsCachedP95Ms = round(quantile(cachedSymbolTimes, 0.95));

  // Open → symbols for each seed and the generated 10,000 lines: median and p95 over fresh opens
  // (each open is analysed anew), then documentSymbol alone on the open document.
  const fixturesDir = path.join(root, 'test', 'fixtures');
  const subjects = readdirSync(fixturesDir).filter((f) => /^\d{3}_.*\.txt$/.test(f)).sort()
    .map((f) => [f, readFileSync(path.join(fixturesDir, f), 'utf8')]);
  subjects.push(['generated 10,000 lines', doc]);
  results.openToSymbols = {};
  for (const [name, body] of subjects) {
    const openTimes = [];
    const symbolOnly = [];
    for (let k = 0; k < 12; k++) {
      const docUri = `file:///bench/symbols/${k}/${name.replace(/\W+/g, '-')}.referat`;
      let t0 = process.hrtime.bigint();
      await server.open(docUri, body);
      await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: docUri } });
      if (k > 1) openTimes.push(ms(t0));
      t0 = process.hrtime.bigint();
      await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: docUri } });
      if (k > 1) symbolOnly.push(ms(t0));
      await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: docUri } });
    }
    results.openToSymbols[name] = {
      openP50Ms: round(quantile(openTimes, 0.5)), openP95Ms: round(quantile(openTimes, 0.95)),
      symbolsP50Ms: round(quantile(symbolOnly, 0.5)), symbolsP95Ms: round(quantile(symbolOnly, 0.95)),
    };
  }
  log('\nServer over LSP: open → symbols, and documentSymbol alone (ms, p50 / p95)');
  for (const [name, r] of Object.entries(results.openToSymbols)) {
    log(`${name.padEnd(34)} open→symbols ${String(r.openP50Ms).padStart(7)} / ${String(r.openP95Ms).padStart(7)}   symbols ${String(r.symbolsP50Ms).padStart(6)} / ${String(r.symbolsP95Ms).padStart(6)}`);
  }
  await server.stop();

  // Memory: a fresh server, the five seeds ten times each.
  const fixtures = path.join(root, 'test', 'fixtures');
  const seeds = readdirSync(fixtures).filter((f) => /^\d{3}_.*\.txt$/.test(f)).sort().map((f) => readFileSync(path.join(fixtures, f), 'utf8'));
  const memory = new Server();
  await memory.initialize();
  await new Promise((r) => setTimeout(r, 200));
  const baseline = memory.peakRssMb();
  const waits = [];
  for (let copy = 0; copy < 10; copy++) {
    for (let s = 0; s < seeds.length; s++) {
      const docUri = `file:///bench/memory/${copy}/seed-${s}.referat`;
      waits.push(memory.diagnostics(docUri));
      await memory.open(docUri, seeds[s]);
    }
  }
  await Promise.all(waits);
  for (let copy = 0; copy < 10; copy++) {
    for (let s = 0; s < seeds.length; s++) {
      const docUri = `file:///bench/memory/${copy}/seed-${s}.referat`;
      await memory.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: docUri } });
      await memory.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri: docUri } });
    }
  }
  const loaded = memory.peakRssMb();
  results.rss50DocsMb = round(loaded.hwm);
  results.rssIdleMb = round(baseline.hwm);
  results.rss50DocsResidentMb = round(loaded.rss);
  await memory.stop();

  // Responsiveness: symbols for a 30 KB document while a 20 MB document is being validated
  // (it goes to the analysis worker), each request after an edit so nothing is cached.
  const busy = new Server();
  await busy.initialize();
  const small = seeds.find((t) => t.length > 25000) ?? seeds[0];
  const smallUri = 'file:///bench/busy/small.referat';
  await busy.open(smallUri, small);
  await busy.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: smallUri } });
  const huge = hugeDocument(small);
  const hugeDone = busy.diagnostics('file:///bench/busy/huge.referat');
  const hugeStart = process.hrtime.bigint();
  await busy.open('file:///bench/busy/huge.referat', huge);
  const during = [];
  let hugeMs = 0;
  void hugeDone.then(() => (hugeMs = ms(hugeStart)));
  for (let k = 0; k < 40 && hugeMs === 0; k++) {
    await busy.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: smallUri, version: k + 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: k % 2 ? 0 : 1 } }, text: k % 2 ? ' ' : '' }],
    });
    const t0 = process.hrtime.bigint();
    await busy.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: smallUri } });
    during.push(ms(t0));
    await new Promise((r) => setTimeout(r, 25));
  }
  await hugeDone;
  results.symbolsWhileHugeP95Ms = round(quantile(during, 0.95));
  results.hugeValidationMs = round(hugeMs || ms(hugeStart));
  results.hugeMb = round(Buffer.byteLength(huge) / 1048576);
  results.openMb = round(Buffer.byteLength(doc) / 1048576);
  await busy.stop();

  log(`\nLanguage server (dist/server.js over stdio; keystrokes in a ${lines}-line document, debounceMs 0)`);
  log(`start to initialize result:        ${results.startupMs} ms (median of 5)`);
  log(`didOpen → diagnostics:             ${results.openToDiagnosticsMs} ms (median of 5)`);
  log(`didChange → diagnostics:           p50 ${results.changeToDiagnosticsP50Ms} ms, p95 ${results.changeToDiagnosticsP95Ms} ms over ${changes} keystrokes (target: p95 ≤ 15 ms); server CPU ${results.changeCpuMs} ms a keystroke`);
  log(`documentSymbol after a keystroke:  p95 ${results.symbolsP95Ms} ms (from the cache: p95 ${results.symbolsCachedP95Ms} ms)`);
  log(`symbols of a 30 KB document while a 20 MB one is validated: p95 ${results.symbolsWhileHugeP95Ms} ms over ${during.length} requests (target ≤ 100 ms; the 20 MB document took ${results.hugeValidationMs} ms)`);
  log(`peak RSS with 50 documents open:   ${results.rss50DocsMb} MB (VmHWM; idle server ${baseline.hwm.toFixed(1)} MB, now resident ${loaded.rss.toFixed(1)} MB) (target ≤ 70 MB)`);
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await runLsp(), null, 2));
}
