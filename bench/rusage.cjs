// Preloaded into the CLI by bench/cli.mjs (node -r): writes the process's CPU time (user + system, every thread:
// the workers, V8's garbage collector and compiler threads) to the file REFERAT_BENCH_RUSAGE names, at exit.
const { writeFileSync } = require('node:fs');
const file = process.env.REFERAT_BENCH_RUSAGE;
const { isMainThread } = require('node:worker_threads');
if (file && isMainThread) {
  process.on('exit', () => {
    const { userCPUTime, systemCPUTime } = process.resourceUsage();
    writeFileSync(file, String((userCPUTime + systemCPUTime) / 1e6));
  });
}
