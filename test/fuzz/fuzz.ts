/**
 * The fuzzer's work for one document (run by test/fuzz/run.mjs in a worker thread): a document
 * generated or mutated from the source texts, then parsed, checked, and edited at random, where
 * after every edit the incremental analysis (analyze with `previous`) must equal a full one.
 * Everything comes from one seeded random source per document, so `--only N` replays document N.
 */
import { analyze } from '../../server/src/core/analyze';
import { parseDocument } from '../../server/src/core/parse/index';
import { applyEdit, comparable, firstDifference, INSERTS, random, randomEdit } from '../unit/edit-support';

/** The lines of the texts documents are made from (read by run.mjs at run time: the examples, and the corpus when present). */
let sourceLines: string[][] = [];

export function setSources(texts: string[]): void {
  sourceLines = texts.map((t) => t.split(/\r\n|\r|\n/));
}

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

/** A window of one source's lines: most documents are short, so that 100,000 of them take minutes. */
function window(rnd: () => number): string[] {
  const lines = pick(rnd, sourceLines);
  if (rnd() < 0.02) return [...lines];
  const length = 5 + Math.floor(rnd() * rnd() * 300);
  const start = Math.floor(rnd() * Math.max(1, lines.length - length));
  return lines.slice(start, start + length);
}

/** Lines from everywhere: a heading from one source, a table row from another, typed text between. */
function generated(rnd: () => number): string[] {
  const out: string[] = [];
  const n = 3 + Math.floor(rnd() * 120);
  for (let k = 0; k < n; k++) {
    const r = rnd();
    if (r < 0.7) out.push(pick(rnd, pick(rnd, sourceLines)));
    else if (r < 0.85) out.push(...pick(rnd, INSERTS).split('\n'));
    else out.push('');
  }
  return out;
}

/** Line mutations as a broken export or a clerk's copy and paste makes them. */
function mutate(lines: string[], rnd: () => number): string[] {
  const out = [...lines];
  const n = Math.floor(rnd() * 6);
  for (let k = 0; k < n && out.length > 0; k++) {
    const i = Math.floor(rnd() * out.length);
    switch (Math.floor(rnd() * 8)) {
      case 0: out.splice(i, 1); break;
      case 1: out.splice(i, 0, out[i]); break;
      case 2: { const j = Math.floor(rnd() * out.length); [out[i], out[j]] = [out[j], out[i]]; break; }
      case 3: { const at = Math.floor(rnd() * (out[i].length + 1)); out.splice(i, 1, out[i].slice(0, at), out[i].slice(at)); break; }
      case 4: if (i + 1 < out.length) out.splice(i, 2, out[i] + ' ' + out[i + 1]); break;
      case 5: out[i] = out[i].replace(/\s/g, () => pick(rnd, [' ', '\t', '\u00A0', '\u2009', ''])); break;
      case 6: out[i] = out[i].toUpperCase(); break;
      default: out[i] = out[i].replace(/\d/g, () => String(Math.floor(rnd() * 10))); break;
    }
  }
  return out;
}

/** Document n of a run with this seed. */
export function documentFor(seed: number, n: number): { text: string; rnd: () => number } {
  const rnd = random((seed ^ Math.imul(n + 1, 0x9e3779b1)) >>> 0);
  const lines = mutate(rnd() < 0.75 ? window(rnd) : generated(rnd), rnd);
  const eol = pick(rnd, ['\n', '\n', '\n', '\r\n', '\r']);
  return { text: lines.join(eol) + (rnd() < 0.8 ? eol : ''), rnd };
}

/** Parse, check and edit document n; throws on an exception or when incremental and full differ. Returns the edits made. */
export function fuzzOne(seed: number, n: number): number {
  let { text, rnd } = documentFor(seed, n);
  parseDocument(text);
  let previous = analyze(text);
  const edits = 1 + Math.floor(rnd() * 4);
  for (let s = 0; s < edits; s++) {
    text = applyEdit(text, randomEdit(text, rnd));
    const incremental = analyze(text, { previous });
    const full = analyze(text);
    const [x, y] = [comparable(incremental), comparable(full)];
    if (x !== y) throw new Error(`edit ${s + 1}: incremental and full analysis differ ${firstDifference(x, y)}`);
    const [lx, ly] = [JSON.stringify(incremental.lines.lines), JSON.stringify(full.lines.lines)];
    if (lx !== ly) throw new Error(`edit ${s + 1}: the line indexes differ ${firstDifference(lx, ly)}`);
    previous = incremental;
  }
  return edits;
}
