// The command line on an archive: 1,000 generated referater (200 to 1,500 lines each, from the
// seeds' items) written to a temporary folder, checked by `referat check --format json`.
// One process on one core (--concurrency off: cliMbPerS), then one process with its pool of
// worker threads on every core (the default: cliMbPerSAllCores, and the ratio of the two),
// then one 20 MB file (cli20MbMbPerS: as fast per MB as the archive when the work is linear).
// Wall time from spawn to exit, node's start included.
// Called by bench/run.mjs; `node bench/cli.mjs` runs it alone (after npm run build).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateReferat } from './gen.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(root, 'dist', 'cli.js');
const MB = 1 << 20;
/** Lines of the generated 20 MB document (about 70 bytes a line). */
const HUGE_LINES = 300_000;

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
    let bytes = 0;
    for (let k = 0; k < documents; k++) {
      const file = path.join(dir, `referat-${String(k).padStart(4, '0')}.txt`);
      writeFileSync(file, generateReferat(200 + ((k * 379) % 1300), k * 7));
      bytes += statSync(file).size;
    }
    const check = ['check', '--format', 'json', '--exit-zero'];

    const one = [];
    for (let r = 0; r < runs; r++) one.push(await run([...check, '--concurrency', 'off', dir]));
    one.sort((a, b) => a - b);
    const oneMs = one[Math.floor(one.length / 2)];

    const cores = availableParallelism();
    const all = [];
    for (let r = 0; r < runs; r++) all.push(await run([...check, dir]));
    all.sort((a, b) => a - b);
    const allMs = all[Math.floor(all.length / 2)];

    // The 20 MB case: one document as large as the largest archives hold, in one process.
    const huge = path.join(dir, 'huge', 'referat-20mb.txt');
    mkdirSync(path.dirname(huge));
    writeFileSync(huge, generateReferat(HUGE_LINES, 1));
    const hugeBytes = statSync(huge).size;
    const hugeMs = await run([...check, huge]);

    const results = {
      cliMbPerS: Number((bytes / MB / (oneMs / 1000)).toFixed(1)),
      cliMbPerSAllCores: Number((bytes / MB / (allMs / 1000)).toFixed(1)),
      cliAllCoresSpeedup: Number((oneMs / allMs).toFixed(2)),
      cliCores: cores,
      cliCorpusMb: Number((bytes / MB).toFixed(1)),
      cli20MbMbPerS: Number((hugeBytes / MB / (hugeMs / 1000)).toFixed(1)),
    };
    log(`\nCommand line (referat check --format json on ${documents} generated documents, ${results.cliCorpusMb} MB; median of ${runs})`);
    log(`one process, one core:        ${(oneMs / 1000).toFixed(2)} s = ${results.cliMbPerS} MB/s (target ≥ 60 MB/s)`);
    log(`one process, ${cores} cores (pool):  ${(allMs / 1000).toFixed(2)} s = ${results.cliMbPerSAllCores} MB/s = ${results.cliAllCoresSpeedup}× one core (target ≥ 1.7× on 2 cores)`);
    log(`one ${(hugeBytes / MB).toFixed(1)} MB file:            ${(hugeMs / 1000).toFixed(2)} s = ${results.cli20MbMbPerS} MB/s (linear: close to one core's)`);
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await runCli(), null, 2));
}
