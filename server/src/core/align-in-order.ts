/**
 * The heaviest alignment in order of two sequences, as a diff aligns two texts: pairs (a, b) with
 * both a and b increasing and the largest sum of weight(a, b). A pair of weight 0 or less is never
 * made, and an element left unpaired costs nothing, so one element missing on either side shifts
 * the pairs after it instead of breaking them (a greedy walk that pairs too early loses its place).
 *
 * Dynamic programming over a band of cells around the diagonal: row a holds the b within |m − n|
 * plus a margin of a·(m − 1)/(n − 1), and never more cells in all than `maxCells`. The cost is then
 * O(n · band) weights rather than O(n · m); an alignment that strays outside the band is not found,
 * which for two lists of the same things in nearly the same order does not happen.
 */

export interface AlignOptions {
  /** Cells either side of the band's centre besides the difference in length. */
  margin?: number;
  /** At most this many cells (the band narrows to fit). */
  maxCells?: number;
}

const DEFAULT_MARGIN = 40;
const DEFAULT_MAX_CELLS = 100_000;

const STOP = 0;
const UP = 1; // a left unpaired
const LEFT = 2; // b left unpaired
const DIAGONAL = 3; // a paired with b

/** The pairs [a, b] of the heaviest alignment of 0..n-1 with 0..m-1, in order. */
export function alignInOrder(n: number, m: number, weight: (a: number, b: number) => number, options: AlignOptions = {}): [number, number][] {
  if (n === 0 || m === 0) return [];
  const margin = options.margin ?? DEFAULT_MARGIN;
  const maxCells = options.maxCells ?? DEFAULT_MAX_CELLS;
  const half = Math.max(1, Math.min(Math.abs(m - n) + margin, Math.floor((maxCells / n - 1) / 2)));
  const slope = n > 1 ? (m - 1) / (n - 1) : 0;
  const lo = new Int32Array(n);
  const hi = new Int32Array(n);
  const rowStart = new Int32Array(n + 1);
  for (let a = 0; a < n; a++) {
    const centre = Math.round(a * slope);
    lo[a] = Math.max(0, centre - half);
    hi[a] = Math.min(m - 1, centre + half);
    rowStart[a + 1] = rowStart[a] + hi[a] - lo[a] + 1;
  }
  const score = new Float64Array(rowStart[n]);
  const move = new Uint8Array(rowStart[n]);

  /**
   * The best score of the alignments of 0..a with 0..b, for a cell maybe outside the band: right of
   * the band it is at least the score at the band's edge (the items between are left unpaired); left
   * of it, the empty alignment's 0 (a valid lower bound, as is all the band can say there).
   */
  const at = (a: number, b: number): number => {
    if (a < 0 || b < 0 || b < lo[a]) return 0;
    return score[rowStart[a] + Math.min(b, hi[a]) - lo[a]];
  };

  for (let a = 0; a < n; a++) {
    for (let b = lo[a]; b <= hi[a]; b++) {
      let best = at(a - 1, b);
      let how = a > 0 && b >= lo[a - 1] ? UP : STOP;
      if (b > lo[a]) {
        const left = score[rowStart[a] + b - 1 - lo[a]];
        if (left > best) {
          best = left;
          how = LEFT;
        }
      }
      const w = weight(a, b);
      if (w > 0 && at(a - 1, b - 1) + w > best) {
        best = at(a - 1, b - 1) + w;
        how = DIAGONAL;
      }
      score[rowStart[a] + b - lo[a]] = best;
      move[rowStart[a] + b - lo[a]] = how;
    }
  }

  const pairs: [number, number][] = [];
  let a = n - 1;
  let b = hi[n - 1];
  while (a >= 0 && b >= 0) {
    if (b < lo[a]) break;
    if (b > hi[a]) b = hi[a];
    const how = move[rowStart[a] + b - lo[a]];
    if (how === STOP) break;
    if (how === DIAGONAL) pairs.push([a, b]);
    if (how !== LEFT) a--;
    if (how !== UP) b--;
  }
  return pairs.reverse();
}
