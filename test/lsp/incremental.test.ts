/**
 * Incremental document sync as a property (issue "Robustness and speed"): random edit
 * sequences sent as textDocument/didChange with ranges (several changes per notification
 * too) must leave the server with the same document symbols, folding ranges and
 * diagnostics as a fresh open of the same text, after every edit.
 *
 * The test keeps its own copy of the text and computes positions with its own line split,
 * not with the server's library, so a disagreement about where an edit lands shows up as
 * a difference. Seeded: REFERAT_FC_SEED overrides the fixed seed; a failure prints it.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Diagnostic, DocumentSymbol, FoldingRange, Position, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { checkProperty, checkSymbols, FC_SEED, oracleLines, SEED_TEXTS } from '../unit/property-support';
import { TestClient } from './client';

/** What is typed or pasted: keystrokes, line breaks of every kind, headings, table rows, exotic characters. */
const INSERTS = [
  'x', ' ', 'æ', 'ø', 'å', 'a\u030A', '😀', '\u00A0', '\u200B', '\uFEFF', '\t', '\f',
  '\n', '\r\n', '\r', '\n\n',
  'Punkt 7: Ny sag\n', '\nPunkt 2: Budget\n\nIndstilling\n\nGodkendes.\n', 'Beslutning\n\nGodkendt\n', 'Beslutning\r\n\r\nIkke godkendt\r\n',
  'Indstilling\n', 'Sagsfremstilling\n', 'Bilag\n\n1 bilag\n', '2 bilag, heraf 1 anbefales\n', 'ANBEFALES Notat\n',
  'Indholdsfortegnelse\n', 'Meddelelser.....\t3\n', '## **3. A - Titel**\n', '3. Titel\n',
  'I alt\t1.303\t635\n', 'Post\t-29.599\t10,9\n', '03-11-2021', 'Onsdag d. 03. november 2021', '2021-2025',
  'referat-disable RF003\n', '<!-- referat-disable-next-line -->\n',
];

interface EditSpec {
  /** Where, as fractions of the text length (so they fit whatever the text is by then). */
  at: number;
  /** How much to delete after it: characters, or whole lines when lines is set. */
  length: number;
  lines: boolean;
  /** What to insert: one of INSERTS, or (paste) a slice of the text itself. */
  insert: number;
  paste: number | null;
}

const editSpec: fc.Arbitrary<EditSpec> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 9, max: 400 })),
  lines: fc.boolean(),
  insert: fc.nat(INSERTS.length - 1),
  paste: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { freq: 4 }),
});

/** One notification: one to three changes, applied one after another. */
const step = fc.array(editSpec, { minLength: 1, maxLength: 3 });

/** An offset where an LSP position can point: never between the CR and LF of one line break. */
function settle(text: string, offset: number): number {
  return offset > 0 && text[offset - 1] === '\r' && text[offset] === '\n' ? offset - 1 : offset;
}

