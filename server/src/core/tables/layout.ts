/**
 * Where each cell of a table stands: the grid a table's rows make once Word's and PDF's ways of writing
 * them are undone (indented rows, cells wrapped over two lines, short rows). read.ts reads the grid.
 */
import type { Cell, Row, Table } from '../model';
import { isMoneyUnit } from '../amounts';
import { isYear } from '../numbers';

const STARTS_LOWER = /^\p{Ll}/u;
const ENDS_HYPHENATED = /\p{L}-$/u;

/** A year standing as a number ("2021" in a header): a column name, never an amount. */
export function isYearCell(c: Cell | undefined): boolean {
  return c !== undefined && typeof c.value === 'number' && c.unit === undefined && c.decimals === undefined && isYear(c.text);
}

export function isNumber(c: Cell | undefined): c is Cell & { value: number } {
  return c !== undefined && typeof c.value === 'number';
}

export function joinWrapped(a: string, b: string): string {
  if (b === '') return a;
  // "tillægs-" + "bevillinger": a word hyphenated at the line end.
  if (ENDS_HYPHENATED.test(a) && STARTS_LOWER.test(b)) return a.slice(0, -1) + b;
  return `${a} ${b}`;
}

export interface GridRow {
  row: Row;
  cells: (Cell | undefined)[];
  unaligned: boolean;
  /** The row began with empty cells the other rows do not have: an indented sub-row. */
  indented?: boolean;
}

/**
 * Cells by column. Tab, pipe and one-cell-a-line tables are aligned as written. A PDF
 * row is a label and numbers: when a row has more numbers than the table has columns,
 * the first ones belong to its label ("Afbrudt før 26 uger 90 78"); with fewer, its
 * cells cannot be placed (empty cells vanish in PDF text) and it is left out of sums.
 */
