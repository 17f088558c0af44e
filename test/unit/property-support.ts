/**
 * Support for the property tests (test/unit/property.test.ts, test/lsp/incremental.test.ts):
 * the seed every run starts from, an independent line splitter to check ranges against,
 * the range invariants of the model, generators of minutes-like text and of edits, and a
 * worker that runs the core with a time bound, so that a hang fails the case instead of
 * hanging the test run.
 *
 * Seeded: every fc.assert here uses FC_SEED (fixed; REFERAT_FC_SEED overrides it, and
 * REFERAT_FC_PATH replays one counterexample). A failure prints the seed and the path.
 * REFERAT_FC_RUNS multiplies the number of cases for a longer search.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { analyze } from '../../server/src/core/analyze';
import type { MinutesDocument, Position, Range } from '../../server/src/core/model';
import { toOutline } from '../../server/src/core/outline';
import { foldingRanges } from '../../server/src/features/folding';
import { documentSymbols } from '../../server/src/features/symbols';

export const FC_SEED = process.env.REFERAT_FC_SEED ? Number(process.env.REFERAT_FC_SEED) : 20250611;
const FC_PATH = process.env.REFERAT_FC_PATH;
/** REFERAT_FC_RUNS=10 runs ten times as many cases (a deeper search than the default, which fits CI). */
const FC_RUNS = Number(process.env.REFERAT_FC_RUNS ?? 1) || 1;

/** fc.assert with the fixed seed; the error names the seed and how to replay it. */
export async function checkProperty(name: string, property: fc.IAsyncPropertyWithHooks<unknown> | fc.IAsyncProperty<unknown> | fc.IProperty<unknown>, numRuns: number): Promise<void> {
  try {
    await fc.assert(property as any, { seed: FC_SEED, numRuns: Math.ceil(numRuns * FC_RUNS), path: FC_PATH, endOnFailure: false });
  } catch (e) {
    const err = e as Error;
    err.message =
      `property "${name}" failed with seed ${FC_SEED}; replay with REFERAT_FC_SEED=${FC_SEED} ` +
      `(and REFERAT_FC_PATH=<path below>) npx mocha <this test file>\n${err.message}`;
    throw err;
  }
}

// ---------------------------------------------------------------------------------------
// Lines and positions, computed independently of the core's LineIndex.

/** The lines of a text as LSP counts them: split at CRLF, CR and LF. */
export function oracleLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

// The checks below run over millions of ranges on the large inputs: messages and paths
// are built only when a check fails.

export function checkPosition(p: Position, lines: string[], where: string | (() => string)): void {
  const fail = (why: string) => assert.fail(`${typeof where === 'string' ? where : where()}: ${why}`);
  if (!(p && Number.isInteger(p.line) && Number.isInteger(p.character))) fail(`not a position: ${JSON.stringify(p)}`);
  if (!(p.line >= 0 && p.line < lines.length)) fail(`line ${p.line} outside the document (${lines.length} lines)`);
  const line = lines[p.line];
  const c = p.character;
  if (!(c >= 0 && c <= line.length)) fail(`character ${c} outside line ${p.line} (length ${line.length})`);
  if (c > 0 && c < line.length && isHigh(line.charCodeAt(c - 1)) && isLow(line.charCodeAt(c))) fail(`${p.line}:${c} is inside a surrogate pair`);
}

export const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);
export const notAfter = (a: Position, b: Position) => !before(b, a);

export function checkRange(r: Range, lines: string[], where: string | (() => string)): void {
  const at = typeof where === 'string' ? () => where : where;
  checkPosition(r.start, lines, () => `${at()}.start`);
  checkPosition(r.end, lines, () => `${at()}.end`);
  if (!notAfter(r.start, r.end)) assert.fail(`${at()}: starts after it ends ${show(r)}`);
}

export function inside(inner: Range, outer: Range): boolean {
  return notAfter(outer.start, inner.start) && notAfter(inner.end, outer.end);
}

