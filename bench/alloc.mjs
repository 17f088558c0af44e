// The allocation profile of the core (issue 28: "the figures of the allocation profile before and after"):
// bytes allocated by one full validation of the 10,000-line document, in all and by function, from V8's
// sampling heap profiler with the objects the garbage collector has already taken counted too (so it is
// what was allocated, not what survived). Sampling: figures are estimates within a few per cent.
import { Session } from 'node:inspector/promises';

/** Runs fn `runs` times under the sampling heap profiler; returns MB per run, in all and for the top functions. */
export async function allocationProfile(fn, { runs = 10, top = 12 } = {}) {
  for (let i = 0; i < 5; i++) fn(); // warm: the optimising compiler's code allocates differently
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 4096,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  for (let i = 0; i < runs; i++) fn();
  const { profile } = await session.post('HeapProfiler.stopSampling');
  await session.post('HeapProfiler.disable');
  session.disconnect();
  const byFunction = new Map();
  let total = 0;
  // A built-in (RegExp exec, String replace, Array push) has no script: it is named with the function that called it.
  const nameOf = (f) => `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
  const walk = (node, caller) => {
    const f = node.callFrame;
    const name = f.url ? nameOf(f) : `${f.functionName || '(native)'}${caller ? ` in ${caller}` : ''}`;
    if (node.selfSize > 0) {
      byFunction.set(name, (byFunction.get(name) ?? 0) + node.selfSize);
      total += node.selfSize;
    }
    for (const c of node.children) walk(c, f.url ? name : caller);
  };
  walk(profile.head, '');
  const mb = (b) => Number((b / runs / 1048576).toFixed(2));
  return {
    mbPerRun: mb(total),
    top: [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, b]) => ({ name, mb: mb(b) })),
  };
}
