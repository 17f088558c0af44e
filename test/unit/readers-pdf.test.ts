/**
 * The PDF reader (issue 25): seed 000 printed to a tagged PDF by Chromium, and the same PDF without its
 * structure tree, read into text that the core analyses exactly as the seed's own text (one RF103 on the »751«
 * cell, the same items), each line mapped to its page and place; a PDF cut in half and an encrypted PDF
 * refused within seconds with a clear Danish message; the page limit kept. The fixtures are made by
 * `npm run fixtures:archives` (scripts/archive-fixtures/pdf.mjs) and committed: no Chromium is needed here.
 */
import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { loadReader } from '../../server/src/readers/index';
import { pdfReader } from '../../server/src/readers/pdf';
import { loadPdfJs } from '../../server/src/readers/pdf-load';
import { DEFAULT_LIMITS, type ReadDocument } from '../../server/src/readers/reader';

import { archive, findingsOf, itemsOf, lineOf, refusal, SEED_TEXT } from './readers-support';

/** Where pdf.js itself puts a text: its page (1-based) and baseline from the top, found without the reader. */
async function placeOfText(bytes: Uint8Array, text: string): Promise<{ page: number; y: number }> {
  const lib = await loadPdfJs();
  const doc = await lib.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const height = page.getViewport({ scale: 1 }).height;
      for (const item of (await page.getTextContent()).items) {
        if ('str' in item && item.str === text) return { page: n, y: height - item.transform[5] };
      }
    }
  } finally {
    await doc.destroy();
  }
  throw new Error(`${text} not in the PDF`);
}

for (const [name, tagged] of [['seed-000-tagged.pdf', true], ['seed-000-untagged.pdf', false]] as const) {
  describe(`the PDF reader on seed 000 as ${tagged ? 'a tagged' : 'an untagged'} PDF (${name})`, () => {
    let doc: ReadDocument;
    before(async () => {
      doc = await (await loadReader('pdf')).read(archive(name), DEFAULT_LIMITS);
    });

    it('is the file it says: tagged or not', async () => {
      const lib = await loadPdfJs();
      const pdf = await lib.getDocument({ data: archive(name), verbosity: 0 }).promise;
      const tree = await (await pdf.getPage(1)).getStructTree();
      await pdf.destroy();
      assert.equal(tree !== null && (tree.children?.length ?? 0) > 0, tagged);
    });

    it('gives text with exactly the seed\'s findings (one RF103 on the »751« cell) and items', () => {
      assert.equal(doc.format, 'pdf');
      assert.deepEqual(findingsOf(doc.text), findingsOf(SEED_TEXT));
      assert.deepEqual(findingsOf(doc.text), ['RF103 glued']);
      const [finding] = analyze(doc.text).findings;
      const lines = doc.text.split('\n');
      assert.equal(lines[finding!.range.start.line]!.slice(finding!.range.start.character, finding!.range.end.character), '751');
      assert.deepEqual(itemsOf(doc.text), itemsOf(SEED_TEXT));
      assert.deepEqual(doc.problems, []);
    });

    it('writes each table row on one line, its cells separated by tabs, the cells a PDF leaves out for empty ones put back', () => {
      const lines = doc.text.split('\n');
      assert.ok(lines.includes('Afsluttet til ”ledig og jobsøgende”\t15\t751'));
      assert.ok(lines.includes('I alt\t\t100'), 'the empty middle cell');
      assert.ok(lines.includes('\tMåltal\tRealiseret'), 'the empty first cell');
      assert.ok(lines.includes('Coronaudgifter for 2021 (realiseret og forventet)\t31.450\t'), 'the empty last cell');
    });

    it('puts each heading on a line of its own', () => {
      const lines = doc.text.split('\n');
      for (const heading of ['Punkt 1: Meddelelser', 'Punkt 6: Slutevaluering af projekt Business Training', 'Resumé', 'Sagsfremstilling']) {
        assert.ok(lines.includes(heading), heading);
      }
    });

    it('maps the 751 row to its page and its place on it (PDF points from the top left)', async () => {
      const row = lineOf(doc, (l) => l.endsWith('\t751'));
      const place = doc.sourceMap.placeOf(row);
      const label = await placeOfText(archive(name), 'Afsluttet til ”ledig og jobsøgende”');
      assert.equal(place.page, label.page);
      assert.ok(Math.abs(place.y! - label.y) < 1, `y ${place.y} vs ${label.y}`);
      assert.ok(place.x! > 0 && place.x! < 100, `x ${place.x}`);
    });
  });
}