export const show = (r: Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

function isPosition(x: unknown): x is Position {
  return typeof x === 'object' && x !== null && typeof (x as Position).line === 'number' && typeof (x as Position).character === 'number';
}
function isRange(x: unknown): x is Range {
  return typeof x === 'object' && x !== null && isPosition((x as Range).start) && isPosition((x as Range).end);
}

/**
 * Calls visit for every range anywhere under obj (new model fields are covered without a
 * change here), with a function that names its path.
 */
export function forEachRange(obj: unknown, at: string, visit: (r: Range, path: () => string) => void): void {
  const seen = new Set<unknown>();
  const keys: (string | number)[] = [];
  const path = () => at + keys.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('');
  const walk = (x: unknown) => {
    if (typeof x !== 'object' || x === null || seen.has(x)) return;
    seen.add(x);
    if (isRange(x)) {
      visit(x, path);
      return;
    }
    if (Array.isArray(x)) {
      for (let k = 0; k < x.length; k++) {
        keys.push(k);
        walk(x[k]);
        keys.pop();
      }
    } else {
      for (const k in x) {
        keys.push(k);
        walk((x as Record<string, unknown>)[k]);
        keys.pop();
      }
    }
  };
  walk(obj);
}

/** assert.ok with a message made only on failure. */
function ensure(ok: boolean, message: () => string): void {
  if (!ok) assert.fail(message());
}

/** Every range under obj (its own excepted) inside outer. */
function allInside(obj: object, outer: Range, at: string | (() => string)): void {
  const name = typeof at === 'string' ? () => at : at;
  forEachRange(obj, '', (r, p) => {
    if (r !== outer && !inside(r, outer)) assert.fail(`${name()}${p()} ${show(r)} is not inside ${name()} ${show(outer)}`);
  });
}

/**
 * The range invariants of a model: every range in the document and on UTF-16 boundaries,
 * and every child inside its parent (item ⊃ heading, sections, tables, attachments, …;
 * section ⊃ heading and body; table ⊃ rows ⊃ cells), items and sections in order.
 */
export function checkModel(model: MinutesDocument, lines: string[]): void {
  assert.equal(model.lineCount, lines.length, 'lineCount agrees with an independent line split');
  forEachRange(model, 'model', (r, p) => checkRange(r, lines, p));
  if (model.header) allInside(model.header, model.header.range, 'header');
  if (model.toc) {
    allInside(model.toc, model.toc.range, 'toc');
    model.toc.entries.forEach((e, k) => ensure(inside(e.titleRange, e.range), () => `toc.entries[${k}].titleRange inside its entry`));
  }
  model.tables.forEach((t, k) => checkTable(t, `tables[${k}]`));
  model.dates.forEach((d, k) => allInside(d, d.range, () => `dates[${k}]`));
  model.yearRanges.forEach((y, k) => allInside(y, y.range, () => `yearRanges[${k}]`));
  model.items.forEach((item, k) => {
    const at = `items[${k}]`;
    allInside(item, item.range, at);
    ensure(inside(item.headingRange, item.range), () => `${at}.headingRange inside the item`);
    for (const key of ['numberRange', 'titleRange'] as const) ensure(inside(item[key], item.headingRange), () => `${at}.${key} inside the heading`);
    if (k > 0) ensure(notAfter(model.items[k - 1].range.end, item.range.start), () => `${at} starts after items[${k - 1}] ends`);
    item.sections.forEach((s, j) => {
      allInside(s, s.range, () => `${at}.sections[${j}]`);
      if (j > 0) ensure(notAfter(item.sections[j - 1].range.end, s.range.start), () => `${at}.sections[${j}] after the one before`);
    });
    const decision = item.decision;
    if (decision?.section) ensure(item.sections.includes(decision.section), () => `${at}.decision.section is one of its sections`);
    if (decision && !decision.labelled) {
      ensure(decision.body.every((b) => inside(b.range, item.range)), () => `${at}.decision (unlabelled) inside the item`);
    }
    item.tables.forEach((t, j) => checkTable(t, `${at}.tables[${j}]`));
    item.attachments.forEach((a, j) => allInside(a, a.range, () => `${at}.attachments[${j}]`));
    item.attachmentCounts.forEach((a, j) => allInside(a, a.range, () => `${at}.attachmentCounts[${j}]`));
  });
}

function checkTable(t: MinutesDocument['tables'][number], at: string): void {
  t.rows.forEach((row, j) => {
    ensure(inside(row.range, t.range), () => `${at}.rows[${j}] ${show(row.range)} inside the table ${show(t.range)}`);
    allInside(row, row.range, () => `${at}.rows[${j}]`);
  });
}

export interface SymbolLike {
  name: string;
  range: Range;
  selectionRange: Range;
  children?: SymbolLike[];
}

/** What an LSP client demands of document symbols: selection inside range, children inside parents. */
export function checkSymbols(symbols: SymbolLike[], lines: string[], parent?: SymbolLike, at = 'symbols'): void {
  symbols.forEach((s, k) => {
    const p = `${at}[${k}] "${s.name}"`;
    checkRange(s.range, lines, `${p}.range`);
    checkRange(s.selectionRange, lines, `${p}.selectionRange`);
    ensure(inside(s.selectionRange, s.range), () => `${p}: selectionRange ${show(s.selectionRange)} not inside range ${show(s.range)}`);
    if (parent) ensure(inside(s.range, parent.range), () => `${p}: ${show(s.range)} not inside its parent ${show(parent.range)}`);
    checkSymbols(s.children ?? [], lines, s, `${p}.children`);
  });
}

// ---------------------------------------------------------------------------------------
// Text.

const FIXTURES = path.resolve(__dirname, '..', 'fixtures');
export const SEED_FILES = [
  '000_1bde0758b15ed079.txt',
  '001_1bb751e75b116f8a.txt',
  '002_cee8b5e6ba1df47f.txt',
  '003_563f54a0d9eba8f6.txt',
  '004_6e795d272eb0bc4b.txt',
];
export const SEED_TEXTS = SEED_FILES.map((f) => readFileSync(path.join(FIXTURES, f), 'utf8'));

/** Characters that have broken parsers of clerks' text: exotic spaces, joiners, astral, combining. */
export const EXOTIC = [
  '\uFEFF', // BOM / ZWNBSP
  '\u00A0', // NBSP
  '\u2009', // thin space
  '\u202F', // narrow NBSP
  '\u3000',
  '\u200B', // zero-width space
  '\u200C',
  '\u200D',
  '\u2060', // word joiner
  '\u00AD', // soft hyphen
  '\f',
  '\v',
  '\t',
  '\u0085', // NEL
  '\u2028', // line separator
  '😀',
  '👍🏽',
  '🇩🇰',
  '👩‍👩‍👧',
  '𝔄',
  'a\u030A', // å decomposed
  '\u030A', // a lone combining ring
  '\uD83D', // a lone high surrogate
  '\uDE00', // a lone low surrogate
];

const WORDS = [
  'Budget', 'Meddelelser', 'Skoler', 'Erhvervsudvalget', 'Godkendt', 'Ikke godkendt', 'Taget til efterretning',
  'Indstillingen godkendes', 'Udsat', 'æøå ÆØÅ', 'Økonomi', 'Delegationsplan', '2021-2025', '2025-2021',
  '03-11-2021', '31-11-2021', 'Onsdag d. 03. november 2021', 'tirsdag den 3. november 2021', '1.303', '-29.599',
  '10,9', '500.00 kr.', '14,4 mio. kr.', '-', '21/14768', 'Punkt 3', 'x', 'lukket punkt', 'http://x.dk/a-08-10-2019.pdf',
];

const word = fc.constantFrom(...WORDS);
const num = fc.oneof(
  fc.integer({ min: -100000, max: 100000 }).map((n) => n.toLocaleString('da-DK')),
  fc.constantFrom('-', '1.303', '10,9', '0', '100', '', '1.000', '2021', '500.00'),
);
const numbers = fc.array(num, { minLength: 1, maxLength: 6 });

/** One line of something like minutes: headings, sections, header fields, tables, contents, noise. */
export const minutesLine: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.tuple(fc.nat(40), word).map(([n, w]) => `Punkt ${n}: ${w}`), weight: 4 },
  { arbitrary: fc.tuple(fc.nat(40), fc.constantFrom('A', 'B', ''), word).map(([n, c, w]) => `## **${n}. ${c ? c + ' - ' : ''}${w}**`), weight: 1 },
  { arbitrary: fc.tuple(fc.nat(40), fc.constantFrom('. ', '\t', ') '), word).map(([n, s, w]) => `${n}${s}${w}`), weight: 2 },
  {
    arbitrary: fc.constantFrom(
      'Beslutning', 'Indstilling', 'Resumé', 'Sagsfremstilling', 'Økonomi', 'Bilag', 'Tidligere behandling', 'Baggrund',
      '### **Beslutning**', '**Indstilling:**', 'Beslutning:', 'Vedtagelse i Erhvervsudvalget den 03-11-2021',
      'Beslutning i Økonomiudvalget den 3. november 2021', '2 bilag, heraf 1 anbefales', '1 bilag', 'ANBEFALES Bilag 1',
      'ANBEALES Bilag 2', '1.4 ANBEFALES Notat', 'Indholdsfortegnelse', 'Indhold', 'REFERAT Erhvervsudvalget d. 03-11-2021',
      'DAGSORDEN', '### Dagsorden', '# Rudersdal Kommune', '## Erhvervsudvalget', 'Mødedato Onsdag d. 03. november 2021 kl. 13:15',
      'Dato: 03-11-2021', 'Mødested Væksthuset', 'Mødedeltagere Randi Mondorf, Jacob (centerchef for By, Erhverv), Anja',
      'Afbud: Trine', 'Source URL: http://x.dk', 'referat-disable RF003', 'referat-enable', '<!-- referat-disable-next-line -->',
      'referat-disable-next-line RF001', '| Punkt | Side |', '|---|---|', '| Meddelelser..... | 3 |', 'Meddelelser.....\t3',
      'Budget.....', '1. Budget  3', 'Punkt 1: Meddelelser.....\t3', 'Sag nr. 21/14768', '- Punkt på listen', '',
    ),
    weight: 6,
  },
  { arbitrary: numbers.map((ns) => ns.join('\t')), weight: 1 },
  { arbitrary: fc.tuple(word, numbers).map(([w, ns]) => [w, ...ns].join('\t')), weight: 2 },
  { arbitrary: numbers.map((ns) => ['I alt', ...ns].join('\t')), weight: 1 },
  { arbitrary: fc.tuple(word, numbers).map(([w, ns]) => `${w} ${ns.join(' ')}`), weight: 1 },
  { arbitrary: fc.tuple(word, numbers).map(([w, ns]) => `| ${w} | ${ns.join(' | ')} |`), weight: 1 },
  { arbitrary: fc.array(word, { maxLength: 8 }).map((ws) => ws.join(' ')), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }), weight: 1 },
  { arbitrary: fc.constantFrom(...EXOTIC), weight: 1 },
);

