/** Punkt titles across the workspace's minutes, filtered by the query (all its words, any order). */
import { SymbolKind, type WorkspaceSymbol } from 'vscode-languageserver';
import type { IndexedMeeting } from '../core/crossdoc';

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
