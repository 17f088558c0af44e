/** From a table-of-contents entry to its Punkt: go-to-definition and document links. */
import { DocumentLink, Location, type Position } from 'vscode-languageserver';
import { resolveEarlierTreatment, type IndexedMeeting } from '../core/crossdoc';
import type { Item, MinutesDocument, TocEntry } from '../core/model';
import type { DocumentStore } from './store';

/** The item a contents entry names: the parser's pairing (TocEntry.item), the one RF011 checks. */
export function itemForEntry(model: MinutesDocument, entry: TocEntry): Item | undefined {
  return entry.item === null ? undefined : model.items[entry.item];
}

export function definition(model: MinutesDocument, uri: string, position: Position): Location[] {
  const entries = model.toc?.entries ?? [];
  const k = entries.findIndex((e) => e.range.start.line === position.line);
  if (k < 0) return [];
  const item = itemForEntry(model, entries[k]);
  return item ? [Location.create(uri, item.headingRange)] : [];
}

/** "Tidligere behandling: Økonomiudvalget den 9. februar 2021 Punkt 3" → that meeting's item, when known. */
export function earlierTreatmentLinks(model: MinutesDocument, meetings: readonly IndexedMeeting[]): DocumentLink[] {
  const out: DocumentLink[] = [];
  for (const item of model.items) {
    for (const entry of item.earlierTreatments) {
      const target = resolveEarlierTreatment(entry, meetings);
      if (target) out.push(DocumentLink.create(entry.range, `${target.uri}#L${target.titleRange.start.line + 1}`, entry.text));
    }
  }
  return out;
}

export function documentLinks(model: MinutesDocument, uri: string): DocumentLink[] {
  const out: DocumentLink[] = [];
  (model.toc?.entries ?? []).forEach((entry) => {
    const item = itemForEntry(model, entry);
    if (!item) return;
    const line = item.headingRange.start.line + 1;
    out.push(DocumentLink.create(entry.titleRange, `${uri}#L${line}`, `Punkt ${item.number}: ${item.title}`));
  });
  return out;
}

/** Go to definition, and the links of a document (its contents and earlier treatments in the workspace). */
export function registerLinks(store: DocumentStore): void {
  const { connection } = store;
  connection.onDefinition(store.safeAsync('definition', [], async (p) => {
    const s = await store.servedAt(p.textDocument.uri);
    return s ? definition(s.analysis.model, p.textDocument.uri, p.position) : [];
  }));
  connection.onDocumentLinks(store.safeAsync('documentLinks', [], async (p) => {
    const s = await store.servedAt(p.textDocument.uri);
    return s ? [...documentLinks(s.analysis.model, p.textDocument.uri), ...earlierTreatmentLinks(s.analysis.model, store.index.all())] : [];
  }));
}
