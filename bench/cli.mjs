// The command line on an archive: 1,000 generated referater (200 to 1,500 lines each, from the
// seeds' items) written to a temporary folder, checked by `referat check --format json`.
// One process for the whole folder (cliMbPerS), then the files split over one process per
// core, all at once (cliMbPerSAllCores). Wall time from spawn to exit, node's start included.
// Called by bench/run.mjs; `node bench/cli.mjs` runs it alone (after npm run build).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateReferat } from './gen.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(root, 'dist', 'cli.js');
const MB = 1 << 20;

function run(args) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const proc = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    proc.stderr.on('data', (d) => (stderr += d));
    proc.on('error', reject);
    proc.on('exit', (code) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (code !== 0) reject(new Error(`referat ${args.slice(0, 2).join(' ')} … exited ${code}: ${stderr.slice(0, 500)}`));
      else resolve(ms);
    });
  });
}

export async function runCli({ documents = 1000, runs = 3, log = console.log } = {}) {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build');
  const dir = mkdtempSync(path.join(tmpdir(), 'referat-bench-'));
  try {
    const files = [];
    let bytes = 0;
    for (let k = 0; k < documents; k++) {
      const file = path.join(dir, `referat-${String(k).padStart(4, '0')}.txt`);
      writeFileSync(file, generateReferat(200 + ((k * 379) % 1300), k * 7));
      bytes += statSync(file).size;
      files.push(file);
    }
    const check = ['check', '--format', 'json', '--exit-zero'];

    const one = [];
    for (let r = 0; r < runs; r++) one.push(await run([...check, dir]));
    one.sort((a, b) => a - b);
    const oneMs = one[Math.floor(one.length / 2)];

    const cores = availableParallelism();
    const groups = Array.from({ length: cores }, (_, c) => files.filter((_, k) => k % cores === c));
    const all = [];
    for (let r = 0; r < runs; r++) {
      const t0 = process.hrtime.bigint();
      await Promise.all(groups.map((g) => run([...check, ...g])));
      all.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    all.sort((a, b) => a - b);
    const allMs = all[Math.floor(all.length / 2)];

    const results = {
      cliMbPerS: Number((bytes / MB / (oneMs / 1000)).toFixed(1)),
      cliMbPerSAllCores: Number((bytes / MB / (allMs / 1000)).toFixed(1)),
      cliCores: cores,
      cliCorpusMb: Number((bytes / MB).toFixed(1)),
    };
    log(`\nCommand line (referat check --format json on ${documents} generated documents, ${results.cliCorpusMb} MB; median of ${runs})`);
    log(`one process:              ${(oneMs / 1000).toFixed(2)} s = ${results.cliMbPerS} MB/s (target ≥ 30 MB/s)`);
    log(`${cores} processes (all cores): ${(allMs / 1000).toFixed(2)} s = ${results.cliMbPerSAllCores} MB/s`);
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await runCli(), null, 2));
}
