// npm run bench: prints figures and writes bench/out/latest.json. Never a pass/fail:
// targets are printed beside the figures for a person to judge.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint as markdownlint } from 'markdownlint/sync';
import { barePass, sectionNames } from './bare-pass.mjs';
import { runCli } from './cli.mjs';
import { printTargets } from './targets.mjs';
import { generateReferat } from './gen.mjs';
import { hugeDocument, hugeSeed, runLsp } from './lsp.mjs';
import { runWeb } from './web.mjs';
import { runReaders } from './readers.mjs';
import { allocationProfile } from './alloc.mjs';

// `node bench/run.mjs --no-lsp --no-web --no-cli --no-readers` leaves out the slower parts (their keys are then
// kept from the last latest.json, marked in "skipped").
const skip = new Set(process.argv.slice(2).filter((a) => a.startsWith('--no-')).map((a) => a.slice(5)));
// Figures taken while other work runs on the machine's two cores are slower: say so.
const loadAtStart = loadavg()[0];

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const out = path.join(here, 'out');
mkdirSync(out, { recursive: true });
const require = createRequire(import.meta.url);
// Bundled with the same options as the shipped dist/ bundles, so the figures are theirs.
const { common } = require('../esbuild.js');
await build({ ...common, sourcemap: false, entryPoints: [path.join(here, 'core-entry.ts')], outfile: path.join(out, 'core.cjs') });
const core = require(path.join(out, 'core.cjs'));

