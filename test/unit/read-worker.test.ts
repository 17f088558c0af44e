/**
 * The hard time limit per published file (node/read-worker.ts): the file is read in a thread of its own, which
 * is terminated when the limit passes, so even a reader stuck in a loop that never yields gives the run back.
 * And a file read through that thread gives what the reader gives in the calling thread.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readDocument } from '../../server/src/node/read-document';
import { readInWorker } from '../../server/src/node/read-worker';
import { UnreadableInputError } from '../../server/src/readers/reader';
import { FIXTURES } from './helpers';

const CLI = path.join(__dirname, '..', '..', 'dist', 'cli.js');
const TAGGED = path.join(FIXTURES, 'archives', 'seed-000-tagged.pdf');

describe('reading a published file in a thread of its own (node/read-worker.ts)', () => {
  it('terminates a reading that never yields when the time is up, with the limit\'s message', async () => {
    // A "reader" that spins forever: a soft timeout in the same thread could never fire.
    const script = path.join(mkdtempSync(path.join(tmpdir(), 'referat-stuck-')), 'stuck.js');
    writeFileSync(script, "require('node:worker_threads').parentPort.once('message', () => { for (;;) {} });\n");
    const started = Date.now();
    const error = await readInWorker(script, 'pdf', new Uint8Array([37, 80, 68, 70]), 500).then(
      () => assert.fail('expected the reading to be given up'),
      (e: unknown) => e,
    );
    assert.ok(Date.now() - started < 5000, `given up after ${Date.now() - started} ms`);
    assert.ok(error instanceof UnreadableInputError);
    assert.match(error.text.da, /tog mere end \d+ sekunder at læse og blev sprunget over/);
  });

  it('runs one reading thread at a time from a thread, each with its own time', async () => {
    const script = path.join(mkdtempSync(path.join(tmpdir(), 'referat-stuck-')), 'stuck.js');
    writeFileSync(script, "require('node:worker_threads').parentPort.once('message', () => { for (;;) {} });\n");
    const started = Date.now();
    const ended: number[] = [];
    const read = () => readInWorker(script, 'pdf', new Uint8Array([37]), 400).catch(() => ended.push(Date.now() - started));
    await Promise.all([read(), read()]);
    assert.ok(ended[0]! >= 350 && ended[1]! >= ended[0]! + 350, `the second began when the first ended: ${ended.join(', ')} ms`);
  });

  it('gives the text, source map and problems the reader gives in the calling thread (the bundle\'s reading thread)', async function () {
    assert.ok(existsSync(CLI), `${CLI} is missing: run npm run build first (the reading thread runs the bundle)`);
    const bytes = new Uint8Array(readFileSync(TAGGED));
    const inThread = await readDocument(TAGGED, bytes, 60_000, undefined);
    const inWorker = await readDocument(TAGGED, bytes, 60_000, CLI);
    assert.equal(inWorker.text, inThread.text);
    assert.deepEqual(inWorker.problems, inThread.problems);
    const lines = inThread.text.split('\n').length;
    for (let k = 0; k < lines; k += 17) assert.deepEqual(inWorker.sourceMap!.placeOf(k), inThread.sourceMap!.placeOf(k));
    assert.equal(bytes.byteLength, readFileSync(TAGGED).byteLength, 'the caller keeps its bytes');
  });

  it('passes a reader\'s refusal on as it is', async function () {
    assert.ok(existsSync(CLI), `${CLI} is missing: run npm run build first`);
    const encrypted = path.join(FIXTURES, 'archives', 'seed-000-encrypted.pdf');
    await assert.rejects(readDocument(encrypted, new Uint8Array(readFileSync(encrypted)), 60_000, CLI), /encrypted PDF/);
  });
});
