/** Outline: document › Punkt N: Title (detail: decision outcome or case number) › sections. */
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import type { Language } from '../core/config';
import type { Item, MinutesDocument, Range } from '../core/model';
import { decisionLabel, KIND_LABELS, outlineText } from '../core/outline';
import type { DocumentStore } from './store';

export function itemName(item: Item): string {
  return `Punkt ${item.number}: ${item.title}`;
}

/** What an item's line in the outline says after its name. */
export function itemDetail(model: MinutesDocument, item: Item, language: Language): string {
  if (model.kind === 'referat') return decisionLabel(model.kind, item, language);
  return item.caseNumber?.text ?? '';
}

export function documentSymbols(model: MinutesDocument, language: Language, whole: Range): DocumentSymbol[] {
  if (!model.kind) return [];
  const items = model.items.map((item) => {
    const sections = item.sections.map((s) =>
      DocumentSymbol.create(s.heading, s.role, SymbolKind.Field, s.range, s.headingRange),
    );
    const tables = item.tables.map((t, k) =>
      DocumentSymbol.create(outlineText(language)('table', { number: k + 1 }), `${t.rows.length}`, SymbolKind.Array, t.range, t.range),
    );
    return DocumentSymbol.create(
      itemName(item),
      itemDetail(model, item, language),
      SymbolKind.Namespace,
      item.range,
      item.headingRange,
      [...sections, ...tables].sort((a, b) => a.range.start.line - b.range.start.line),
    );
  });
  const header = model.header;
  const name = [KIND_LABELS[model.kind][language], header?.committee?.text, header?.date?.iso].filter(Boolean).join(' · ');
  const selection = header?.title?.range ?? header?.range ?? model.items[0]?.headingRange ?? whole;
  const root = DocumentSymbol.create(name, model.profile, SymbolKind.File, whole, within(selection, whole), items);
  if (model.toc) {
    const tocSymbol = DocumentSymbol.create(
      model.toc.heading?.text ?? outlineText(language)('contents'),
      `${model.toc.entries.length}`,
      SymbolKind.Object,
      model.toc.range,
      model.toc.heading?.range ?? model.toc.range,
    );
    root.children!.unshift(tocSymbol);
  }
  return [root];
}

function within(inner: Range, outer: Range): Range {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character < b.character);
  return before(inner.start, outer.start) || before(outer.end, inner.end) ? outer : inner;
}

/** The outline (textDocument/documentSymbol): the document spans all its lines. */
export function registerSymbols(store: DocumentStore): void {
  store.connection.onDocumentSymbol(store.safeAsync('documentSymbol', [], async (p) => {
    const doc = store.documents.get(p.textDocument.uri);
    const s = await store.served(doc);
    if (!doc || !s) return [];
    const last = doc.lineCount - 1;
    const whole = { start: { line: 0, character: 0 }, end: { line: last, character: doc.offsetAt({ line: last + 1, character: 0 }) - doc.offsetAt({ line: last, character: 0 }) } };
    return documentSymbols(s.analysis.model, s.language, whole);
  }));
}
