// The input readers' throughput and memory: seed 000 as a tagged PDF, an untagged PDF, a Word file and a web
// page (test/fixtures/archives/), and the published originals of ../shared/corpus/originals/ when present,
// each read again and again by the bundled readers (MB/s of the file, pages/s; a Word file or a web page has
// no pages: its pages are those of the same document printed, seed-000-tagged.pdf's). Then a 20 MB PDF made
// here (bench/pdf-writer.mjs, from seed 000's text; never committed) read once in a fresh process: its time
// and that process's peak RSS. Figures only, never a pass or fail.
// Called by bench/run.mjs; `node bench/readers.mjs` runs it alone.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { textPdf } from './pdf-writer.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const MB = 1 << 20;
const require = createRequire(import.meta.url);
const BUNDLE = path.join(here, 'out', 'readers.cjs');

async function bundle() {
  const { common } = require('../esbuild.js');
  await build({ ...common, sourcemap: false, entryPoints: [path.join(here, 'readers-entry.ts')], outfile: BUNDLE });
  return require(BUNDLE);
}

/** The pages read: the page of the text's last line (a PDF's lines run in page order). */
const pagesOf = (doc) => doc.sourceMap.placeOf(doc.text.split('\n').length - 1).page ?? 1;

/** Reads the file `runs` times after one warm-up: MB/s and pages/s from the median. */
async function throughput(readers, file, pages, runs = 7) {
  const bytes = new Uint8Array(readFileSync(file));
  const format = { '.pdf': 'pdf', '.docx': 'docx', '.html': 'html' }[path.extname(file)];
  const reader = await readers.loadReader(format);
  const first = await reader.read(bytes, readers.DEFAULT_LIMITS);
  const times = [];
  for (let k = 0; k < runs; k++) {
    const t0 = process.hrtime.bigint();
    await reader.read(bytes, readers.DEFAULT_LIMITS);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  const ms = times[Math.floor(times.length / 2)];
  const n = pages ?? pagesOf(first);
  return { file: path.basename(file), format, mb: bytes.length / MB, pages: n, ms, mbPerS: bytes.length / MB / (ms / 1000), pagesPerS: n / (ms / 1000) };
}

/** In a fresh process: read the PDF once, print its time and the process's peak RSS. */
async function readOnce(file) {
  const readers = require(BUNDLE);
  const bytes = new Uint8Array(readFileSync(file));
  const t0 = process.hrtime.bigint();
  const doc = await (await readers.loadReader('pdf')).read(bytes, readers.DEFAULT_LIMITS);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  process.stdout.write(JSON.stringify({ ms, pages: pagesOf(doc), lines: doc.text.split('\n').length, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
}

export async function runReaders() {
  const readers = await bundle();
  const archives = path.join(root, 'test', 'fixtures', 'archives');
  const seedPages = (await throughput(readers, path.join(archives, 'seed-000-tagged.pdf'), undefined, 1)).pages;
  const files = [
    [path.join(archives, 'seed-000-tagged.pdf')],
    [path.join(archives, 'seed-000-untagged.pdf')],
    [path.join(archives, 'seed-000.docx'), seedPages],
    [path.join(archives, 'seed-000.html'), seedPages],
  ];
  const originals = path.resolve(root, '..', 'shared', 'corpus', 'originals');
  if (existsSync(originals)) for (const f of readdirSync(originals).filter((n) => n.endsWith('.pdf')).sort()) files.push([path.join(originals, f)]);
  const rows = [];
  for (const [file, pages] of files) rows.push(await throughput(readers, file, pages));

  console.log('\nReaders (bundled; median of 7 reads after one)');
  console.log('file'.padEnd(62), 'format', '    MB', ' pages', '    ms', '  MB/s', 'pages/s');
  for (const r of rows) {
    console.log(r.file.padEnd(62), r.format.padEnd(6), r.mb.toFixed(2).padStart(6), String(r.pages).padStart(6), r.ms.toFixed(1).padStart(6), r.mbPerS.toFixed(2).padStart(6), r.pagesPerS.toFixed(0).padStart(7));
  }
  const byFormat = (f) => rows.filter((r) => r.format === f);
  const sum = (list, k) => list.reduce((n, r) => n + r[k], 0);
  const results = {};
  for (const f of ['pdf', 'docx', 'html']) {
    const list = byFormat(f);
    const s = sum(list, 'ms') / 1000;
    results[`${f}MbPerS`] = Number((sum(list, 'mb') / s).toFixed(2));
    results[`${f}PagesPerS`] = Number((sum(list, 'pages') / s).toFixed(0));
  }
  console.log(`throughput: PDF ${results.pdfMbPerS} MB/s, ${results.pdfPagesPerS} pages/s; DOCX ${results.docxMbPerS} MB/s, ${results.docxPagesPerS} pages/s; HTML ${results.htmlMbPerS} MB/s, ${results.htmlPagesPerS} pages/s`);

  // The 20 MB PDF, read once in a fresh process (its peak RSS is the reading's, not this benchmark's).
  const dir = mkdtempSync(path.join(tmpdir(), 'referat-pdf-bench-'));
  try {
    const seed = readFileSync(path.join(root, 'test', 'fixtures', '000_1bde0758b15ed079.txt'), 'utf8').split('\n').filter((l) => l.trim() !== '');
    const big = textPdf(seed, 20 * MB);
    const file = path.join(dir, 'big.pdf');
    writeFileSync(file, big.bytes);
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--read-once', file], { encoding: 'utf8', maxBuffer: 16 * MB });
    if (child.status !== 0) throw new Error(`reading the 20 MB PDF failed: ${child.stderr.slice(0, 500)}`);
    const once = JSON.parse(child.stdout);
    results.pdf20MbMb = Number((big.bytes.length / MB).toFixed(1));
    results.pdf20MbPages = once.pages;
    results.pdf20MbMs = Math.round(once.ms);
    results.pdf20MbPeakRssMb = Math.round(once.peakRssMb);
    console.log(
      `a ${results.pdf20MbMb} MB PDF of ${once.pages} pages (text only): read in ${results.pdf20MbMs} ms = ${(results.pdf20MbMb / (once.ms / 1000)).toFixed(2)} MB/s, ` +
        `${(once.pages / (once.ms / 1000)).toFixed(0)} pages/s; peak RSS of the reading process ${results.pdf20MbPeakRssMb} MB`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain && process.argv[2] === '--read-once') await readOnce(process.argv[3]);
else if (isMain) await runReaders();
