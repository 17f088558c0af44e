/**
 * The section bodies a large document's model sends from the analysis worker as numbers
 * (server/src/features/packedBodies.ts) come back equal to the ones taken out: over every fixture,
 * generated referater, a CRLF and a CR-only text and random edits of the seeds, the model rebuilt on
 * the other side of a structured clone (what postMessage does) equals the model as analysed.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/core/analyze';
import { LineIndex } from '../../server/src/core/text/lines';
import { packBodies, unpackBodies } from '../../server/src/features/packedBodies';
import { applyEdit, random, randomEdit } from './edit-support';
import { SEED_TEXTS } from './property-support';
// @ts-expect-error: a plain .mjs module of the benchmark harness, without type declarations
import { generateReferat } from '../../bench/gen.mjs';

const FIXTURES = path.join(__dirname, '..', 'fixtures');

function textFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) return textFiles(p);
    return /\.(txt|md|referat)$/.test(f) ? [p] : [];
  });
}

/** The model as the main thread gets it: packed, cloned as postMessage clones, unpacked over a new line index. */
function roundTrip(text: string) {
  const a = analyze(text);
  const expected = structuredClone(a.model);
  const packed = packBodies(a.model, a.lines);
  const sent = structuredClone({ model: a.model, packed });
  const bodyLines = sent.model.items.reduce((n, item) => n + item.sections.reduce((m, s) => m + s.body.length, 0), 0);
  assert.equal(bodyLines, 0, 'the bodies are not sent as objects');
  unpackBodies(sent.model, sent.packed, new LineIndex(text));
  return { expected, got: sent.model, others: packed.others.length };
}

function assertSame(text: string, name: string): number {
  const { expected, got, others } = roundTrip(text);
  assert.deepStrictEqual(got, expected, name);
  // The decision's body is its section's body, one array, as the parser made it.
  expected.items.forEach((item, k) => {
    const d = item.decision;
    if (d?.section) assert.equal(got.items[k].decision!.body === got.items[k].decision!.section!.body, d.body === d.section.body, `${name}: item ${k}`);
  });
  return others;
}

describe('section bodies packed for the trip from the analysis worker', function () {
  this.timeout(120000);

  it('come back equal for every fixture, and almost all as numbers', () => {
    let others = 0;
    let lines = 0;
    for (const file of textFiles(FIXTURES)) {
      const text = readFileSync(file, 'utf8');
      others += assertSame(text, path.relative(FIXTURES, file));
      lines += text.split('\n').length;
    }
    assert.ok(others * 100 < lines, `${others} of ${lines} lines sent as objects`);
  });

  it('come back equal for generated referater and for CRLF and CR line ends', () => {
    for (const n of [1000, 20000]) assertSame(generateReferat(n, n) as string, `generated ${n}`);
    for (const [k, seed] of SEED_TEXTS.entries()) {
      assertSame(seed.replace(/\n/g, '\r\n'), `seed ${k} CRLF`);
      assertSame(seed.replace(/\n/g, '\r'), `seed ${k} CR`);
    }
  });

  it('come back equal after random edits of the seeds', () => {
    const rnd = random(28);
    for (const [k, seed] of SEED_TEXTS.entries()) {
      let text = seed;
      for (let step = 0; step < 25; step++) {
        text = applyEdit(text, randomEdit(text, rnd));
        assertSame(text, `seed ${k} after ${step + 1} edits`);
      }
    }
  });
});
