// The command line on an archive: 1,000 generated referater (200 to 1,500 lines each, from the
// seeds' items) written to a temporary folder, checked by `referat check --format json`.
// The scaling figure is noisy on a shared machine (one run each of the same commit gave 1.02×,
// 1.08× and 1.74×), so `--concurrency 1` and `--concurrency auto` run interleaved, RUNS pairs,
// in alternating order, and each setting's median and spread (min–max) are reported with the
// median and spread of the pairs' ratios (each pair ran under about the same load).
// Beside them: the core's own throughput on the same documents, in process (analyze() of each
// text, no reading, no output), so the CLI's overhead is a figure; and one 20 MB file
// (cli20MbMbPerS: as fast per MB as the archive when the work is linear).
// Wall time from spawn to exit, node's start included; CPU-seconds of the whole process (every thread, from
// bench/rusage.cjs) beside it: what running on more cores costs in total.
// Called by bench/run.mjs; `node bench/cli.mjs` runs it alone (after npm run build and one
// `npm run bench`, whose core bundle bench/out/core.cjs it uses).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateReferat } from './gen.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const CLI = path.join(root, 'dist', 'cli.js');
const MB = 1 << 20;
/** Lines of the generated 20 MB document (about 70 bytes a line). */
const HUGE_LINES = 300_000;
/** Interleaved pairs of `--concurrency 1` and `auto`: at least five (the rule for a shared 2-core machine). */
const RUNS = 5;

const RUSAGE = path.join(here, 'rusage.cjs');

/** One run of the CLI: its wall time (ms) and, in `cpu`, its CPU-seconds. */
function run(args, cpu = []) {
  return new Promise((resolve, reject) => {
    const cpuFile = path.join(tmpdir(), `referat-bench-cpu-${process.pid}`);
    const t0 = process.hrtime.bigint();
    const proc = spawn(process.execPath, ['-r', RUSAGE, CLI, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, REFERAT_BENCH_RUSAGE: cpuFile } });
    let stderr = '';
    proc.stderr.on('data', (d) => (stderr += d));
    proc.on('error', reject);
    proc.on('exit', (code) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (code !== 0) return reject(new Error(`referat ${args.slice(0, 2).join(' ')} … exited ${code}: ${stderr.slice(0, 500)}`));
      if (existsSync(cpuFile)) {
        cpu.push(Number(readFileSync(cpuFile, 'utf8')));
        rmSync(cpuFile);
      }
      resolve(ms);
    });
  });
}

/** Median, min and max of xs. */
export function spread(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median, min: s[0], max: s[s.length - 1] };
}

/** Median and spread of CPU-seconds, to two decimals. */
function cpuSpread(xs) {
  const { median, min, max } = spread(xs);
  const r = (x) => Number(x.toFixed(2));
  return { median: r(median), min: r(min), max: r(max) };
}

