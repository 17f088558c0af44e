/**
 * Tables as clerks' text leaves them, found in an item's lines. One module per form, tried in this
 * order at each line: Markdown pipe tables and tab-separated lines (Word export; delimited.ts, with
 * the rows of pipe.ts and tab.ts), label-plus-numbers lines with single spaces or runs of spaces
 * (PDF extraction; space.ts), tables with one cell a line (text copied from a web page; cells.ts)
 * and tables written column after column, labels first (PDF text; stacked.ts). Around each table,
 * the caption lines above it (captions.ts) and the footnotes under it (footnotes.ts).
 * This folder only finds rows, cells, the header lines above a PDF table and the footnotes under
 * a table; what a total is belongs to core/tables and the rules.
 */
import type { Table } from '../../model';
import type { TableVocabulary } from '../../profiles/profile';
import type { LineIndex } from '../../text/lines';
import { linesAbove } from './captions';
import { cellKinds, takeCellTable } from './cells';
import { takeDelimited } from './delimited';
import { footnotesAfter } from './footnotes';
import { isPipeLine } from './pipe';
import { isSpaceRow, takeSpaceTable } from './space';
import { stackedCellKinds, takeStackedTable } from './stacked';
import { tabLinesIn } from './tab';

/**
 * Finds the tables in lines [from, to). For stacked tables (stacked.ts), the vocabulary tells
 * a header line from the last label, and `headingLines` (the item's section headings) bound the run
 * of labels. What a total is, is otherwise for core/tables to say.
 */
export function findTables(lines: LineIndex, from: number, to: number, vocab: TableVocabulary, headingLines: ReadonlySet<number> = NO_LINES): Table[] {
  const tables: Table[] = [];
  let i = from;
  // Header lines of a PDF table are searched no higher than the end of the previous table.
  let floor = from;
  const kinds = cellKinds(lines, from, to);
  const stackedKinds = stackedCellKinds(lines, kinds, vocab, headingLines);
  const isTabLine = tabLinesIn(lines, from, to);
  while (i < to) {
    const line = lines.line(i);
    let found: { table: Table | null; next: number } | null = null;
    if (isPipeLine(lines, i)) {
      found = takeDelimited(lines, i, to, 'pipe');
    } else if (isTabLine(i)) {
      found = takeDelimited(lines, i, to, 'tab');
    } else if (isSpaceRow(line.text)) {
      found = takeSpaceTable(lines, i, to, floor);
    } else if (line.text !== '') {
      found = takeCellTable(lines, i, to, kinds) ?? takeStackedTable(lines, i, to, floor, stackedKinds, vocab);
    }
    if (!found) {
      i++;
      continue;
    }
    let next = found.next;
    if (found.table) {
      if (found.table.form !== 'space') {
        const above = linesAbove(lines, found.table.range.start.line, floor);
        if (above.length > 0) found.table.above = above;
      }
      const notes = footnotesAfter(lines, found.table.range.end.line, to);
      found.table.footnotes = notes.footnotes;
      tables.push(found.table);
      next = Math.max(next, notes.last + 1);
      floor = next;
    }
    i = next;
  }
  return tables;
}

const NO_LINES: ReadonlySet<number> = new Set();
