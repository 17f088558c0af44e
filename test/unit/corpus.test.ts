// The accuracy ratchet: Referat's figures on real minutes (../shared/corpus) and on the examples may only get
// better. The floor is test/corpus/floor.json, raised by `npm run corpus -- --update-floor` (reviewed in the diff).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
// @ts-expect-error: a plain .mjs module of the benchmark harness, without type declarations
import { worseThan } from '../../bench/corpus-score.mjs';

const root = path.resolve(__dirname, '..', '..');
const corpusDir = path.resolve(root, '..', 'shared', 'corpus');

function measure(): { summary: Record<string, Record<string, number>>; missing: string[] } {
  if (!existsSync(path.join(root, 'dist', 'cli.js'))) execFileSync(process.execPath, [path.join(root, 'esbuild.js')], { cwd: root });
  const out = execFileSync(process.execPath, [path.join(root, 'bench', 'corpus.mjs'), '--json'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return JSON.parse(out);
}

describe('accuracy on real minutes (npm run corpus)', function () {
  this.timeout(120_000);
  let result: ReturnType<typeof measure>;
  before(() => {
    result = measure();
  });

  it('the examples: kinds and outlines right, their three real defects found, no false warning or error', () => {
    const t = result.summary.examples!;
    assert.equal(t.kindsRight, t.files);
    assert.equal(t.outlinesRight, t.files);
    assert.equal(t.defectsFound, 3);
    assert.equal(t.defects, 3);
    assert.equal(t.falseAlarms, 0);
  });

  it('no figure on the corpus is worse than the committed floor', function () {
    if (!existsSync(path.join(corpusDir, 'expected.json'))) {
      console.warn(`\n  !!! SKIPPED: ${corpusDir} is absent, so accuracy on real minutes was NOT measured. !!!\n`);
      this.skip();
    }
    const floor = JSON.parse(readFileSync(path.join(root, 'test', 'corpus', 'floor.json'), 'utf8'));
    const worse: string[] = worseThan(floor, result.summary);
    assert.deepEqual(worse, [], `accuracy got worse than test/corpus/floor.json:\n  ${worse.join('\n  ')}`);
  });
});