export const EOLS = ['\n', '\r\n', '\r'] as const;

/** Lines joined with a mix of line terminators, with or without one at the end. */
export const minutesText: fc.Arbitrary<string> = fc
  .array(fc.tuple(minutesLine, fc.constantFrom(...EOLS)), { maxLength: 80 })
  .chain((pairs) => fc.boolean().map((finalEol) => join(pairs, finalEol)));

function join(pairs: [string, string][], finalEol: boolean): string {
  let s = '';
  pairs.forEach(([line, eol], k) => (s += line + (k < pairs.length - 1 || finalEol ? eol : '')));
  return s;
}

/** Any string of UTF-16 code units, lone surrogates and control characters included. */
export const anyUnits: fc.Arbitrary<string> = fc.string({
  unit: fc.oneof(
    fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    fc.constantFrom('\n', '\r', '\r\n', '\t', ' ', 'Punkt 1: ', 'Beslutning', '\n\n', '...'),
  ),
  maxLength: 400,
});

/** Transformations of a whole text: line endings, BOM, NBSP, NFD, exotic characters in places. */
export type Transform =
  | { kind: 'eol'; eols: string[] }
  | { kind: 'bom' }
  | { kind: 'nbsp'; every: number }
  | { kind: 'nfd' }
  | { kind: 'insert'; at: number; what: string }
  | { kind: 'formfeed'; line: number };

