/** Folding: the header, the contents, each item, each section and each table. */
import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver';
import type { MinutesDocument, Range } from '../core/model';
import type { DocumentStore } from './store';

export function foldingRanges(model: MinutesDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  const add = (r: Range, kind?: FoldingRangeKind) => {
    if (r.end.line > r.start.line) out.push(FoldingRange.create(r.start.line, r.end.line, undefined, undefined, kind));
  };
  if (model.header) add(model.header.range);
  if (model.toc) add(model.toc.range);
  for (const item of model.items) {
    add(item.range);
    for (const s of item.sections) add(s.range);
    for (const t of item.tables) add(t.range);
  }
  return out;
}

export function registerFolding(store: DocumentStore): void {
  store.connection.onFoldingRanges(store.safeAsync('foldingRanges', [], async (p) => {
    const s = await store.servedAt(p.textDocument.uri);
    return s ? foldingRanges(s.analysis.model) : [];
  }));
}
