/** Expand selection: paragraph › section › item › document. */
import { SelectionRange, type Position, type Range } from 'vscode-languageserver';
import type { MinutesDocument } from '../core/model';
import type { LineIndex } from '../core/text/lines';
import type { DocumentStore } from './store';

const contains = (r: Range, p: Position) =>
  (p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character)) &&
  (p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character));

export function selectionRanges(model: MinutesDocument, lines: LineIndex, positions: Position[]): SelectionRange[] {
  const whole = lines.linesRange(0, lines.lineCount - 1);
  return positions.map((p) => {
    let chain: SelectionRange = SelectionRange.create(whole);
    const item = model.items.find((i) => contains(i.range, p));
    if (item) {
      chain = SelectionRange.create(item.range, chain);
      const section = item.sections.find((s) => contains(s.range, p));
      if (section) chain = SelectionRange.create(section.range, chain);
    }
    const paragraph = paragraphAt(lines, p.line);
    if (paragraph && !sameRange(paragraph, chain.range) && contains(chain.range, paragraph.start) && contains(chain.range, paragraph.end)) {
      chain = SelectionRange.create(paragraph, chain);
    }
    return chain;
  });
}

function paragraphAt(lines: LineIndex, line: number): Range | null {
  if (line >= lines.lineCount || lines.line(line).text === '') return null;
  let first = line;
  let last = line;
  while (first > 0 && lines.line(first - 1).text !== '') first--;
  while (last + 1 < lines.lineCount && lines.line(last + 1).text !== '') last++;
  return lines.linesRange(first, last);
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

export function registerSelection(store: DocumentStore): void {
  store.connection.onSelectionRanges(store.safeAsync('selectionRanges', [], async (p) => {
    const s = await store.servedAt(p.textDocument.uri);
    return s ? selectionRanges(s.analysis.model, s.analysis.lines, p.positions) : [];
  }));
}