export const transform: fc.Arbitrary<Transform> = fc.oneof(
  fc.array(fc.constantFrom(...EOLS), { minLength: 1, maxLength: 7 }).map((eols): Transform => ({ kind: 'eol', eols })),
  fc.constant<Transform>({ kind: 'bom' }),
  fc.integer({ min: 1, max: 5 }).map((every): Transform => ({ kind: 'nbsp', every })),
  fc.constant<Transform>({ kind: 'nfd' }),
  fc.tuple(fc.nat(), fc.constantFrom(...EXOTIC)).map(([at, what]): Transform => ({ kind: 'insert', at, what })),
  fc.nat().map((line): Transform => ({ kind: 'formfeed', line })),
);

export function applyTransform(text: string, t: Transform): string {
  switch (t.kind) {
    case 'eol': {
      const lines = oracleLines(text);
      return lines.map((l, k) => l + (k < lines.length - 1 ? t.eols[k % t.eols.length] : '')).join('');
    }
    case 'bom':
      return '\uFEFF' + text;
    case 'nbsp': {
      let k = 0;
      return text.replace(/ /g, () => (++k % t.every === 0 ? '\u00A0' : ' '));
    }
    case 'nfd':
      return text.normalize('NFD');
    case 'insert': {
      const at = t.at % (text.length + 1);
      return text.slice(0, at) + t.what + text.slice(at);
    }
    case 'formfeed': {
      const lines = text.split('\n');
      const k = t.line % lines.length;
      lines[k] = '\f' + lines[k];
      return lines.join('\n');
    }
  }
}

