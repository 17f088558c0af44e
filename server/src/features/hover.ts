/**
 * Hover: on a total cell, the computed sum, the addends and the difference (from the
 * core's table analysis); on an item heading, its decision and what it lacks.
 */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { Analysis } from '../core/analyze';
import type { Language } from '../core/config';
import { explainTotalAt } from '../core/tables/explain';
import { itemDetail } from './symbols';
import { redactCpr } from '../core/redact';
import { editorText } from './texts';
import { placeInWords } from './publishedSources';
import type { DocumentStore } from './store';

/** On a "Punkt 1: …" line inside an item that restarts the numbering: why it is not an item. */
function nestedHeadingAt(analysis: Analysis, position: Position, language: Language): Hover | null {
  const nested = analysis.model.template?.nestedItemHeadings.find((h) => h.range.start.line === position.line);
  if (!nested) return null;
  const value = editorText(language)('nestedHeading');
  return { contents: { kind: MarkupKind.Markdown, value }, range: nested.range };
}

export function hover(analysis: Analysis, position: Position, language: Language): Hover | null {
  const total = explainTotalAt(analysis.model, position, analysis.profile);
  if (total) return { contents: { kind: MarkupKind.Markdown, value: redactCpr(total.markdown[language], analysis.model.personalNumbers) }, range: total.range };
  const nested = nestedHeadingAt(analysis, position, language);
  if (nested) return nested;
  const item = analysis.model.items.find((i) => position.line >= i.headingRange.start.line && position.line <= i.headingRange.end.line);
  if (!item) return null;
  const lines = [`**Punkt ${item.number}: ${item.title}**`];
  const detail = itemDetail(analysis.model, item, language);
  if (detail) lines.push('', detail);
  if (item.decision?.text) lines.push('', `> ${item.decision.text.split('\n\n')[0].slice(0, 300)}`);
  if (item.decision && !item.decision.labelled) {
    lines.push('', editorText(language)('unlabelledDecision'));
  }
  // Why this line heads an item, where the document's own evidence decided it (not a form such as "Punkt 3:").
  const basis = analysis.model.template?.itemBasis;
  if (basis === 'evidence') lines.push('', editorText(language)('basisEvidence'));
  else if (basis === 'titleList') lines.push('', editorText(language)('basisTitleList'));
  else if (basis === 'pageStarts') lines.push('', editorText(language)('basisPageStarts'));
  const sections = item.sections.filter((s) => s.role !== 'group').map((s) => s.heading);
  if (sections.length > 0) lines.push('', editorText(language)('sections', { sections: sections.join(' · ') }));
  return { contents: { kind: MarkupKind.Markdown, value: redactCpr(lines.join('\n'), analysis.model.personalNumbers) }, range: item.headingRange };
}

export function registerHover(store: DocumentStore): void {
  store.connection.onHover(store.safeAsync('hover', null, async (p) => {
    const s = await store.servedAt(p.textDocument.uri);
    const shown = s ? hover(s.analysis, p.position, s.language) : null;
    // In a published file's view, a hover says where its line is in the original.
    const read = store.sources.get(p.textDocument.uri);
    const place = s && read && placeInWords(read.sourceMap.placeOf(p.position.line), read.format, s.language);
    if (!shown || !place || !s) return shown;
    const value = `${(shown.contents as { value: string }).value}\n\n${editorText(s.language)('hoverInOriginal', { place })}`;
    return { ...shown, contents: { kind: MarkupKind.Markdown, value } };
  }));
}
