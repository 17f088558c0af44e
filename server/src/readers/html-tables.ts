/**
 * Tables of a web page in the text form: a row a line, its cells separated by tabs, as Rudersdal's text and
 * the table rules read them. A cell spanning columns (colspan) is followed by empty cells, and one spanning
 * rows (rowspan) leaves an empty cell in the rows below, so a column's numbers stay in one column. A table
 * used for layout (an old site's page in a table, a table in a cell, headings in a cell) is no data table:
 * its cells are read as blocks of text instead (html-blocks.ts).
 */
import { attr, childrenOf, hasDescendant, intAttr, isElement, type Element, type Node } from './html-dom';

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const CELL_BLOCKS = new Set(['p', 'div', 'li', 'br', 'pre', 'blockquote']);
/** More block pieces than this in one cell: a page laid out in a table, not a cell of figures or words. */
const MAX_CELL_BLOCKS = 8;
/** The HTML standard's bounds: colspan at most 1000, rowspan at most 65534. */
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;

const elementChildren = (node: Node): Element[] => childrenOf(node).filter(isElement);
const isCell = (el: Element) => el.tagName === 'td' || el.tagName === 'th';

/** The table's own rows (not those of a table inside it), the head's first and the foot's last, as shown. */
export function rowsOf(table: Element): Element[] {
  const head: Element[] = [];
  const body: Element[] = [];
  const foot: Element[] = [];
  const rowsIn = (group: Element, into: Element[]) => {
    for (const row of elementChildren(group)) if (row.tagName === 'tr') into.push(row);
  };
  for (const child of elementChildren(table)) {
    if (child.tagName === 'tr') body.push(child);
    else if (child.tagName === 'thead') rowsIn(child, head);
    else if (child.tagName === 'tbody') rowsIn(child, body);
    else if (child.tagName === 'tfoot') rowsIn(child, foot);
  }
  return head.concat(body, foot);
}

export const cellsOf = (row: Element): Element[] => elementChildren(row).filter(isCell);

export function captionOf(table: Element): Element | undefined {
  return elementChildren(table).find((c) => c.tagName === 'caption');
}

/** Whether the cell holds more than a cell's worth: a table, a heading, or many paragraphs. */
function holdsLayout(cell: Element): boolean {
  if (hasDescendant(cell, (d) => d.tagName === 'table' || HEADINGS.has(d.tagName))) return true;
  let blocks = 0;
  return hasDescendant(cell, (d) => CELL_BLOCKS.has(d.tagName) && ++blocks > MAX_CELL_BLOCKS);
}

/**
 * A table for layout rather than data: marked so (role=presentation), one cell a row at most (a page or a
 * box in a table), or a cell that holds a table, a heading or many paragraphs.
 */
export function isLayoutTable(table: Element): boolean {
  const role = attr(table, 'role')?.trim().toLowerCase();
  if (role === 'presentation' || role === 'none') return true;
  const rows = rowsOf(table);
  const cells = rows.map(cellsOf);
  if (cells.every((c) => c.length <= 1)) return true;
  return cells.some((row) => row.some(holdsLayout));
}

/** A row of the grid: its <tr> and the text of each column, spans filled with empty cells. */
export interface GridRow {
  row: Element;
  cells: string[];
}

/** The table as a grid of cell texts, `text` reading one cell. */
export function tableGrid(table: Element, text: (cell: Element) => string): GridRow[] {
  const rows = rowsOf(table);
  /** Per column, how many rows below are still covered by a cell with rowspan. */
  const covered: number[] = [];
  const grid: GridRow[] = [];
  rows.forEach((row, r) => {
    const out: string[] = [];
    let col = 0;
    const skipCovered = () => {
      while ((covered[col] ?? 0) > 0) {
        covered[col]!--;
        out.push('');
        col++;
      }
    };
    for (const cell of cellsOf(row)) {
      skipCovered();
      const span = Math.min(Math.max(intAttr(cell, 'colspan', 1), 1), MAX_COLSPAN);
      const rowspanAttr = intAttr(cell, 'rowspan', 1);
      const rowspan = rowspanAttr === 0 ? rows.length - r : Math.min(Math.max(rowspanAttr, 1), MAX_ROWSPAN);
      out.push(text(cell));
      for (let k = 1; k < span; k++) out.push('');
      if (rowspan > 1) for (let k = 0; k < span; k++) covered[col + k] = rowspan - 1;
      col += span;
    }
    // Columns to the right still covered from above get their empty cells too.
    const last = covered.reduce((end, n, c) => (n > 0 ? c : end), -1);
    while (col <= last) {
      if ((covered[col] ?? 0) > 0) covered[col]!--;
      out.push('');
      col++;
    }
    grid.push({ row, cells: out });
  });
  return grid;
}
