/**
 * One analysis per table, cached on the table object (the model is not changed after
 * parsing), so the five table rules and a hover share it.
 */
import type { MinutesDocument, Table } from '../model';
import type { TableVocabulary } from '../profiles/profile';
import { analyzeTable, type TableAnalysis } from './check';

const cache = new WeakMap<Table, { vocab: TableVocabulary; analysis: TableAnalysis }>();

/** Every table of the document: in the items, then outside them. */
export function allTables(model: MinutesDocument): Table[] {
  const out: Table[] = [];
  for (const item of model.items) out.push(...item.tables);
  out.push(...model.tables);
  return out;
}

export function tableAnalysis(table: Table, vocab: TableVocabulary): TableAnalysis {
  const hit = cache.get(table);
  if (hit && hit.vocab === vocab) return hit.analysis;
  const analysis = analyzeTable(table, vocab);
  cache.set(table, { vocab, analysis });
  return analysis;
}

export function analyzeTables(model: MinutesDocument, vocab: TableVocabulary): TableAnalysis[] {
  return allTables(model).map((t) => tableAnalysis(t, vocab));
}
