/**
 * Completion for clerks: after "Punkt " the next number; at the start of a line in an
 * item the section headings its template still lacks, in template order; in a
 * decision the profile's usual decision phrases.
 */
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position } from 'vscode-languageserver';
import type { Analysis } from '../core/analyze';
import type { Language } from '../core/config';
import type { Item, SectionRole } from '../core/model';
import { roleHeading } from '../core/sections';
import { editorText } from './texts';
import type { DocumentStore } from './store';

export function completions(analysis: Analysis, position: Position, linePrefix: string, language: Language): CompletionItem[] {
  const { model, profile } = analysis;
  const text = editorText(language);
  if (/^\s*Punkt\s+$/i.test(linePrefix)) {
    const next = model.items.reduce((n, i) => Math.max(n, i.number), 0) + 1;
    return [{ label: `${next}: `, kind: CompletionItemKind.Value, detail: text('nextItem'), insertText: `${next}: ` }];
  }
  if (!/^\s*[\p{L}#*]*$/u.test(linePrefix)) return [];
  const item = itemAt(model.items, position.line);
  if (!item) return [];
  const decision = item.decision?.section;
  if (decision && position.line > decision.headingRange.start.line && isLastSectionBefore(item, decision.headingRange.start.line, position.line)) {
    return profile.decisionPhrases.map((phrase, k) => ({
      label: phrase,
      kind: CompletionItemKind.Text,
      detail: text('decision'),
      sortText: String(k).padStart(3, '0'),
    }));
  }
  const present = new Set(item.sections.map((s) => s.role));
  const decoration = model.items.flatMap((i) => i.sections).find((s) => s.decoration)?.decoration;
  // A template without an order (the generic profile) offers its vocabulary in the order it lists it.
  const order = profile.order.length > 0 ? profile.order : [...new Set(profile.sections.map((f) => f.role))];
  const wanted: SectionRole[] = order.filter((r) => !present.has(r) && r !== 'group' && !profile.sections.some((f) => f.role === r && f.firstLine));
  if (model.kind === 'dagsorden') wanted.splice(0, wanted.length, ...wanted.filter((r) => r !== 'decision'));
  const required = new Set(model.kind ? profile.required[model.kind] : []);
  return wanted.map((role, k) => {
    const heading = roleHeading(model, profile, role);
    return {
      label: heading,
      kind: CompletionItemKind.Keyword,
      detail: text(required.has(role) ? 'requiredSection' : 'templateSection'),
      sortText: String(k).padStart(3, '0'),
      insertTextFormat: InsertTextFormat.Snippet,
      insertText: `${decoration?.before ?? ''}${heading}${decoration?.after ?? ''}\n\n$0`,
      filterText: heading,
    };
  });
}

/** The item whose heading is at or above the line (lines after the last item belong to it). */
function itemAt(items: Item[], line: number): Item | undefined {
  let found: Item | undefined;
  for (const item of items) {
    if (item.headingRange.end.line < line) found = item;
    else break;
  }
  return found;
}

/** No other section heading stands between the decision heading and the cursor. */
function isLastSectionBefore(item: Item, headingLine: number, line: number): boolean {
  return !item.sections.some((s) => s.headingRange.start.line > headingLine && s.headingRange.start.line <= line);
}

export function registerCompletion(store: DocumentStore): void {
  store.connection.onCompletion(store.safeAsync('completion', [], async (p) => {
    const doc = store.documents.get(p.textDocument.uri);
    const s = await store.served(doc);
    if (!doc || !s) return [];
    const prefix = doc.getText({ start: { line: p.position.line, character: 0 }, end: p.position });
    return completions(s.analysis, p.position, prefix, s.language);
  }));
}