/** Edits of a seed's lines, as a clerk's copy and paste (or a broken export) makes them. */
export type LineEdit =
  | { kind: 'delete'; at: number; count: number }
  | { kind: 'duplicate'; at: number; count: number }
  | { kind: 'swap'; a: number; b: number }
  | { kind: 'split'; at: number; col: number }
  | { kind: 'join'; at: number }
  | { kind: 'move'; at: number; count: number; to: number };

export const lineEdit: fc.Arbitrary<LineEdit> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('split' as const), at: fc.nat(), col: fc.nat() }),
  fc.record({ kind: fc.constant('join' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('move' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 60 }), to: fc.nat() }),
);

export function applyLineEdit(lines: string[], e: LineEdit): string[] {
  const n = lines.length;
  if (n === 0) return lines;
  const out = lines.slice();
  switch (e.kind) {
    case 'delete':
      out.splice(e.at % n, e.count);
      break;
    case 'duplicate': {
      const at = e.at % n;
      out.splice(at, 0, ...lines.slice(at, at + e.count));
      break;
    }
    case 'swap': {
      const a = e.a % n;
      const b = e.b % n;
      [out[a], out[b]] = [out[b], out[a]];
      break;
    }
    case 'split': {
      const at = e.at % n;
      const col = e.col % (out[at].length + 1);
      out.splice(at, 1, out[at].slice(0, col), out[at].slice(col));
      break;
    }
    case 'join': {
      const at = e.at % n;
      if (at + 1 < n) out.splice(at, 2, out[at] + out[at + 1]);
      break;
    }
    case 'move': {
      const at = e.at % n;
      const block = out.splice(at, e.count);
      const to = e.to % (out.length + 1);
      out.splice(to, 0, ...block);
      break;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// One case, and the core in a worker with a time bound per case.

/**
 * JSON in which an object met a second time is written as "#shared": findings share one
 * fix (a whole-contents rewrite, a renumbering), which plain JSON would repeat per finding.
 */
export function sharedJson(x: unknown): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(x, (_key, value: unknown) => {
    if (typeof value !== 'object' || value === null) return value;
    if (seen.has(value)) return '#shared';
    seen.add(value);
    return value;
  });
}

/**
 * Every invariant for one text: analyze() returns, its ranges are valid and nested, no rule
 * threw, the outline and the LSP symbols and folding ranges can be made from it, and a
 * second run gives the same result (model and findings). For the huge texts (`twice` false)
 * the second run is left out: the fuzzed cases check determinism. Returns the time of
 * analyze() in ms.
 */
export function checkText(text: string, twice = true): number {
  const t0 = performance.now();
  const a = analyze(text);
  const ms = performance.now() - t0;
  const lines = oracleLines(text);
  checkModel(a.model, lines);
  forEachRange(a.findings, 'findings', (r, p) => checkRange(r, lines, () => `${p()} (${a.findings[Number(/^findings\[(\d+)\]/.exec(p())?.[1])]?.code})`));
  for (const f of a.findings) if (/failed internally/.test(f.message.en)) assert.fail(`a rule threw: ${f.message.en}`);
  // The whole document as the server gives it to documentSymbols (server.ts, onDocumentSymbol).
  const whole = { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1].length } };
  checkSymbols(documentSymbols(a.model, 'da', whole), lines);
  for (const f of foldingRanges(a.model)) {
    ensure(f.startLine >= 0 && f.startLine < f.endLine && f.endLine < lines.length, () => `folding range ${f.startLine}-${f.endLine}`);
  }
  toOutline('property', a.model);
  if (!twice) return ms;
  const result = (x: typeof a) => sharedJson({ model: x.model, findings: x.findings });
  const [x, y] = [result(a), result(analyze(text))];
  if (x !== y) {
    let k = 0;
    while (k < x.length && x[k] === y[k]) k++;
    assert.fail(`same input, different output: the two runs differ at JSON offset ${k}: …${x.slice(Math.max(0, k - 80), k + 80)}… vs …${y.slice(Math.max(0, k - 80), k + 80)}…`);
  }
  return ms;
}

