/**
 * The HTML and DOCX readers (issue 25): seed 000 published as a web page and as a Word document reads into
 * text that the core analyses exactly as the seed's own text (one RF103 on the »751« cell, the same items),
 * chrome left out, lines mapped back to the page's element or the Word paragraph; hostile files (a zip bomb,
 * a download cut short, plain text named .docx) answered within seconds with a clear message.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { analyze } from '../../server/src/core/analyze';
import { docxReader } from '../../server/src/readers/docx';
import { htmlReader } from '../../server/src/readers/html';
import { loadReader } from '../../server/src/readers/index';
import { DEFAULT_LIMITS, UnreadableInputError, type ReadDocument } from '../../server/src/readers/reader';

import { FIXTURES } from './helpers';
import { archive, findingsOf, itemsOf, lineOf, refusal, SEED_TEXT } from './readers-support';

const html = (body: string) => htmlReader.read(new TextEncoder().encode(`<!DOCTYPE html><html><body>${body}</body></html>`), DEFAULT_LIMITS);

describe('the HTML reader on seed 000 as a web page (readers/html.ts)', () => {
  let doc: ReadDocument;
  before(async () => {
    doc = await (await loadReader('html')).read(archive('seed-000.html'), DEFAULT_LIMITS);
  });

  it('gives text with exactly the seed\'s findings (one RF103 on the »751« cell) and items', () => {
    assert.equal(doc.format, 'html');
    assert.deepEqual(findingsOf(doc.text), findingsOf(SEED_TEXT));
    assert.deepEqual(findingsOf(doc.text), ['RF103 glued']);
    const [finding] = analyze(doc.text).findings;
    const lines = doc.text.split('\n');
    assert.equal(lines[finding!.range.start.line]!.slice(finding!.range.start.character, finding!.range.end.character), '751');
    assert.deepEqual(itemsOf(doc.text), itemsOf(SEED_TEXT));
    assert.deepEqual(doc.problems, []);
  });

  it('leaves out the head, scripts, styles, navigation and the footer', () => {
    for (const chrome of ['Forside', 'Dagsordener og referater', 'Cookie-indstillinger', 'Rådhuset', 'dataLayer', 'border-collapse', 'Referat - Erhvervsudvalget - 03-11-2021']) {
      assert.ok(!doc.text.includes(chrome), chrome);
    }
    assert.ok(doc.text.startsWith('REFERAT Erhvervsudvalget d. 03-11-2021\n'));
  });

  it('writes each table row on one line, its cells separated by tabs, empty cells kept', () => {
    const lines = doc.text.split('\n');
    assert.ok(lines.includes('Afsluttet til ”ledig og jobsøgende”\t15\t751'));
    assert.ok(lines.includes('I alt\t\t100'));
    assert.ok(lines.includes('Budgetopfølgning pr. 30. september 2021\t\t'));
  });

  it('maps a line to the line and column (0-based) of its element in the page', () => {
    const page = new TextDecoder().decode(archive('seed-000.html')).split('\n');
    const heading = lineOf(doc, (l) => l === 'Punkt 6: Slutevaluering af projekt Business Training');
    assert.deepEqual(doc.sourceMap.placeOf(heading), { line: page.findIndex((l) => l.startsWith('<h2>Punkt 6:')), column: 0 });
    const row = lineOf(doc, (l) => l.endsWith('\t751'));
    const tr = page.findIndex((l) => l.includes('<td>751</td>'));
    assert.deepEqual(doc.sourceMap.placeOf(row), { line: tr, column: page[tr]!.indexOf('<tr>') });
  });
});

describe('the HTML reader on the forms a page takes', () => {
  it('reads a colspan as empty cells after the cell, a rowspan as an empty cell below, a <br> in a cell as a space', async () => {
    const doc = await html(`<table>
      <tr><th colspan="2">Beløb i 1.000 kr.</th><th>2022</th></tr>
      <tr><td rowspan="2">Drift</td><td>Løn<br>og pension</td><td>1.200</td></tr>
      <tr><td>Øvrige</td><td>300</td></tr>
      <tr><td>I alt</td><td></td><td>1.500</td></tr></table>`);
    assert.equal(doc.text, 'Beløb i 1.000 kr.\t\t2022\nDrift\tLøn og pension\t1.200\n\tØvrige\t300\nI alt\t\t1.500');
  });

  it('puts a line broken by <br> on lines of its own, and a blank line between blocks', async () => {
    const doc = await html('<p>Mødested<br>Rådhuset,<br/>lokale 2</p><h2>Punkt 1: Godkendelse</h2><p>Godkendt.</p>');
    assert.equal(doc.text, 'Mødested\nRådhuset,\nlokale 2\n\nPunkt 1: Godkendelse\n\nGodkendt.');
  });

  it('joins a cell\'s paragraphs with a space, and decodes entities as a browser does', async () => {
    const doc = await html('<table><tr><td><p>Erhvervs&shy;udvikling</p><p>mm.</p></td><td>26&nbsp;</td></tr><tr><td>I&nbsp;alt &amp; total</td><td>&#8211;</td></tr></table>');
    assert.equal(doc.text, 'Erhvervs\u00ADudvikling mm.\t26\nI\u00A0alt & total\t–');
  });

  it('reads a table used for layout (a page inside a cell, a table in a table) as blocks, the inner data table as rows', async () => {
    const doc = await html(`<table><tr><td>
      <h1>REFERAT Økonomiudvalget</h1><p>Punkt 1: Budget</p>
      <table><tr><td>Drift</td><td>10</td></tr><tr><td>I alt</td><td>10</td></tr></table>
      </td></tr></table>`);
    assert.equal(doc.text, 'REFERAT Økonomiudvalget\n\nPunkt 1: Budget\n\nDrift\t10\nI alt\t10');
  });

  it('numbers ordered list items and marks bullets, one item a line', async () => {
    const doc = await html('<p>Direktionen foreslår,</p><ol><li>at sagen godkendes,</li><li>at … </li></ol><ul><li>Bilag A</li></ul>');
    assert.equal(doc.text, 'Direktionen foreslår,\n\n1. at sagen godkendes,\n2. at …\n\n- Bilag A');
  });

  it('leaves out hidden elements, ARIA chrome, forms and their controls, but keeps a form that holds the page', async () => {
    const doc = await html(`<div role="navigation">Menu</div><div role="banner">Logo</div><p hidden>Skjult</p>
      <p style="display: none">Usynlig</p><span class="sr-only">Gå til indhold</span><div aria-hidden="true">Ikon</div>
      <form><label>Søg</label><input value="x"><button>Søg nu</button></form><aside>Se også</aside>
      <form id="aspnetForm"><article><header><h1>Referat</h1></header><p>Punkt 1: Budget <button>Print</button></p><footer>Senest opdateret 4. november 2021</footer></article></form>
      <div role="contentinfo">Kontakt</div><template><p>Skabelon</p></template><noscript>Slå JavaScript til</noscript>`);
    assert.equal(doc.text, 'Referat\n\nPunkt 1: Budget\n\nSenest opdateret 4. november 2021');
  });

  it('honours a <meta charset> of windows-1252 and reads UTF-8 by default, a BOM first', async () => {
    const latin = new Uint8Array([...new TextEncoder().encode('<meta charset="windows-1252"><p>Beslutning: Godkendt '), 0x96, 0x20, 0xe6, 0xf8, 0xe5, ...new TextEncoder().encode('</p>')]);
    assert.equal((await htmlReader.read(latin, DEFAULT_LIMITS)).text, 'Beslutning: Godkendt – æøå');
    const http = new TextEncoder().encode('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>Caf\u00e9</p>'.replace('é', '\u00e9'));
    assert.equal((await htmlReader.read(http, DEFAULT_LIMITS)).text, 'CafÃ©');
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('<p>Mødet</p>')]);
    assert.equal((await htmlReader.read(bom, DEFAULT_LIMITS)).text, 'Mødet');
    const undeclared = new Uint8Array([...new TextEncoder().encode('<p>M'), 0xf8, ...new TextEncoder().encode('det</p>')]);
    assert.equal((await htmlReader.read(undeclared, DEFAULT_LIMITS)).text, 'Mødet');
  });

  it('reads a page nested 20,000 elements deep without overflowing the stack', async () => {
    const doc = await html(`${'<div><span>'.repeat(10000)}Punkt 1: Dybt${'</span></div>'.repeat(10000)}`);
    assert.equal(doc.text, 'Punkt 1: Dybt');
  });

  it('refuses bytes past the input limit, naming it', async () => {
    const e = await refusal(htmlReader.read(new TextEncoder().encode('<p>Referat</p>'), { ...DEFAULT_LIMITS, maxInputBytes: 4 }));
    assert.match(e.text.da, /for stor/);
    assert.match(e.text.en, /too large/);
  });
});

/** word/document.xml of a .docx fixture, unpacked by node:zlib (by the central directory). */
function documentXml(zip: Buffer): string {
  let end = zip.length - 22;
  while (zip.readUInt32LE(end) !== 0x06054b50) end--;
  let at = zip.readUInt32LE(end + 16);
  for (;;) {
    const name = zip.toString('utf8', at + 46, at + 46 + zip.readUInt16LE(at + 28));
    if (name === 'word/document.xml') {
      const local = zip.readUInt32LE(at + 42);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      return zlib.inflateRawSync(zip.subarray(start, start + zip.readUInt32LE(at + 20))).toString('utf8');
    }
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
}

describe('the DOCX reader on seed 000 as a Word document (readers/docx.ts)', () => {
  let doc: ReadDocument;
  before(async () => {
    doc = await (await loadReader('docx')).read(archive('seed-000.docx'), DEFAULT_LIMITS);
  });

  it('gives text with exactly the seed\'s findings and items, the tables as tab-separated rows', () => {
    assert.equal(doc.format, 'docx');
    assert.deepEqual(findingsOf(doc.text), findingsOf(SEED_TEXT));
    assert.deepEqual(findingsOf(doc.text), ['RF103 glued']);
    assert.deepEqual(itemsOf(doc.text), itemsOf(SEED_TEXT));
    assert.ok(doc.text.split('\n').includes('Afsluttet til ”ledig og jobsøgende”\t15\t751'));
    assert.deepEqual(doc.problems, []);
  });

  it('maps a line to its Word paragraph (0-based, in document order, cells\' paragraphs included)', () => {
    const paragraphs = documentXml(readFileSync(path.join(FIXTURES, 'archives', 'seed-000.docx'))).split(/<w:p[ >]/).slice(1);
    const paragraphWith = (text: string) => paragraphs.findIndex((p) => p.includes(text));
    const heading = lineOf(doc, (l) => l.startsWith('Punkt 6:'));
    assert.deepEqual(doc.sourceMap.placeOf(heading), { paragraph: paragraphWith('Punkt 6:') });
    const row = lineOf(doc, (l) => l.endsWith('\t751'));
    assert.deepEqual(doc.sourceMap.placeOf(row), { paragraph: paragraphWith('Afsluttet til ”ledig og jobsøgende”') });
    assert.deepEqual(doc.sourceMap.placeOf(0), { paragraph: 0 });
  });
});

describe('the DOCX reader on hostile and broken files', () => {
  it('refuses a zip bomb by the bytes it inflates, not its declared sizes, within seconds, naming the limit', async () => {
    const e = await refusal(docxReader.read(archive('zip-bomb.docx'), DEFAULT_LIMITS));
    assert.match(e.text.da, /mere end 50 MB XML.*maxInflatedBytes.*zip-bombe/);
    assert.match(e.text.en, /more than 50 MB of XML.*maxInflatedBytes.*zip bomb/);
    const low = await refusal(docxReader.read(archive('zip-bomb.docx'), { ...DEFAULT_LIMITS, maxInflatedBytes: 1024 * 1024 }), 2);
    assert.match(low.text.en, /more than 1 MB of XML/);
  });

  it('reads a download cut short (no central directory) from its local headers, with one problem saying so', async () => {
    const started = Date.now();
    const doc = await docxReader.read(archive('seed-000-truncated.docx'), DEFAULT_LIMITS);
    assert.ok(Date.now() - started < 5000);
    assert.deepEqual(findingsOf(doc.text), findingsOf(SEED_TEXT));
    assert.equal(doc.problems.length, 1);
    assert.match(doc.problems[0]!.da, /afkortet.*centrale katalog.*\[Content_Types\]\.xml er skåret over/);
    assert.match(doc.problems[0]!.en, /truncated.*central directory.*\[Content_Types\]\.xml is cut off/);
  });

  it('refuses a cut that takes the document\'s text itself, and never throws anything but a clear refusal', async () => {
    const whole = archive('seed-000.docx');
    const e = await refusal(docxReader.read(whole.subarray(0, 2000), DEFAULT_LIMITS));
    assert.match(e.text.en, /word\/document\.xml/);
    for (const cut of [0, 3, 29, 31, 400, 9000, 12000, 15000, 16500, whole.length - 30, whole.length - 1]) {
      await docxReader.read(whole.subarray(0, cut), DEFAULT_LIMITS).then(
        (doc) => assert.equal(doc.problems.length, 1, `cut at ${cut}`),
        (err: unknown) => assert.ok(err instanceof UnreadableInputError, `cut at ${cut}: ${String(err)}`),
      );
    }
  });

  it('refuses plain text with a .docx name, in Danish and English', async () => {
    const e = await refusal(docxReader.read(archive('not-a-zip.docx'), DEFAULT_LIMITS), 1);
    assert.match(e.text.da, /almindelig tekst, ikke et Word-dokument/);
    assert.match(e.text.en, /plain text, not a Word document/);
  });

  it('refuses an old .doc, a PDF, other binary bytes, an empty file and an empty zip by what they are', async () => {
    const bytes = (...b: number[]) => new Uint8Array([...b, ...new Array(64).fill(0)]);
    assert.match((await refusal(docxReader.read(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), DEFAULT_LIMITS))).text.en, /older Word document \(\.doc/);
    assert.match((await refusal(docxReader.read(new TextEncoder().encode('%PDF-1.7\n'), DEFAULT_LIMITS))).text.en, /PDF/);
    assert.match((await refusal(docxReader.read(bytes(0x89, 0x50, 0x4e, 0x47), DEFAULT_LIMITS))).text.en, /not a Word document: a \.docx file is a zip archive/);
    assert.match((await refusal(docxReader.read(new Uint8Array(0), DEFAULT_LIMITS))).text.en, /is empty \(0 bytes\)/);
    const empty = new Uint8Array(22);
    empty.set([0x50, 0x4b, 0x05, 0x06]);
    assert.match((await refusal(docxReader.read(empty, DEFAULT_LIMITS))).text.en, /empty zip archive/);
  });
});
