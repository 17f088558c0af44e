/**
 * alignInOrder: the heaviest alignment in order of two sequences (the contents pairing's core, see
 * core/toc-match.ts), and its bounded cost.
 */
import * as assert from 'node:assert/strict';
import { alignInOrder } from '../../server/src/core/align-in-order';

describe('alignInOrder', () => {
  it('finds the heaviest alignment where pairing the first match greedily loses its place', () => {
    // a0 is a little like b2 but really b0; pairing a0 with b2 first would leave a1 and a2 nothing.
    const w = [
      [3, 0, 1],
      [0, 3, 0],
      [0, 0, 3],
    ];
    assert.deepEqual(alignInOrder(3, 3, (a, b) => w[a][b]), [[0, 0], [1, 1], [2, 2]]);
  });

  it('leaves out what has no partner, on either side, and never pairs at weight 0', () => {
    const same = (xs: string[], ys: string[]) => alignInOrder(xs.length, ys.length, (a, b) => (xs[a] === ys[b] ? 1 : 0));
    assert.deepEqual(same(['a', 'b', 'd'], ['a', 'b', 'c', 'd']), [[0, 0], [1, 1], [2, 3]]);
    assert.deepEqual(same(['a', 'x', 'b'], ['a', 'b']), [[0, 0], [2, 1]]);
    assert.deepEqual(same(['x'], ['y']), []);
    assert.deepEqual(same([], ['y']), []);
  });

  it('looks only at a band around the diagonal: linear in the length for sequences of one length', () => {
    let calls = 0;
    const n = 2000;
    const pairs = alignInOrder(n, n + 3, (a, b) => (calls++, b === a + (a >= 1000 ? 3 : 0) ? 1 : 0), { margin: 10 });
    assert.equal(pairs.length, n);
    assert.ok(calls <= n * (2 * (3 + 10) + 1), `${calls} weights`);
  });

  it('keeps within maxCells however long the sequences', () => {
    let calls = 0;
    alignInOrder(1000, 5000, () => (calls++, 0), { maxCells: 50_000 });
    assert.ok(calls <= 50_000, `${calls} weights`);
  });
});
