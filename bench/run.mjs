// npm run bench: prints figures and writes bench/out/latest.json. Never a pass/fail:
// targets are printed beside the figures for a person to judge.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateReferat } from './gen.mjs';

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
  const p = time(() => core.toOutline('gen', core.parseDocument(text).model), runs, 2);
  const v = time(() => core.analyze(text), runs, 2);
  rows.push([`generated ${n} lines`, lines, p, v]);
  msPer1kLines[n] = Number(((v.median / lines) * 1000).toFixed(3));
  if (n === 10000) {
    results.parseOutline10kMs = Number(p.median.toFixed(2));
    results.validate10kMs = Number(v.median.toFixed(2));
  }
}
results.msPer1kLines = msPer1kLines;
results.peakRssMb = Number((process.memoryUsage().rss / 1048576).toFixed(1));

console.log('Core (in-process, bundled; median / p95 ms)');
console.log('document'.padEnd(34), 'lines'.padStart(7), 'parse+outline'.padStart(20), 'full validation'.padStart(20));
for (const [name, lines, p, v] of rows) console.log(name.padEnd(34), String(lines).padStart(7), `${fmt(p.median)} /${fmt(p.p95)}`, `${fmt(v.median)} /${fmt(v.p95)}`);
console.log(`\nms per 1,000 lines (full validation): ${sizes.map((n) => `${n}: ${msPer1kLines[n]}`).join(', ')}  (target: flat)`);
console.log(`parse+outline of 10,000 lines: ${results.parseOutline10kMs} ms (target ≤ 10 ms)`);
console.log(`full validation of 10,000 lines: ${results.validate10kMs} ms (target ≤ 20 ms)`);
console.log(`peak RSS of this process: ${results.peakRssMb} MB`);

writeFileSync(path.join(out, 'latest.json'), JSON.stringify(results, null, 2) + '\n');
console.log(`\nwritten: bench/out/latest.json`);
