/**
 * Focused parser cases: each item heading form of the generic profile, contents lines
 * that are not items, numbering above 1, numbered lists, and awkward text.
 */
import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { parseDocument } from '../../server/src/core/parse/index';

const items = (text: string, profile?: string) =>
  parseDocument(text, { profile }).model.items.map((i) => `${i.number}: ${i.title}`);

const body = 'Sagsfremstilling\n\nTekst om sagen.\n\nIndstilling\n\nForvaltningen indstiller, at sagen godkendes.\n\nBeslutning\n\nGodkendt.\n';

describe('generic item headings', () => {
  const forms: [string, (n: number, t: string) => string][] = [
    ['Punkt N: Title', (n, t) => `Punkt ${n}: ${t}`],
    ['Punkt N Title', (n, t) => `Punkt ${n} ${t}`],
    ['N. Title', (n, t) => `${n}. ${t}`],
    ['N.<TAB>Title', (n, t) => `${n}.\t${t}`],
    ['N<TAB>Title', (n, t) => `${n}\t${t}`],
    ['Markdown heading with a number', (n, t) => `## ${n}. ${t}`],
    ['Markdown heading with bold and a category', (n, t) => `## **${n}. B - ${t}**`],
  ];
  for (const [name, heading] of forms) {
    it(`finds items written as ${name}`, () => {
      const text = `Referat\n\n${heading(1, 'Budget 2024')}\n\n${body}\n${heading(2, 'Skolestruktur')}\n\n${body}`;
      const { model } = parseDocument(text);
      assert.equal(model.profile, 'generic');
      assert.deepEqual(model.items.map((i) => `${i.number}: ${i.title}`), ['1: Budget 2024', '2: Skolestruktur']);
      assert.equal(model.kind, 'referat');
      assert.deepEqual(model.items[0].sections.map((s) => s.role), ['presentation', 'recommendation', 'decision']);
    });
  }

  it('lets numbering start above 1 (items numbered through the year)', () => {
    const text = `Dagsorden\n\n715. Budget\n\n${body}\n716. Skoler\n\n${body}`;
    assert.deepEqual(items(text), ['715: Budget', '716: Skoler']);
  });

  it('does not take contents lines with page numbers for items', () => {
    const text = `Referat\n\nIndholdsfortegnelse\n\n1. Budget\t2\n2. Skoler\t4\n\n1. Budget\n\n${body}\n2. Skoler\n\n${body}`;
    const { model } = parseDocument(text);
    assert.deepEqual(model.items.map((i) => i.range.start.line), [7, 21]);
    assert.deepEqual(model.toc?.entries.map((e) => [e.number, e.title, e.page]), [[1, 'Budget', 2], [2, 'Skoler', 4]]);
  });

  it('does not take a numbered list inside an item for items', () => {
    const text = `Referat\n\n1. Budget\n\nIndstilling\n\nForvaltningen indstiller, at\n\n1. Budgettet godkendes\n2. Rammen fastholdes\n3. Sagen sendes videre\n\nBeslutning\n\nGodkendt\n\n2. Skoler\n\n${body}`;
    assert.deepEqual(items(text), ['1: Budget', '2: Skoler']);
  });

  it('prefers Punkt headings over numbered lines when both occur', () => {
    const text = `Referat\n\nPunkt 1: Budget\n\n${body}\n1. Ikke et punkt\n\nPunkt 2: Skoler\n\n${body}`;
    assert.deepEqual(items(text), ['1: Budget', '2: Skoler']);
  });

  it('gives a shopping list and a README no items and no kind', () => {
    for (const text of ['1. Mælk\n2. Brød\n3. Ost\n', '# Project\n\n## 1. Install\n\nRun npm ci.\n\n## 2. Use\n\nRun it.\n']) {
      const { model } = analyze(text);
      assert.equal(model.kind, null);
      assert.deepEqual(model.items, []);
    }
  });
});

describe('awkward text', () => {
  const doc = 'REFERAT Økonomiudvalget d. 01-02-2022\n\nPunkt 1: Budget\n\nIndstilling\n\nGodkendes.\n\nBeslutning\n\nGodkendt\n';

  it('reads CRLF, CR and mixed line ends with the same result', () => {
    const lf = parseDocument(doc).model;
    for (const eol of ['\r\n', '\r']) {
      const other = parseDocument(doc.replace(/\n/g, eol)).model;
      assert.deepEqual(other.items.map((i) => [i.title, i.range]), lf.items.map((i) => [i.title, i.range]));
    }
    const mixed = doc.split('\n').map((l, k) => l + (k % 2 ? '\r\n' : '\n')).join('');
    assert.equal(parseDocument(mixed).model.items[0].decision?.text, 'Godkendt');
  });

  it('reads a BOM, NBSP and thin spaces, and keeps columns exact', () => {
    const text = '\uFEFF' + doc.replace('Punkt 1: Budget', 'Punkt\u00A01:\u2009Budget');
    const { model } = parseDocument(text);
    assert.equal(model.header?.committee?.text, 'Økonomiudvalget');
    assert.equal(model.items[0].title, 'Budget');
    assert.deepEqual(model.items[0].titleRange, { start: { line: 2, character: 9 }, end: { line: 2, character: 15 } });
  });

  it('treats a form feed at a page break as space', () => {
    const { model } = parseDocument(doc.replace('Punkt 1', '\fPunkt 1'));
    assert.equal(model.items[0].title, 'Budget');
  });

  it('splits tab-separated tables into cells with exact ranges', () => {
    const { model } = parseDocument(doc.replace('Godkendes.', 'Godkendes.\n\nPost\t2021\nA\t1.303\nI alt\t1.303'));
    const table = model.items[0].tables[0];
    assert.deepEqual(table.rows[1].cells.map((c) => c.value ?? c.text), ['A', 1303]);
    assert.deepEqual(table.rows[1].cells[1].range, { start: { line: 9, character: 2 }, end: { line: 9, character: 7 } });
  });

  it('survives empty input, binary junk, a header alone and text without Punkt', () => {
    assert.equal(analyze('').model.kind, null);
    const junk = Array.from({ length: 5000 }, (_, k) => String.fromCharCode((k * 7919) % 65536)).join('');
    assert.doesNotThrow(() => analyze(junk));
    const headerOnly = analyze('REFERAT Erhvervsudvalget d. 03-11-2021\n\nMødedato Onsdag d. 03. november 2021\n');
    assert.equal(headerOnly.model.kind, 'referat');
    assert.deepEqual(headerOnly.model.items, []);
    assert.equal(analyze('Dette er bare et brev.\n\nMed venlig hilsen').model.kind, null);
  });

  it('parses a 5 MB document without trouble', () => {
    const big = doc + 'Tekst '.repeat(900_000);
    const { model } = parseDocument(big);
    assert.equal(model.items.length, 1);
  });
});