export function layout(table: Table): GridRow[] {
  if (table.form === 'tab') return tabLayout(table.rows);
  if (table.form !== 'space') return table.rows.map((row) => ({ row, cells: row.cells, unaligned: false }));
  const counts = new Map<number, number>();
  for (const row of table.rows) {
    const n = row.cells.length - 1;
    if (n > 0) counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  let k = 0;
  let best = 0;
  for (const [n, c] of counts) if (c > best || (c === best && n > k)) [k, best] = [n, c];
  return table.rows.map((row) => {
    const n = row.cells.length - 1;
    if (n <= 0 || n === k) return { row, cells: row.cells, unaligned: false };
    if (n > k) {
      const extra = row.cells.slice(1, 1 + n - k);
      const label = row.cells[0];
      const text = [label.text, ...extra.map((c) => c.text)].filter((t) => t !== '').join(' ');
      const start = label.text !== '' ? label.range.start : extra[0].range.start;
      const merged: Cell = { text, range: { start, end: extra[extra.length - 1].range.end } };
      return { row, cells: [merged, ...row.cells.slice(1 + n - k)], unaligned: false };
    }
    return { row, cells: row.cells, unaligned: true };
  });
}

/** A number in a cell that is an amount: not a year, not a unit written as a number ("1.000 kr."). */
export function isAmountCell(c: Cell | undefined): boolean {
  return isNumber(c) && !isYearCell(c) && !isUnitCell(c);
}

/**
 * "1.000 kr." alone in a cell, as a header has it: the unit of the amounts, not an amount.
 * Only the round units are read so ("1.000 kr.", "1.000.000 kr."); "450.000 kr." is an amount.
 */
export function isUnitCell(c: Cell | undefined): boolean {
  return c !== undefined && typeof c.value === 'number' && isMoneyUnit(c.unit) && (c.value === 1000 || c.value === 1000000);
}

/**
 * Cells by column in a Word table saved as text. Word leaves out the cells a merge covers
 * and writes a line break inside a cell as a new line, so the rows do not all have the
 * table's width. Three repairs, each only where the cell counts say so:
 *  - a row of amounts that begins with empty cells the labelled rows do not have is indented:
 *    the empty cells go, and the row is marked (a sub-row of a neighbouring row);
 *  - two adjacent short lines that together have the table's width, joined at a text
 *    cell, are one row whose cell was wrapped ("Modtaget" / "antal⇥Heraf …");
 *  - a short row of a label and amounts sits under the last columns (its label cell
 *    spans the columns it lacks), but is left out of sums, as a short PDF row is; a short
 *    last header line under a header that names the label column names the amount columns.
 */
export function tabLayout(rows: Row[]): GridRow[] {
  const width = labelledWidth(rows);
  const grid: GridRow[] = rows.map((row) => ({ row, cells: row.cells, unaligned: false }));
  if (width === 0) return grid;
  for (const g of grid) {
    const extra = g.cells.length - width;
    // Only a row of amounts is indented: a header row's empty first cell heads the label column
    // (" ⇥Antal pladser⇥Ledige" over "Greveager⇥20"), and dropping it would shift every name one column left.
    if (extra > 0 && g.cells.slice(0, extra).every((c) => c?.text === '') && g.cells.slice(extra).some((c) => isAmountCell(c))) {
      g.cells = g.cells.slice(extra);
      g.indented = true;
    }
  }
  const joined = joinWrappedCells(grid, width);
  const firstNumbered = joined.findIndex((g) => g.cells.some((c, j) => j > 0 && isAmountCell(c)));
  for (let r = 0; r < joined.length; r++) {
    const g = joined[r];
    const n = g.cells.length;
    if (n >= width || n < 2) continue;
    if (r >= firstNumbered && firstNumbered >= 0) {
      // "Heraf tilbagebetalingskrav⇥926.482⇥66.177" under a five-column table: most likely the
      // last columns, but a merge cannot be told from a missing cell, so the row is no addend.
      if (g.cells.slice(1).every((c) => isNumber(c) || c?.value === null)) {
        g.cells = [g.cells[0], ...new Array<Cell | undefined>(width - n), ...g.cells.slice(1)];
        // (The first row of amounts stays aligned: it marks where the data begins.)
        g.unaligned = r > firstNumbered;
      }
    } else if (r === firstNumbered - 1 && n === width - 1 && joined.slice(0, r).some((h) => h.cells[0]?.text)) {
      g.cells = [undefined, ...g.cells];
    }
  }
  return joined;
}

/** The number of cells of most rows that have a label and an amount (the table's width); 0 when none. */
export function labelledWidth(rows: Row[]): number {
  const counts = new Map<number, number>();
  for (const row of rows) {
    if (!row.cells[0]?.text || !row.cells.some((c, j) => j > 0 && isAmountCell(c))) continue;
    counts.set(row.cells.length, (counts.get(row.cells.length) ?? 0) + 1);
  }
  let width = 0;
  let best = 0;
  for (const [n, c] of counts) if (c > best || (c === best && n > width)) [width, best] = [n, c];
  return width;
}

/** Rows written over two lines because a cell held a line break, joined into one. */
export function joinWrappedCells(grid: GridRow[], width: number): GridRow[] {
  const out: GridRow[] = [];
  for (let r = 0; r < grid.length; r++) {
    const g = grid[r];
    const next = grid[r + 1];
    if (next && isWrapOf(g, next, width)) {
      const cells = [...g.cells.slice(0, -1), joinCells(g.cells[g.cells.length - 1]!, next.cells[0]!), ...next.cells.slice(1)];
      const joinedRow: Row = { line: g.row.line, range: { start: g.row.range.start, end: next.row.range.end }, cells: cells as Cell[] };
      let merged: GridRow = { row: joinedRow, cells, unaligned: false };
      r++;
      // "Gennem-" / "snit": a hyphenated header word goes on, on a line of its own.
      const after = grid[r + 1];
      const last = cells[cells.length - 1];
      if (after && after.cells.length === 1 && after.row.line === merged.row.range.end.line + 1 && last?.text.endsWith('-') && isText(after.cells[0]) && isText(last)) {
        const tail = [...cells.slice(0, -1), joinCells(last, after.cells[0]!)];
        merged = { row: { ...joinedRow, range: { start: joinedRow.range.start, end: after.row.range.end }, cells: tail as Cell[] }, cells: tail, unaligned: false };
        r++;
      }
      out.push(merged);
      continue;
    }
    out.push(g);
  }
  return out;
}

export function isText(c: Cell | undefined): boolean {
  return c !== undefined && c.text !== '' && c.value === undefined;
}

export function isWrapOf(g: GridRow, next: GridRow, width: number): boolean {
  const a = g.cells.length;
  const b = next.cells.length;
  if (a >= width || b >= width || a + b - 1 !== width || g.indented || next.indented) return false;
  if (next.row.line !== g.row.range.end.line + 1) return false;
  return isText(g.cells[a - 1]) && isText(next.cells[0]);
}

export function joinCells(a: Cell, b: Cell): Cell {
  return { text: joinWrapped(a.text, b.text), range: { start: a.range.start, end: b.range.end } };
}