/**
 * Runs checkText() in a worker thread. A case that does not answer within its bound is a
 * hang: the worker is terminated (a busy loop cannot be interrupted otherwise), a fresh
 * one is started for the next case, and the case fails.
 */
export class CoreWorker {
  private worker!: Worker;
  private seq = 0;
  private readonly pending = new Map<number, { resolve: (ms: number) => void; reject: (e: Error) => void }>();

  constructor() {
    this.start();
  }

  private start(): void {
    const entry = path.join(__dirname, 'property-worker.ts');
    this.worker = new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(entry)});`, { eval: true });
    this.worker.unref();
    this.worker.on('message', (m: { id: number; error?: string; ms: number }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.error !== undefined) p.reject(new Error(m.error));
      else p.resolve(m.ms);
    });
    this.worker.on('error', (e) => {
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    });
  }

  /** checkText(text, twice) in the worker; rejects with its failure, or when it takes longer than boundMs. */
  check(text: string, boundMs: number, twice = true): Promise<number> {
    const id = ++this.seq;
    return new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        void this.worker.terminate();
        this.start();
        reject(new Error(`no answer within ${boundMs} ms (a hang) on a text of ${text.length} characters`));
      }, boundMs);
      this.pending.set(id, {
        resolve: (ms) => (clearTimeout(timer), resolve(ms)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      this.worker.postMessage({ id, text, twice });
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