describe('the tagged PDF read by its structure tree', () => {
  it('joins a paragraph wrapped over lines of the page into one line', async () => {
    const doc = await pdfReader.read(archive('seed-000-tagged.pdf'), DEFAULT_LIMITS);
    const long = SEED_TEXT.split('\n').find((l) => l.startsWith('Måltallet for hvor mange deltagere'))!;
    assert.ok(long.length > 200, 'a paragraph the page wraps');
    assert.ok(doc.text.split('\n').includes(long));
  });
});

describe('the PDF reader on hostile and broken files', () => {
  it('refuses a PDF cut in half within seconds, saying it is truncated', async () => {
    const e = await refusal(pdfReader.read(archive('seed-000-cut.pdf'), DEFAULT_LIMITS));
    assert.match(e.text.da, /afkortet PDF/);
    assert.match(e.text.en, /truncated PDF/);
  });

  it('reads a PDF cut short whose catalog came before the cut as far as it is whole, and says it is truncated', async () => {
    // The untagged fixture is written by qpdf, catalog first (as a linearized PDF has it): cut at 60 %.
    const whole = archive('seed-000-untagged.pdf');
    const started = Date.now();
    const doc = await pdfReader.read(whole.subarray(0, Math.floor(whole.length * 0.6)), DEFAULT_LIMITS);
    assert.ok(Date.now() - started < 5000, `read in ${Date.now() - started} ms`);
    assert.match(doc.problems[0]!.da, /afkortet/);
    assert.match(doc.problems[0]!.en, /truncated/);
    assert.ok(doc.text.trim().length > 0, 'what was whole is read');
    const cutEarly = await refusal(pdfReader.read(whole.subarray(0, Math.floor(whole.length * 0.3)), DEFAULT_LIMITS));
    assert.match(cutEarly.text.da, /afkortet PDF/, 'cut before any text could be read: refused as truncated');
  });

  it('refuses an encrypted PDF within seconds, saying it needs a password', async () => {
    const e = await refusal(pdfReader.read(archive('seed-000-encrypted.pdf'), DEFAULT_LIMITS));
    assert.match(e.text.da, /krypteret PDF.*adgangskode/);
    assert.match(e.text.en, /encrypted PDF.*password/);
  });

  it('refuses bytes that are no PDF', async () => {
    const e = await refusal(pdfReader.read(new TextEncoder().encode('Referat\nPunkt 1: Godkendelse\n'), DEFAULT_LIMITS));
    assert.match(e.text.da, /ikke en PDF/);
  });

  it('reads no more pages than the limit, and says so', async () => {
    const doc = await pdfReader.read(archive('seed-000-tagged.pdf'), { ...DEFAULT_LIMITS, maxPages: 2 });
    const pages = doc.text.split('\n').map((_, k) => doc.sourceMap.placeOf(k).page!);
    assert.deepEqual([...new Set(pages)], [1, 2]);
    assert.equal(doc.problems.length, 1);
    assert.match(doc.problems[0]!.da, /kun de første 2 af \d+ sider/);
  });

  it('refuses bytes past the input limit', async () => {
    const e = await refusal(pdfReader.read(archive('seed-000-tagged.pdf'), { ...DEFAULT_LIMITS, maxInputBytes: 1000 }));
    assert.match(e.text.da, /for stor/);
  });

  it('leaves the caller\'s bytes as they were (pdf.js works on a copy)', async () => {
    const bytes = archive('seed-000-untagged.pdf');
    const before = bytes.byteLength;
    await pdfReader.read(bytes, DEFAULT_LIMITS);
    assert.equal(bytes.byteLength, before);
    assert.equal(new TextDecoder().decode(bytes.subarray(0, 5)), '%PDF-');
  });
});
