/**
 * Semantic colours for minutes that arrive as plain text (.txt): until the clerk
 * chooses "Open as Referat" (and gets the TextMate grammar), the server colours what
 * it understands: Punkt numbers and titles, section headings, case numbers, dates and
 * the numbers in tables. Referat and Markdown documents keep their own highlighting.
 */
import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend } from 'vscode-languageserver';
import type { MinutesDocument, Range } from '../core/model';
import type { DocumentStore } from './store';

export const TOKEN_TYPES = ['keyword', 'class', 'property', 'string', 'number'] as const;
export const TOKEN_MODIFIERS = ['declaration'] as const;
export const LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

type TokenType = (typeof TOKEN_TYPES)[number];

interface Token {
  line: number;
  start: number;
  length: number;
  type: number;
  modifiers: number;
}

export function semanticTokens(model: MinutesDocument): SemanticTokens {
  const tokens: Token[] = [];
  const add = (r: Range | undefined, type: TokenType, declaration = false) => {
    // A semantic token lies on one line; a wrapped title is coloured line by line elsewhere.
    if (!r || r.start.line !== r.end.line || r.end.character <= r.start.character) return;
    tokens.push({ line: r.start.line, start: r.start.character, length: r.end.character - r.start.character, type: TOKEN_TYPES.indexOf(type), modifiers: declaration ? 1 : 0 });
  };
  for (const item of model.items) {
    add(item.numberRange, 'keyword');
    add(item.titleRange, 'class', true);
    add(item.caseNumber?.range, 'string');
    for (const s of item.sections) add(s.headingRange, 'property');
    for (const t of item.tables) for (const row of t.rows) for (const cell of row.cells) if (typeof cell.value === 'number') add(cell.range, 'number');
  }
  for (const d of model.dates) add(d.range, 'string');
  // The protocol wants tokens in document order, without overlaps.
  tokens.sort((a, b) => a.line - b.line || a.start - b.start);
  const builder = new SemanticTokensBuilder();
  let lastLine = -1;
  let lastEnd = 0;
  for (const t of tokens) {
    if (t.line === lastLine && t.start < lastEnd) continue;
    builder.push(t.line, t.start, t.length, t.type, t.modifiers);
    lastLine = t.line;
    lastEnd = t.start + t.length;
  }
  return builder.build();
}

/** Semantic tokens colour plain-text minutes only; a referat document has its own grammar. */
export function registerSemanticTokens(store: DocumentStore): void {
  store.connection.languages.semanticTokens.on(store.safeAsync('semanticTokens', { data: [] as number[] }, async (p) => {
    const doc = store.documents.get(p.textDocument.uri);
    if (doc?.languageId !== 'plaintext') return { data: [] };
    const s = await store.served(doc);
    return s ? semanticTokens(s.analysis.model) : { data: [] };
  }));
}
