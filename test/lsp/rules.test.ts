/**
 * Each rule family over LSP, as an editor sees it: the diagnostic with its code and
 * range, and its quick fix as a code action whose edit repairs the text.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { ROOT, TestClient } from './client';

const seed = (name: string) => readFileSync(path.join(ROOT, 'test', 'fixtures', name), 'utf8');

const BALLERUP = [
  'REFERAT Økonomiudvalget d. 01-02-2022', '', 'Mødedato Onsdag d. 01. februar 2022 kl. 13:00', '',
  'Punkt 1: Budget', '', '00.01.00-P22-1-21', '', 'Indhold', '', 'Sammendrag', '', 'Borgeren 010203-1234 har klaget.', '',
  'Sagsfremstilling', '', 'Tekst.', '', 'Tabel', '', 'Post\t2022', 'A\t1.000', 'B\t250', 'I alt\t1.200', '',
  'Bilag', '', '2 bilag, heraf 2 anbefales', '', 'Beslutningen træffes af', '', 'Økonomiudvalget', '',
  'Beslutning', '', 'Godkendt', '', 'Bilag', '', 'ANBEALES Budgetnotat', '', 'ANBEFALES Oversigt', '',
].join('\n');

describe('rule families over LSP', () => {
  let client: TestClient;
  let diagnostics: Diagnostic[];
  const uri = 'file:///mem/families.referat';

  before(async () => {
    client = new TestClient();
    await client.initialize();
    const next = client.nextDiagnostics(uri);
    await client.open(uri, 'referat', BALLERUP);
    diagnostics = (await next).diagnostics;
  });
  after(async () => client.stop());

  const apply = async (d: Diagnostic) => {
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] },
    });
    const action = actions.find((a) => a.diagnostics?.some((x) => x.code === d.code));
    assert.ok(action?.edit?.changes, `a quick fix for ${d.code}: ${JSON.stringify(actions.map((a) => a.title))}`);
    return TextDocument.applyEdits(TextDocument.create(uri, 'referat', 1, BALLERUP), action.edit.changes[uri]);
  };
  const find = (code: string) => {
    const d = diagnostics.find((x) => x.code === code);
    assert.ok(d, `${code} among ${diagnostics.map((x) => x.code).join(', ')}`);
    return d;
  };
  const text = (d: Diagnostic) => TextDocument.create(uri, 'referat', 1, BALLERUP).getText(d.range);

  it('structure: a missing Indstilling (RF002) is inserted before the decision', async () => {
    const d = find('RF002');
    const fixed = (await apply(d)).split('\n');
    assert.ok(fixed.indexOf('Indstilling') > fixed.indexOf('Beslutningen træffes af') && fixed.indexOf('Indstilling') < fixed.indexOf('Beslutning'));
  });

  it('dates: a wrong weekday (RF020) is corrected', async () => {
    const d = find('RF020');
    assert.equal(text(d), 'Onsdag');
    assert.match(await apply(d), /Mødedato Tirsdag d\. 01\. februar 2022/);
  });

  it('attachments: a misspelt mark (RF030) is corrected', async () => {
    const d = find('RF030');
    assert.equal(text(d), 'ANBEALES');
    assert.match(await apply(d), /\nANBEFALES Budgetnotat\n/);
  });

  it('tables: a total that does not add up (RF101) is reported on the total cell and can be replaced', async () => {
    const d = find('RF101');
    assert.equal(text(d), '1.200');
    assert.equal(d.severity, 1);
    assert.match(await apply(d), /I alt\t1\.250/);
  });

  it('publication: a CPR number (RF200) is an error and can be removed', async () => {
    const d = find('RF200');
    assert.equal(text(d), '010203-1234');
    assert.equal(d.severity, 1);
    assert.doesNotMatch(String(d.message), /\d/);
    assert.match(await apply(d), /\nBorgeren har klaget\.\n/);
  });

  it('publication: no digit of a CPR number in diagnostics, hover, overview export or the server log', async () => {
    const secretUri = 'file:///mem/secret.referat';
    const secret = BALLERUP.replace('Punkt 1: Budget', 'Punkt 1: Klage fra 010203-1234').replace('Godkendt', 'Godkendt for 0102031234');
    const next = client.nextDiagnostics(secretUri);
    await client.open(secretUri, 'referat', secret);
    const ds = (await next).diagnostics;
    assert.ok(ds.some((x) => x.code === 'RF200'));
    const hover = await client.request('textDocument/hover', { textDocument: { uri: secretUri }, position: { line: 4, character: 3 } });
    assert.ok(hover, 'the item heading has a hover');
    const md = await client.request('referat/overview', { uri: secretUri, format: 'md' });
    const csv = await client.request('referat/overview', { uri: secretUri, format: 'csv' });
    const outputs = JSON.stringify([ds, hover, md, csv, client.notifications]);
    assert.doesNotMatch(outputs, /010203|1234/);
    assert.match(JSON.stringify(hover), /\[CPR-nummer\]/);
  });

  it('the seeds give exactly their known findings over LSP too', async () => {
    const want: Record<string, string[]> = {
      '000_1bde0758b15ed079.txt': ['RF103'],
      '001_1bb751e75b116f8a.txt': ['RF023', 'RF030'],
      '002_cee8b5e6ba1df47f.txt': [],
      '003_563f54a0d9eba8f6.txt': [],
      '004_6e795d272eb0bc4b.txt': [],
    };
    for (const [name, codes] of Object.entries(want)) {
      const seedUri = `file:///mem/seed-${name}`;
      const next = client.nextDiagnostics(seedUri);
      await client.open(seedUri, 'plaintext', seed(name));
      const got = (await next).diagnostics.filter((x) => x.severity! <= 2).map((x) => String(x.code)).sort();
      assert.deepEqual(got, codes, name);
    }
  });
});
