/**
 * Editing help over LSP: completion, the edits behind the editing commands, the
 * overview and a new document from a template.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver-protocol';
import { parseDocument } from '../../server/src/core/parse/index';
import { ROOT, TestClient } from './client';

const seed = (name: string) => readFileSync(path.join(ROOT, 'test', 'fixtures', name), 'utf8');
const labels = (r: CompletionItem[] | CompletionList | null) => (Array.isArray(r) ? r : r?.items ?? []).map((c) => c.label);

describe('editing help over LSP', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize();
  });
  after(async () => client.stop());

  const draft = [
    'REFERAT Økonomiudvalget d. 01-02-2022', '', 'Mødedato Tirsdag d. 01. februar 2022', '',
    'Punkt 1: Budget', '', '21/100', '', 'Resumé', '', 'Tekst.', '', 'Sagsfremstilling', '', 'Tekst.', '',
    'Indstilling', '', 'Direktionen foreslår, at budgettet godkendes.', '', 'Vedtagelse i Økonomiudvalget den 01-02-2022', '', '',
    'Punkt 2: Skoler', '', '21/101', '', 'Resumé', '', 'Tekst.', '', '',
  ].join('\n');

  it('completes the next Punkt number', async () => {
    const uri = 'file:///mem/complete.referat';
    await client.open(uri, 'referat', draft + 'Punkt ');
    const lines = (draft + 'Punkt ').split('\n');
    const r = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: lines.length - 1, character: 6 } });
    assert.deepEqual(labels(r), ['3: ']);
  });

  it('completes the section headings the item still lacks, in template order', async () => {
    const uri = 'file:///mem/sections.referat';
    await client.open(uri, 'referat', draft);
    const line = draft.split('\n').length - 1; // the empty last line, inside Punkt 2
    const r = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line, character: 0 } });
    assert.equal(parseDocument(draft).model.profile, 'rudersdal');
    // Rudersdal's order after Resumé (already there); a dated "Vedtagelse i …" heading is not
    // copied, so the decision is offered under the profile's plain heading.
    assert.deepEqual(labels(r), ['Sagsfremstilling', 'Økonomi', 'Indstilling', 'Beslutning', 'Bilag']);
  });

  it('completes decision phrases in a decision', async () => {
    const uri = 'file:///mem/decision.referat';
    await client.open(uri, 'referat', draft);
    const line = draft.split('\n').indexOf('Vedtagelse i Økonomiudvalget den 01-02-2022') + 2;
    const r = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line, character: 0 } });
    assert.ok(labels(r).includes('Godkendt'));
    assert.ok(labels(r).includes('Taget til efterretning'));
  });

  const apply = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create('x', 'referat', 1, text), edits);

  it('inserts a new item with the template sections after the last one', async () => {
    const uri = 'file:///mem/newitem.referat';
    await client.open(uri, 'referat', draft);
    const edits = await client.request<TextEdit[]>('referat/editsForCommand', { uri, command: 'newItem', title: 'Trafik' });
    const after = parseDocument(apply(draft, edits)).model;
    assert.deepEqual(after.items.map((i) => `${i.number}: ${i.title}`), ['1: Budget', '2: Skoler', '3: Trafik']);
    assert.deepEqual(after.items[2].sections.map((s) => s.role), ['summary', 'presentation', 'recommendation', 'decision']);
  });

  it('renumbers items from the first number', async () => {
    const uri = 'file:///mem/renumber.referat';
    const text = draft.replace('Punkt 2: Skoler', 'Punkt 5: Skoler');
    await client.open(uri, 'referat', text);
    const edits = await client.request<TextEdit[]>('referat/editsForCommand', { uri, command: 'renumber' });
    assert.deepEqual(parseDocument(apply(text, edits)).model.items.map((i) => i.number), [1, 2]);
  });

  it('turns an agenda into minutes: kind word and an empty decision under each item', async () => {
    const uri = 'file:///mem/agenda.referat';
    const agenda = 'DAGSORDEN Økonomiudvalget d. 01-02-2022\n\nPunkt 1: Meddelelser\n\nResumé\n\nTekst.\n\nPunkt 2: Budget\n\nResumé\n\nTekst.\n\nSagsfremstilling\n\nTekst.\n\nIndstilling\n\nGodkendes.\n';
    await client.open(uri, 'referat', agenda);
    const edits = await client.request<TextEdit[]>('referat/editsForCommand', { uri, command: 'agendaToMinutes' });
    const after = apply(agenda, edits);
    assert.match(after, /^REFERAT Økonomiudvalget/);
    const model = parseDocument(after).model;
    assert.equal(model.items[0].decision, null, 'Meddelelser needs no decision');
    assert.equal(model.items[1].sections.at(-1)?.role, 'decision');
  });

  it('gives the overview of a seed: outcomes, missing sections and problem counts', async () => {
    const uri = 'file:///mem/overview.referat';
    await client.open(uri, 'referat', seed('001_1bb751e75b116f8a.txt'));
    const r = await client.request<{ overview: { items: { number: number; status: string; missing: string[] }[] }; text: string }>('referat/overview', { uri, format: 'md' });
    assert.equal(r.overview.items.length, 10);
    assert.equal(r.overview.items[2].status, 'Ikke godkendt');
    assert.deepEqual(r.overview.items.flatMap((i) => i.missing), []);
    assert.match(r.text, /\| 3 \| Erhvervs- og Vækstpolitik 2021-2025 \| Ikke godkendt \|/);
    const csv = await client.request<{ text: string }>('referat/overview', { uri, format: 'csv' });
    assert.equal(csv.text.trim().split('\n').length, 11);
    // For Danish Excel: a byte order mark, ';' between cells, CRLF line endings.
    assert.ok(csv.text.startsWith('\uFEFFpunkt;titel;beslutning;udfald;mangler;fejl;advarsler\r\n'));
    assert.match(csv.text, /\r\n3;Erhvervs- og Vækstpolitik 2021-2025;Ikke godkendt;/);
    assert.ok(!/[^\r]\n/.test(csv.text), 'every line ends in CRLF');
  });

  it('lists the template profiles by their names for New document', async () => {
    const profiles = await client.request<{ id: string; name: string }[]>('referat/profiles', {});
    assert.deepEqual(profiles.find((p) => p.id === 'hoeje-taastrup'), { id: 'hoeje-taastrup', name: 'Høje-Taastrup Kommune' });
    assert.ok(profiles.some((p) => p.id === 'generic'));
  });

  it('writes a new document from a template that parses back as that template', async () => {
    for (const profile of ['rudersdal', 'ballerup', 'hoeje-taastrup', 'generic']) {
      for (const kind of ['referat', 'dagsorden'] as const) {
        const text = await client.request<string>('referat/newDocument', { profile, kind, committee: 'Økonomiudvalget', date: '2026-11-23' });
        const model = parseDocument(text, { profile }).model;
        assert.ok(model.items.length >= 1, `${profile} ${kind}: items`);
        assert.equal(model.header?.date?.iso, '2026-11-23', `${profile} ${kind}: date`);
        assert.equal(model.header?.date?.weekday?.text.toLowerCase(), 'mandag', `${profile} ${kind}: weekday`);
        if (kind === 'referat') assert.equal(model.kind, 'referat');
      }
    }
  });
});

describe('hover over LSP', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize();
  });
  after(async () => client.stop());

  it('explains a total cell: the computed sum and its addends', async () => {
    const uri = 'file:///mem/hover.referat';
    await client.open(uri, 'referat', seed('000_1bde0758b15ed079.txt'));
    // Line 197 (1-based) is "I alt<TAB>1.303<TAB>635<TAB>668"; the cell 1.303 starts at column 6.
    const h = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 196, character: 7 } });
    assert.ok(h, 'a hover on the total');
    assert.match(h.contents.value, /1\.303/);
    assert.match(h.contents.value, /471/);
  });

  it('shows an item heading’s decision', async () => {
    const uri = 'file:///mem/hover2.referat';
    await client.open(uri, 'referat', seed('001_1bb751e75b116f8a.txt'));
    const h = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 179, character: 3 } });
    assert.match(h!.contents.value, /Ikke godkendt/);
  });
});

describe('semantic tokens for minutes in plain text', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    await client.initialize();
  });
  after(async () => client.stop());

  /** Decodes the relative encoding into [line, start, length, type] tuples. */
  const decode = (data: number[]) => {
    const out: [number, number, number, number][] = [];
    let line = 0;
    let start = 0;
    for (let k = 0; k < data.length; k += 5) {
      line += data[k];
      start = data[k] === 0 ? start + data[k + 1] : data[k + 1];
      out.push([line, start, data[k + 2], data[k + 3]]);
    }
    return out;
  };

  it('colours Punkt numbers, titles, section headings, case numbers and table numbers in a .txt seed', async () => {
    const uri = 'file:///mem/tokens.txt';
    const text = seed('000_1bde0758b15ed079.txt');
    await client.open(uri, 'plaintext', text);
    const { data } = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
    const tokens = decode(data);
    const lines = text.split('\n');
    const at = (line: number, type: number) => tokens.filter((t) => t[0] === line && t[3] === type).map((t) => lines[line].slice(t[1], t[1] + t[2]));
    const punkt2 = lines.indexOf('Punkt 2: Budgetopfølgning pr. 30. september 2021 - Erhvervsudvalget');
    assert.deepEqual(at(punkt2, 0), ['2']); // keyword: the number
    assert.deepEqual(at(punkt2, 1), ['Budgetopfølgning pr. 30. september 2021 - Erhvervsudvalget']); // class: the title
    assert.deepEqual(at(lines.indexOf('21/14768'), 3), ['21/14768']); // string: the case number
    assert.deepEqual(at(lines.indexOf('Sagsfremstilling'), 2), ['Sagsfremstilling']); // property: a section heading
    assert.deepEqual(at(lines.indexOf('I alt\t1.303\t635\t668'), 4), ['1.303', '635', '668']); // number: table cells
  });

  it('leaves Referat and non-minutes documents to their own highlighting', async () => {
    await client.open('file:///mem/tokens.referat', 'referat', seed('000_1bde0758b15ed079.txt'));
    const r = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri: 'file:///mem/tokens.referat' } });
    assert.deepEqual(r.data, []);
    await client.open('file:///mem/list.txt', 'plaintext', '1. Mælk\n2. Brød\n');
    const n = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri: 'file:///mem/list.txt' } });
    assert.deepEqual(n.data, []);
  });
});
