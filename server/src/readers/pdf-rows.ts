/**
 * Table rows a tagged PDF did not tag as a table: a producer that gives each cell a paragraph of its own (or
 * tags a table as layout) leaves the row's cells as blocks that stand side by side on one baseline. Such
 * blocks are one line, their cells left to right, and a run of such rows is aligned in columns as an untagged
 * table is (pdf-columns.ts), one block, so no blank line falls between its rows.
 */
import { alignTables } from './pdf-columns';
import type { PdfLine } from './pdf-lines';
import type { BlockLine } from './pdf-structure';

/** Baselines closer than this (times the font size) are one row (as pdf-lines.ts groups pieces). */
const SAME_ROW = 0.45;

export function rowsOfBlocks(lines: readonly BlockLine[]): BlockLine[] {
  const merged: BlockLine[] = [];
  const sideBySide = new Set<PdfLine>();
  for (const current of lines) {
    const previous = merged[merged.length - 1];
    const p = previous?.line;
    const c = current.line;
    if (p && p.page === c.page && Math.abs(p.y - c.y) <= SAME_ROW * Math.max(p.size, c.size) && c.cells[0]!.left >= p.cells[p.cells.length - 1]!.right) {
      const line: PdfLine = { ...p, cells: [...p.cells, ...c.cells], size: Math.max(p.size, c.size) };
      merged[merged.length - 1] = { line, block: previous.block };
      sideBySide.add(line);
      continue;
    }
    merged.push(current);
  }
  if (sideBySide.size === 0) return merged;
  // Align each run of rows made here, as one block; the other lines stay as the structure gave them.
  const out: BlockLine[] = [];
  let run: BlockLine[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const block = run[0]!.block;
    for (const line of alignTables(run.map((r) => r.line), { joinWraps: false })) out.push({ line, block });
    run = [];
  };
  for (const entry of merged) {
    if (sideBySide.has(entry.line) || (run.length > 0 && entry.line.cells.length > 1)) {
      run.push(entry);
      continue;
    }
    flush();
    out.push(entry);
  }
  flush();
  return out;
}