/** Median and p95 of fn over runs after warm-up, in milliseconds. */
function time(fn, runs = 30, warmup = 5) {
  for (let i = 0; i < warmup; i++) fn();
  const t = [];
  for (let i = 0; i < runs; i++) {
    const s = process.hrtime.bigint();
    fn();
    t.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  t.sort((a, b) => a - b);
  return { median: t[Math.floor(t.length / 2)], p95: t[Math.min(t.length - 1, Math.ceil(t.length * 0.95) - 1)] };
}
const fmt = (x) => x.toFixed(2).padStart(8);
const results = {};
/** @type {[string, number, { median: number, p95: number }, { median: number, p95: number }][]} */
const rows = [];

const fixtures = path.join(root, 'test', 'fixtures');
for (const f of readdirSync(fixtures).filter((x) => /^\d{3}_.*\.txt$/.test(x)).sort()) {
  const text = readFileSync(path.join(fixtures, f), 'utf8');
  const p = time(() => core.toOutline(f, core.parseDocument(text).model));
  const v = time(() => core.analyze(text));
  rows.push([f, text.split('\n').length, p, v]);
}

const msPer1kLines = {};
const sizes = [1000, 10000, 100000];
for (const n of sizes) {
  const text = generateReferat(n);
  const lines = text.split('\n').length;
  const runs = n >= 100000 ? 8 : 30;
  // Five warm-up runs below 100,000 lines: with two, the optimising compiler has not caught
  // up and the median of the 10,000 lines comes out a third slower than the steady state.
  const warmup = n >= 100000 ? 2 : 5;
  const p = time(() => core.toOutline('gen', core.parseDocument(text).model), runs, warmup);
  const v = time(() => core.analyze(text), runs, warmup);
  rows.push([`generated ${n} lines`, lines, p, v]);
  msPer1kLines[n] = Number(((v.median / lines) * 1000).toFixed(3));
  if (n === 10000) {
    results.parseOutline10kMs = Number(p.median.toFixed(2));
    results.validate10kMs = Number(v.median.toFixed(2));
    // The table checks' share (RF101–RF105 read and add up every table once; uncached here).
    const { model, profile } = core.parseDocument(text);
    const tables = core.allTables(model);
    const t = time(() => { for (const table of tables) core.analyzeTable(table, profile.tables); }, runs, 2);
    results.tables10kMs = Number(t.median.toFixed(2));
    results.tables10kCount = tables.length;
  }
}
// What one full validation of the 10,000 lines allocates (bench/alloc.mjs): the garbage collector's work follows it.
{
  const text = generateReferat(10000);
  const alloc = await allocationProfile(() => core.analyze(text));
  results.alloc10kMb = alloc.mbPerRun;
  results.alloc10kTop = alloc.top;
}
results.msPer1kLines = msPer1kLines;
results.peakRssMb = Number((process.memoryUsage().rss / 1048576).toFixed(1));

console.log('Core (in-process, bundled; median / p95 ms)');
console.log('document'.padEnd(34), 'lines'.padStart(7), 'parse+outline'.padStart(20), 'full validation'.padStart(20));
for (const [name, lines, p, v] of rows) console.log(name.padEnd(34), String(lines).padStart(7), `${fmt(p.median)} /${fmt(p.p95)}`, `${fmt(v.median)} /${fmt(v.p95)}`);
console.log(`\nms per 1,000 lines (full validation): ${sizes.map((n) => `${n}: ${msPer1kLines[n]}`).join(', ')}  (target: flat)`);
console.log(`parse+outline of 10,000 lines: ${results.parseOutline10kMs} ms (target ≤ 10 ms)`);
console.log(`full validation of 10,000 lines: ${results.validate10kMs} ms (target ≤ 8 ms)`);
console.log(`  of which table analysis: ${results.tables10kMs} ms (${results.tables10kCount} tables)`);
console.log(`peak RSS of this process: ${results.peakRssMb} MB`);
console.log(`allocated by one full validation of 10,000 lines: ${results.alloc10kMb} MB; most by:`);
for (const { name, mb } of results.alloc10kTop) console.log(`  ${String(mb).padStart(6)} MB  ${name}`);


// Referat beside the least any checker must do (bench/bare-pass.mjs, a fixed reference) and
// beside markdownlint (its Node API, default rules), all on the same 10,000-line bytes.
{
  const text = generateReferat(10000);
  const names = sectionNames();
  const bare = time(() => barePass(text, names), 30, 5);
  const lint = time(() => markdownlint({ strings: { referat: text } }), 10, 2);
  const ours = time(() => core.analyze(text), 30, 5);
  results.barePassMs = Number(bare.median.toFixed(2));
  results.markdownlintMs = Number(lint.median.toFixed(2));
  results.referatMs = Number(ours.median.toFixed(2));
  const found = barePass(text, names);
  console.log(`\nThe same ${text.split('\n').length} lines (${(Buffer.byteLength(text) / 1048576).toFixed(2)} MB), median ms`);
  console.log(`bare pass (split, Punkt N, section names, tab sums vs I alt): ${fmt(bare.median)}   (${found.items} items, ${found.sections} headings, ${found.totals} totals)`);
  console.log(`Referat full validation:                                      ${fmt(ours.median)}   = ${(ours.median / bare.median).toFixed(1)}× the bare pass (target ≤ 5×, and ≤ 8 ms)`);
  console.log(`markdownlint, default rules:                                  ${fmt(lint.median)}   = ${(lint.median / ours.median).toFixed(1)}× Referat (target: Referat ≥ 60× faster)`);
}

// The core on the 20 MB document the server is timed on (bench/lsp.mjs), for ms per MB beside the server's.
{
  const huge = hugeDocument(hugeSeed());
  const h = time(() => core.analyze(huge), 3, 1);
  results.hugeCoreMs = Number(h.median.toFixed(1));
  results.hugeCoreMb = Number((Buffer.byteLength(huge) / 1048576).toFixed(2));
  console.log(`\nThe 20 MB document (${results.hugeCoreMb} MB), full validation in the core: ${results.hugeCoreMs} ms = ${(results.hugeCoreMs / results.hugeCoreMb).toFixed(1)} ms/MB`);
}

const previous = (() => {
  try {
    return JSON.parse(readFileSync(path.join(out, 'latest.json'), 'utf8'));
  } catch {
    return {};
  }
})();
const keep = (keys) => {
  for (const k of keys) if (previous[k] !== undefined) results[k] = previous[k];
  results.skipped = [...(results.skipped ?? []), ...keys];
};
const LSP_KEYS = ['rssIdleMb', 'changeCpuMs', 'rss50DocsResidentMb', 'hugeMb', 'openMb', 'openToSymbols', 'symbolsWhileHugeP95Ms', 'hugeValidationMs', 'startupMs', 'openToDiagnosticsMs', 'changeToDiagnosticsP50Ms', 'changeToDiagnosticsP95Ms', 'symbolsP95Ms', 'symbolsCachedP95Ms', 'rss50DocsMb'];
const CLI_KEYS = ['cliMbPerS', 'cliMbPerSAllCores', 'cliAllCoresSpeedup', 'cliScaling', 'cliCoreMbPerS', 'cliShareOfCore', 'cliCores', 'cliCorpusMb', 'cli20MbMbPerS'];
if (skip.has('lsp')) keep(LSP_KEYS);
else Object.assign(results, await runLsp());
// The web worker's server (dist/web/server.js) on the same document and keystrokes, beside the Node server's.
const WEB_KEYS = ['webWhere', 'webOpenToDiagnosticsMs', 'webChangeToDiagnosticsP50Ms', 'webChangeToDiagnosticsP95Ms', 'webLogSaysWebWorker'];
if (skip.has('web')) keep(WEB_KEYS);
else Object.assign(results, await runWeb());
{
  const row = (name, node, web) => console.log(`${name.padEnd(36)} ${String(node ?? 'n/a').padStart(9)} ${String(web ?? 'n/a').padStart(12)}`);
  console.log(`\nNode server against the web worker's (ms; the web one is ${results.webWhere ?? 'n/a'}, see bench/web.mjs)`);
  row('', 'Node', 'web worker');
  row('didOpen → diagnostics, 10,000 lines', results.openToDiagnosticsMs, results.webOpenToDiagnosticsMs);
  row('didChange → diagnostics p50', results.changeToDiagnosticsP50Ms, results.webChangeToDiagnosticsP50Ms);
  row('didChange → diagnostics p95', results.changeToDiagnosticsP95Ms, results.webChangeToDiagnosticsP95Ms);
}
if (skip.has('cli')) keep(CLI_KEYS);
else Object.assign(results, await runCli({ core }));
// The input readers (PDF, DOCX, HTML): throughput, and the memory of reading a 20 MB PDF (bench/readers.mjs).
const READER_KEYS = ['pdfMbPerS', 'pdfPagesPerS', 'docxMbPerS', 'docxPagesPerS', 'htmlMbPerS', 'htmlPagesPerS', 'pdf20MbMb', 'pdf20MbPages', 'pdf20MbMs', 'pdf20MbPeakRssMb'];
if (skip.has('readers')) keep(READER_KEYS);
else Object.assign(results, await runReaders());

results.loadAverage = { start: Number(loadAtStart.toFixed(2)), end: Number(loadavg()[0].toFixed(2)) };

printTargets(results);

writeFileSync(path.join(out, 'latest.json'), JSON.stringify(results, null, 2) + '\n');
console.log(`\nwritten: bench/out/latest.json`);