/** The core alone on the archive's texts: MB/s of analyze() over every file, the median of three passes after one warm-up pass. */
function coreThroughput(core, texts, bytes) {
  const pass = () => {
    const t0 = process.hrtime.bigint();
    for (const text of texts) core.analyze(text);
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  pass();
  const ms = spread([pass(), pass(), pass()]).median;
  return bytes / MB / (ms / 1000);
}

function loadCore() {
  const bundle = path.join(here, 'out', 'core.cjs');
  return existsSync(bundle) ? createRequire(import.meta.url)(bundle) : undefined;
}

export async function runCli({ documents = 1000, runs = RUNS, core = loadCore(), log = console.log } = {}) {
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
    const cores = availableParallelism();
    const loadAtStart = loadavg()[0];

    const one = [];
    const all = [];
    const oneCpu = [];
    const allCpu = [];
    const ratios = [];
    for (let r = 0; r < runs; r++) {
      // Alternate which goes first, so a drift in load does not favour one setting.
      let a;
      let b;
      if (r % 2 === 0) {
        a = await run([...check, '--concurrency', '1', dir], oneCpu);
        b = await run([...check, '--concurrency', 'auto', dir], allCpu);
      } else {
        b = await run([...check, '--concurrency', 'auto', dir], allCpu);
        a = await run([...check, '--concurrency', '1', dir], oneCpu);
      }
      one.push(a);
      all.push(b);
      ratios.push(a / b);
    }
    const oneMs = spread(one);
    const allMs = spread(all);
    const ratio = spread(ratios);

    let coreMbPerS;
    if (core) {
      const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(path.join(dir, f), 'utf8'));
      coreMbPerS = coreThroughput(core, texts, bytes);
    }

    // The 20 MB case: one document as large as the largest archives hold, in one process.
    const huge = path.join(dir, 'huge', 'referat-20mb.txt');
    mkdirSync(path.dirname(huge));
    writeFileSync(huge, generateReferat(HUGE_LINES, 1));
    const hugeBytes = statSync(huge).size;
    const hugeMs = await run([...check, huge]);
    const loadAtEnd = loadavg()[0];

    const mbPerS = (ms) => Number((bytes / MB / (ms / 1000)).toFixed(1));
    const results = {
      cliMbPerS: mbPerS(oneMs.median),
      cliMbPerSAllCores: mbPerS(allMs.median),
      cliAllCoresSpeedup: Number(ratio.median.toFixed(2)),
      cliScaling: {
        runs,
        oneCoreMs: { median: Math.round(oneMs.median), min: Math.round(oneMs.min), max: Math.round(oneMs.max) },
        allCoresMs: { median: Math.round(allMs.median), min: Math.round(allMs.min), max: Math.round(allMs.max) },
        ratio: { median: Number(ratio.median.toFixed(2)), min: Number(ratio.min.toFixed(2)), max: Number(ratio.max.toFixed(2)) },
        ...(oneCpu.length === runs && allCpu.length === runs ? { oneCoreCpuS: cpuSpread(oneCpu), allCoresCpuS: cpuSpread(allCpu) } : {}),
        loadAverage: { start: Number(loadAtStart.toFixed(2)), end: Number(loadAtEnd.toFixed(2)) },
      },
      cliCores: cores,
      cliCorpusMb: Number((bytes / MB).toFixed(1)),
      cli20MbMbPerS: Number((hugeBytes / MB / (hugeMs / 1000)).toFixed(1)),
      ...(coreMbPerS !== undefined ? { cliCoreMbPerS: Number(coreMbPerS.toFixed(1)), cliShareOfCore: Number((mbPerS(oneMs.median) / coreMbPerS).toFixed(3)) } : {}),
    };
    const s = (x) => (x / 1000).toFixed(2);
    log(`\nCommand line (referat check --format json on ${documents} generated documents, ${results.cliCorpusMb} MB; ${runs} interleaved pairs, load ${results.cliScaling.loadAverage.start} → ${results.cliScaling.loadAverage.end})`);
    log(`--concurrency 1:     median ${s(oneMs.median)} s (${s(oneMs.min)}–${s(oneMs.max)}) = ${results.cliMbPerS} MB/s (target ≥ 60 MB/s)`);
    log(`--concurrency auto:  median ${s(allMs.median)} s (${s(allMs.min)}–${s(allMs.max)}) = ${results.cliMbPerSAllCores} MB/s on ${cores} cores`);
    if (results.cliScaling.oneCoreCpuS) {
      const c = (x) => `${x.median} CPU-s (${x.min}–${x.max})`;
      log(`CPU time of the whole process: --concurrency 1 ${c(results.cliScaling.oneCoreCpuS)}, auto ${c(results.cliScaling.allCoresCpuS)}`);
    }
    log(`pair by pair, 1 / auto: median ${ratio.median.toFixed(2)}× (${ratio.min.toFixed(2)}–${ratio.max.toFixed(2)}×) (target ≥ 1.6× on 2 cores)`);
    if (coreMbPerS !== undefined) log(`the core alone on the same texts (in process, analyze() only): ${coreMbPerS.toFixed(1)} MB/s; the CLI on one core is ${(results.cliShareOfCore * 100).toFixed(0)} % of it (target ≥ 70 %)`);
    log(`one ${(hugeBytes / MB).toFixed(1)} MB file:            ${(hugeMs / 1000).toFixed(2)} s = ${results.cli20MbMbPerS} MB/s (linear: close to one core's)`);
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await runCli(), null, 2));
}
