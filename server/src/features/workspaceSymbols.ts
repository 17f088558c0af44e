/** Punkt titles across the workspace's minutes, filtered by the query (all its words, any order). */
import { SymbolKind, type WorkspaceSymbol } from 'vscode-languageserver';
import type { IndexedMeeting } from '../core/crossdoc';
import type { DocumentStore } from './store';

const MAX_RESULTS = 500;

export function workspaceSymbols(docs: IndexedMeeting[], query: string): WorkspaceSymbol[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const out: WorkspaceSymbol[] = [];
  for (const doc of docs) {
    for (const item of doc.items) {
      const name = `Punkt ${item.number}: ${item.title}`;
      const lower = name.toLowerCase();
      if (!words.every((w) => lower.includes(w))) continue;
      out.push({ name, kind: SymbolKind.Namespace, location: { uri: doc.uri, range: item.titleRange }, containerName: doc.uri.split('/').pop() });
      if (out.length >= MAX_RESULTS) return out;
    }
  }
  return out;
}

/** Workspace symbols: the index, with the open documents as they are in the editor. */
export function registerWorkspaceSymbols(store: DocumentStore): void {
  store.connection.onWorkspaceSymbol(store.safeAsync('workspaceSymbol', [], async (p) => {
    for (const doc of store.documents.all()) {
      const s = await store.served(doc);
      if (s) store.index.update(doc.uri, s.analysis.model);
    }
    return workspaceSymbols(store.index.all(), p.query);
  }));
}
