// The web worker server's nested analysis worker (server/src/web/analysis-worker.ts), in Node with a worker
// shim: the worker side is the bundle's own (runNestedAnalysisWorker over a fake scope), messages are copied
// as postMessage copies them (structuredClone), and each answer comes in a later task, as from a thread.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/core/analyze';
import type { AnalysisAnswer, AnalysisJob } from '../../server/src/features/analysisJob';
import { SupersededError } from '../../server/src/features/host';
import { NestedAnalysis, runNestedAnalysisWorker, type NestedWorker } from '../../server/src/web/analysis-worker';
import { FIXTURES } from './helpers';

const seed = readFileSync(path.join(FIXTURES, '000_1bde0758b15ed079.txt'), 'utf8');
const later = () => new Promise((r) => setTimeout(r, 5));

/** A worker over runNestedAnalysisWorker; `hold` keeps jobs from being answered until released. */
function shimWorker(record: { started: number; terminated: number; jobs: number }, hold?: Promise<void>): NestedWorker {
  let alive = true;
  const worker: NestedWorker = {
    onmessage: null,
    onerror: null,
    postMessage: (job: AnalysisJob) => {
      record.jobs++;
      void (async () => {
        await later();
        await hold;
        if (alive) scope.onmessage?.({ data: structuredClone(job) });
      })();
    },
    terminate: () => {
      alive = false;
      record.terminated++;
    },
  };
  const scope = {
    onmessage: null as ((e: { data: AnalysisJob }) => void) | null,
    postMessage: (answer: AnalysisAnswer) => setTimeout(() => alive && worker.onmessage?.({ data: structuredClone(answer) }), 1),
  };
  runNestedAnalysisWorker(scope);
  record.started++;
  return worker;
}

const inThreadNever = () => Promise.reject(new Error('the in-thread analysis should not run'));

describe('nested analysis worker (web/analysis-worker.ts)', () => {
  it('gives what analyze() gives: the model with its packed bodies rebuilt, and the findings', async () => {
    const record = { started: 0, terminated: 0, jobs: 0 };
    const nested = new NestedAnalysis(async () => shimWorker(record), inThreadNever, () => undefined);
    const got = await nested.analyze(seed, {}, () => false);
    const want = analyze(seed, { config: {} });
    assert.deepEqual(got.findings, want.findings);
    assert.deepEqual(JSON.parse(JSON.stringify(got.model)), JSON.parse(JSON.stringify(want.model)));
    assert.equal(got.profile.id, want.profile.id);
    assert.equal(got.lines.lineCount, want.lines.lineCount);
    // A second document uses the same worker.
    await nested.analyze(seed.replace('Punkt 1', 'Punkt 2'), {}, () => false);
    assert.deepEqual(record, { started: 1, terminated: 0, jobs: 2 });
  });

  it('stops the running job when its version is typed over (the worker terminated), and never sends a superseded waiting one', async () => {
    const record = { started: 0, terminated: 0, jobs: 0 };
    let release!: () => void;
    const hold = new Promise<void>((r) => (release = r));
    let version = 1;
    const nested = new NestedAnalysis(async () => shimWorker(record, record.started === 0 ? hold : undefined), inThreadNever, () => undefined);
    const first = nested.analyze(seed, {}, () => version !== 1);
    const waiting = nested.analyze(seed, {}, () => version > 2); // another document's job, typed over before its turn
    await later();
    version = 3;
    const last = nested.analyze(`${seed}\n`, {}, () => version !== 3);
    await assert.rejects(first, SupersededError);
    await assert.rejects(waiting, SupersededError);
    const result = await last;
    release();
    assert.deepEqual(result.findings, analyze(`${seed}\n`, { config: {} }).findings);
    assert.equal(record.terminated, 1, 'the first worker was terminated');
    assert.equal(record.started, 2, 'the next job had a fresh worker');
    assert.equal(record.jobs, 2, 'the superseded waiting job was never sent');
  });

  it('analyses in the server\'s thread where no nested worker starts, or where it fails before answering, and says so', async () => {
    for (const start of [async () => undefined, async () => Promise.reject(new Error('no blob: URL')), async () => failingWorker()]) {
      const logged: string[] = [];
      let inThread = 0;
      const nested = new NestedAnalysis(start, async (text, config) => (inThread++, analyze(text, { config })), (m) => logged.push(m));
      const got = await nested.analyze(seed, {}, () => false);
      assert.deepEqual(got.findings, analyze(seed, { config: {} }).findings);
      await nested.analyze(seed, {}, () => false);
      assert.equal(inThread, 2, 'both in the thread');
      assert.equal(logged.length, 1, logged.join(' | '));
      assert.match(logged[0], /analysed in the server's own thread/);
    }
  });
});

/** A worker whose script cannot run: it reports an error instead of an answer. */
function failingWorker(): NestedWorker {
  const worker: NestedWorker = {
    onmessage: null,
    onerror: null,
    postMessage: () => setTimeout(() => worker.onerror?.({ message: 'ReferenceError: x is not defined' }), 1),
    terminate: () => undefined,
  };
  return worker;
}
