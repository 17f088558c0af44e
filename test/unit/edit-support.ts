/**
 * Random edits of a text, as a clerk makes them while typing (keystrokes, line breaks of every kind,
 * headings, table rows, pasted and deleted blocks), and the comparison of two analyses. Shared by
 * test/unit/incremental.test.ts (incremental == full, a few hundred sequences in `npm test`) and
 * test/fuzz/fuzz.ts (`npm run fuzz`, 100,000 documents). Deterministic for a given random source.
 */
import type { Analysis } from '../../server/src/core/analyze';

/** What is typed or pasted (as in test/lsp/incremental.test.ts). */
export const INSERTS = [
  'x', ' ', 'æ', 'ø', 'å', 'a\u030A', '😀', '\u00A0', '\u200B', '\uFEFF', '\t', '\f', '',
  '\n', '\r\n', '\r', '\n\n',
  'Punkt 7: Ny sag\n', '\nPunkt 2: Budget\n\nIndstilling\n\nGodkendes.\n', 'Beslutning\n\nGodkendt\n', 'Beslutning\r\n\r\nIkke godkendt\r\n',
  'Indstilling\n', 'Sagsfremstilling\n', 'Bilag\n\n1 bilag\n', '2 bilag, heraf 1 anbefales\n', 'ANBEFALES Notat\n',
  'Indholdsfortegnelse\n', 'Meddelelser.....\t3\n', '## **3. A - Titel**\n', '3. Titel\n', 'Sagsprocedure\n\n',
  'I alt\t1.303\t635\n', 'Post\t-29.599\t10,9\n', '03-11-2021', 'Onsdag d. 03. november 2021', '2021-2025', '0101001234',
  'referat-disable RF003\n', '<!-- referat-disable-next-line -->\n', '```\n',
];

/** A small seeded generator (mulberry32): the same seed gives the same edits on every machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Never between the CR and LF of one line break (an editor cannot put the cursor there). */
function settle(text: string, offset: number): number {
  return offset > 0 && text[offset - 1] === '\r' && text[offset] === '\n' ? offset - 1 : offset;
}

/** One edit: replace [start, end) with `insert`. */
export interface Edit {
  start: number;
  end: number;
  insert: string;
}

export function randomEdit(text: string, rnd: () => number): Edit {
  const start = settle(text, Math.floor(rnd() * (text.length + 1)));
  const r = rnd();
  // Mostly keystrokes; sometimes a deleted run, a deleted line, or a pasted slice of the text itself.
  let length = r < 0.6 ? 0 : r < 0.8 ? 1 + Math.floor(rnd() * 8) : Math.floor(rnd() * 400);
  if (r >= 0.95) {
    const nl = text.indexOf('\n', start);
    length = (nl < 0 ? text.length : nl + 1) - start;
  }
  const end = settle(text, Math.min(text.length, start + length));
  let insert = INSERTS[Math.floor(rnd() * INSERTS.length)];
  if (rnd() < 0.15 && text.length > 0) {
    const from = settle(text, Math.floor(rnd() * text.length));
    insert = text.slice(from, settle(text, Math.min(text.length, from + Math.floor(rnd() * 600))));
  }
  return { start, end, insert };
}

export function applyEdit(text: string, e: Edit): string {
  return text.slice(0, e.start) + e.insert + text.slice(e.end);
}

/** JSON of what an analysis says (model and findings); an object met again is "#shared". */
export function comparable(a: Analysis): string {
  const seen = new WeakSet<object>();
  return JSON.stringify({ model: a.model, findings: a.findings }, (_key, value: unknown) => {
    if (typeof value !== 'object' || value === null) return value;
    if (seen.has(value)) return '#shared';
    seen.add(value);
    return value;
  });
}

/** Where two JSON texts first differ, with some context, for a failure message. */
export function firstDifference(x: string, y: string): string {
  let k = 0;
  while (k < x.length && x[k] === y[k]) k++;
  return `at JSON offset ${k}: …${x.slice(Math.max(0, k - 100), k + 100)}… vs …${y.slice(Math.max(0, k - 100), k + 100)}…`;
}
