// npm run fuzz [-- --count 100000 --seed 1 --only N --bound-ms 5000]
//
// Generated and mutated documents (from the examples and, when ../shared/corpus exists, the
// corpus, read at run time and never copied) through parse, check and random edit sequences:
// no exception, no hang (each document within --bound-ms), and incremental analysis equal to
// full analysis after every edit. Seeded: a failure prints the command that replays it.
// Not part of `npm test` (minutes of work); the same comparison runs small in test/unit/incremental.test.ts.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const k = args.indexOf(`--${name}`);
  return k >= 0 && args[k + 1] !== undefined ? Number(args[k + 1]) : fallback;
};
const count = option('count', 100000);
const seed = option('seed', 20250611);
const only = option('only', undefined);
const boundMs = option('bound-ms', 5000);

/** The source texts: the examples, and the corpus when it is next to the project. */
function sourceTexts() {
  const dirs = [path.join(root, 'examples'), path.resolve(root, '..', 'shared', 'corpus')].filter((d) => existsSync(d));
  const texts = [];
  for (const d of dirs) for (const f of readdirSync(d).filter((x) => x.endsWith('.txt')).sort()) texts.push(readFileSync(path.join(d, f), 'utf8'));
  return { dirs, texts };
}

const out = path.join(root, 'bench', 'out');
mkdirSync(out, { recursive: true });
const require = createRequire(import.meta.url);
const { common } = require('../../esbuild.js');
const bundle = path.join(out, 'fuzz.cjs');
await build({ ...common, sourcemap: 'inline', entryPoints: [path.join(here, 'fuzz.ts')], outfile: bundle });

const { dirs, texts } = sourceTexts();
console.log(`fuzz: seed ${seed}, ${only !== undefined ? `document ${only} only` : `${count} documents`}, bound ${boundMs} ms per document; sources: ${texts.length} texts from ${dirs.map((d) => path.relative(root, d)).join(', ')}`);

// The documents run in a worker: a hang cannot be interrupted on the thread it runs on, so the
// worker reports each document it starts, and one that takes longer than the bound is terminated.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const fuzz = require(workerData.bundle);
fuzz.setSources(workerData.texts);
parentPort.on('message', ({ from, to }) => {
  let edits = 0;
  for (let n = from; n < to; n++) {
    parentPort.postMessage({ started: n });
    try { edits += fuzz.fuzzOne(workerData.seed, n); }
    catch (e) { parentPort.postMessage({ failed: n, error: e.stack || String(e) }); return; }
  }
  parentPort.postMessage({ done: to, edits });
});`;

const first = only ?? 0;
const last = only !== undefined ? only + 1 : count;
const t0 = performance.now();
const result = await new Promise((resolve) => {
  const worker = new Worker(WORKER, { eval: true, workerData: { bundle, texts, seed } });
  let current = first;
  let startedAt = performance.now();
  let edits = 0;
  let next = first;
  const CHUNK = 500;
  const send = () => {
    const to = Math.min(last, next + CHUNK);
    worker.postMessage({ from: next, to });
    next = to;
  };
  const watchdog = setInterval(() => {
    if (performance.now() - startedAt > boundMs) {
      clearInterval(watchdog);
      void worker.terminate();
      resolve({ failed: current, error: `no result within ${boundMs} ms (a hang)`, edits });
    }
  }, 100);
  let reported = first;
  worker.on('message', (m) => {
    if (m.started !== undefined) {
      current = m.started;
      startedAt = performance.now();
    } else if (m.failed !== undefined) {
      clearInterval(watchdog);
      void worker.terminate();
      resolve({ failed: m.failed, error: m.error, edits });
    } else if (m.done !== undefined) {
      edits += m.edits;
      if (m.done - reported >= 10000 || m.done === last) {
        reported = m.done;
        console.log(`  ${m.done - first} documents, ${edits} edits, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      }
      if (m.done >= last) {
        clearInterval(watchdog);
        void worker.terminate();
        resolve({ edits });
      } else send();
    }
  });
  worker.on('error', (e) => {
    clearInterval(watchdog);
    resolve({ failed: current, error: e.stack ?? String(e), edits });
  });
  send();
});

const seconds = (performance.now() - t0) / 1000;
if (result.failed !== undefined) {
  console.error(`\nFAILED on document ${result.failed} (seed ${seed}):\n${result.error}`);
  console.error(`replay: node test/fuzz/run.mjs --seed ${seed} --only ${result.failed}`);
  process.exitCode = 1;
} else {
  const done = last - first;
  console.log(`fuzz: ${done} documents and ${result.edits} edits (each compared with a full analysis) in ${seconds.toFixed(1)} s, ` +
    `${((seconds * 1000) / done).toFixed(2)} ms per document; no exception, no hang, incremental == full (load average ${loadavg()[0].toFixed(2)})`);
}