function positionAt(text: string, offset: number): Position {
  const before = oracleLines(text.slice(0, offset));
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** The change an edit spec makes to text: the LSP range, the new text, and the text after it. */
function makeChange(text: string, e: EditSpec): { range: { start: Position; end: Position }; text: string; after: string } {
  let start = settle(text, Math.floor(e.at * text.length));
  let end = Math.min(text.length, start + e.length);
  if (e.lines && e.length > 0) {
    // Whole lines: from the start of the line to after the e.length/8-th line break.
    while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
    let breaks = Math.max(1, Math.round(e.length / 8));
    end = start;
    while (end < text.length && breaks > 0) {
      if (text[end] === '\n' || (text[end] === '\r' && text[end + 1] !== '\n')) breaks--;
      end++;
    }
  }
  end = settle(text, end);
  let insert = INSERTS[e.insert];
  if (e.paste !== null && text.length > 0) {
    const from = settle(text, Math.floor(e.paste * text.length));
    insert = text.slice(from, settle(text, Math.min(text.length, from + 300)));
  }
  return { range: { start: positionAt(text, start), end: positionAt(text, end) }, text: insert, after: text.slice(0, start) + insert + text.slice(end) };
}

/** Diagnostics without what names the document or its version. */
function comparable(diagnostics: Diagnostic[], uri: string): unknown {
  return diagnostics.map((d) => ({
    ...d,
    data: d.data && typeof d.data === 'object' ? { ...(d.data as object), version: undefined } : d.data,
    relatedInformation: d.relatedInformation?.map((r) => ({ ...r, location: { ...r.location, uri: r.location.uri === uri ? '<self>' : r.location.uri } })),
  }));
}

describe(`incremental sync equals a fresh open (fast-check seed ${FC_SEED})`, function () {
  this.timeout(120000);
  let client: TestClient;
  let n = 0;
  const stats = { steps: 0, symbols: 0 };

  before(async () => {
    client = new TestClient();
    await client.initialize();
  });
  after(async () => client.stop());

  /**
   * The diagnostics published for this version of uri. The server may publish a version
   * more than once (it validates open documents again when its workspace scan ends), so
   * anything for another version is passed over.
   */
  async function diagnosticsOf(uri: string, version: number, send: () => Promise<void>): Promise<PublishDiagnosticsParams> {
    let next = client.nextDiagnostics(uri);
    await send();
    for (;;) {
      const p = await next;
      if (p.version === version) return p;
      next = client.nextDiagnostics(uri);
    }
  }

  async function open(uri: string, text: string, version = 1): Promise<Diagnostic[]> {
    return (await diagnosticsOf(uri, version, () => client.open(uri, 'referat', text, version))).diagnostics;
  }

  async function outline(uri: string): Promise<{ symbols: DocumentSymbol[]; folding: FoldingRange[] }> {
    const [symbols, folding] = await Promise.all([
      client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }),
      client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } }),
    ]);
    return { symbols, folding };
  }

  it('after every edit of a random sequence', async () => {
    // The first text by name (a seed's number, CRLF or not), so a counterexample stays short.
    const SMALL = 'Punkt 1: Budget\n\nBeslutning\n\nGodkendt\n';
    const start = fc.oneof(
      { arbitrary: fc.record({ seed: fc.nat(SEED_TEXTS.length - 1), crlf: fc.boolean() }), weight: 6 },
      { arbitrary: fc.constantFrom('empty', 'small'), weight: 2 },
    );
    const initialText = (s: { seed: number; crlf: boolean } | string) =>
      s === 'empty' ? '' : s === 'small' ? SMALL : typeof s === 'object' ? (s.crlf ? SEED_TEXTS[s.seed].replace(/\n/g, '\r\n') : SEED_TEXTS[s.seed]) : '';
    await checkProperty(
      'incremental sync',
      fc.asyncProperty(start, fc.array(step, { minLength: 1, maxLength: 12 }), async (first, steps) => {
        const uri = `file:///incremental/doc-${++n}.referat`;
        let text = initialText(first);
        let version = 1;
        await open(uri, text, version);
        try {
          for (const changes of steps) {
            const contentChanges = changes.map((e) => {
              const c = makeChange(text, e);
              text = c.after;
              return { range: c.range, text: c.text };
            });
            const sent = ++version;
            const edited = await diagnosticsOf(uri, sent, () => client.notify('textDocument/didChange', { textDocument: { uri, version: sent }, contentChanges }));
            const editedOutline = await outline(uri);

            const fresh = `file:///incremental/fresh-${++n}.referat`;
            const freshDiagnostics = await open(fresh, text);
            const freshOutline = await outline(fresh);
            await client.notify('textDocument/didClose', { textDocument: { uri: fresh } });

            assert.deepEqual(editedOutline.symbols, freshOutline.symbols, 'document symbols');
            assert.deepEqual(editedOutline.folding, freshOutline.folding, 'folding ranges');
            assert.deepEqual(comparable(edited.diagnostics, uri), comparable(freshDiagnostics, fresh), 'diagnostics');
            checkSymbols(editedOutline.symbols, oracleLines(text));
            stats.steps++;
            stats.symbols += editedOutline.symbols.length;
          }
        } finally {
          await client.notify('textDocument/didClose', { textDocument: { uri } });
        }
      }),
      50,
    );
    assert.ok(!client.exited, 'the server is still running');
    console.log(`      ${stats.steps} edits compared, ${stats.symbols} of them with an outline`);
  });
});
