/**
 * The rows of a table read from positions, in columns: a PDF leaves an empty cell out, so a row with fewer
 * cells than the table's widest rows has its cells put under the columns they stand in (by overlap with the
 * columns of the widest rows), with empty cells where it has none. `I alt … 100` under the second of two
 * number columns becomes `I alt<TAB><TAB>100`, as the table parser needs it. A row that only continues the
 * row above (its first column empty, its text the rest of a wrapped label, its numbers in cells that row left
 * empty) is joined to it.
 */
import { bottomOf, CELL_GAP, type PdfCell, type PdfLine } from './pdf-lines';

/** Lines following each other at most this far apart (times the font size) can be rows of one table. */
export const ROW_STEP = 2.2;
/** A continuation row is at most this far (times the font size) below the row it continues. */
const WRAP_STEP = 1.5;

/**
 * The lines with every run of table rows (consecutive lines of two or more cells) aligned in columns; with
 * `joinWraps`, a one-cell line that only wraps a row's label is joined to the row.
 */
export function alignTables(lines: readonly PdfLine[], { joinWraps = true } = {}): PdfLine[] {
  const out: PdfLine[] = [];
  let run: PdfLine[] = [];
  const flush = () => {
    out.push(...(run.length > 1 ? alignRun(run) : run));
    run = [];
  };
  for (const line of lines) {
    const previous = run[run.length - 1];
    const continues = previous && previous.page === line.page && line.y - bottomOf(previous) <= ROW_STEP * Math.max(line.size, previous.size);
    if (line.cells.length > 1 && (run.length === 0 || continues)) {
      run.push(line);
      continue;
    }
    if (joinWraps && previous && continues && wrapsInto(previous, line)) {
      run[run.length - 1] = wrapInto(previous, line);
      continue;
    }
    flush();
    if (line.cells.length > 1) run.push(line);
    else out.push(line);
  }
  flush();
  return out;
}

interface Column {
  left: number;
  right: number;
}

/** The columns of a run: the spans of the widest rows' cells. */
function columnsOf(run: readonly PdfLine[]): Column[] {
  const width = Math.max(...run.map((l) => l.cells.length));
  const columns: Column[] = Array.from({ length: width }, () => ({ left: Infinity, right: -Infinity }));
  for (const line of run) {
    if (line.cells.length !== width) continue;
    line.cells.forEach((c, k) => {
      columns[k]!.left = Math.min(columns[k]!.left, c.left);
      columns[k]!.right = Math.max(columns[k]!.right, c.right);
    });
  }
  return columns;
}

export function alignRun(run: readonly PdfLine[]): PdfLine[] {
  const columns = columnsOf(run);
  const aligned = indented(run.map((line) => ({ ...line, cells: line.cells.length === columns.length ? line.cells : place(line.cells, columns) })));
  const out: PdfLine[] = [];
  for (const line of aligned) {
    const above = out[out.length - 1];
    if (above && continuesRow(above, line)) out[out.length - 1] = joinRows(above, line);
    else out.push(line);
  }
  return out;
}

/**
 * A line of one cell just below a table row that only wraps one of the row's text cells: it starts inside
 * that cell's column and ends before the next column begins (a paragraph after the table runs across the
 * columns; a figure is never a wrapped label), and the cell was full (a short line below is a line of its own).
 */
function wrapsInto(row: PdfLine, line: PdfLine): boolean {
  if (line.cells.length !== 1 || line.y - bottomOf(row) > WRAP_STEP * Math.max(line.size, row.size)) return false;
  const wrapped = line.cells[0]!;
  if (isNumber(wrapped.text)) return false;
  const k = columnOf(row, wrapped);
  // A wrapped line starts where its cell's text starts (text is set flush left in its column).
  if (k < 0 || isNumber(row.cells[k]!.text) || Math.abs(wrapped.left - row.cells[k]!.left) > row.size) return false;
  const next = row.cells[k + 1];
  if (next && wrapped.right >= next.left) return false;
  // Wrapped, not a line of its own: it goes on in lower case, or its first word would not have fitted after
  // the cell's text before the next cell.
  if (/^\p{Ll}/u.test(wrapped.text)) return true;
  const cell = row.cells[k]!;
  const firstWord = wrapped.text.split(' ')[0]!;
  const wordWidth = ((wrapped.right - wrapped.left) * firstWord.length) / Math.max(1, wrapped.text.length);
  return next !== undefined && cell.right + 0.3 * row.size + wordWidth >= next.left - CELL_GAP * row.size;
}

/** The row's cell whose column the text starts in (-1 when it starts left of the row). */
function columnOf(row: PdfLine, cell: PdfCell): number {
  const tolerance = row.size;
  let k = -1;
  row.cells.forEach((c, j) => {
    if (cell.left >= c.left - tolerance) k = j;
  });
  return k;
}

function wrapInto(row: PdfLine, line: PdfLine): PdfLine {
  const wrapped = line.cells[0]!;
  const k = columnOf(row, wrapped);
  const cells = row.cells.map((c, j) => (j === k ? { text: `${c.text} ${wrapped.text}`, left: Math.min(c.left, wrapped.left), right: Math.max(c.right, wrapped.right) } : c));
  // The row keeps its place; the next row's distance is measured from the wrapped line.
  return { ...row, cells, bottom: line.y };
}

/** A label this far (times the font size) right of the table's labels is a sub-row's, indented. */
const INDENT = 3;

/**
 * A sub-row's label indented under the rows' labels (`Anlægsprojekter` under `Anlæg`) stands in a column of
 * its own, the one before it empty: written with a leading empty cell, as the text form writes sub-rows.
 */
function indented(rows: PdfLine[]): PdfLine[] {
  const labels = rows.map((r) => r.cells[0]!).filter((c) => c.text !== '' && !isNumber(c.text));
  if (labels.length < 2) return rows;
  const base = Math.min(...labels.map((c) => c.left));
  return rows.map((row) => {
    const first = row.cells[0]!;
    if (first.text === '' || isNumber(first.text) || first.left - base < INDENT * row.size) return row;
    return { ...row, cells: [{ text: '', left: base, right: base }, ...row.cells] };
  });
}

/** The cells under the columns they overlap most, in order, with empty cells between. */
function place(cells: readonly PdfCell[], columns: readonly Column[]): PdfCell[] {
  const out: PdfCell[] = columns.map((c) => ({ text: '', left: c.left, right: c.left }));
  let next = 0;
  cells.forEach((cell, k) => {
    const last = columns.length - (cells.length - k);
    let best = next;
    for (let j = next; j <= last; j++) if (fit(cell, columns[j]!) > fit(cell, columns[best]!)) best = j;
    out[best] = cell;
    next = best + 1;
  });
  return out;
}

/** How well a cell stands in a column: the overlap of their spans, less the distance when they do not overlap. */
function fit(cell: PdfCell, column: Column): number {
  return Math.min(cell.right, column.right) - Math.max(cell.left, column.left);
}

export const isNumber = (text: string): boolean => /^[-–+]?\s*[\d.,\s%]+$/.test(text);

/** `line` only continues `above`: its first cell empty, text where `above` has text, figures where it has none. */
function continuesRow(above: PdfLine, line: PdfLine): boolean {
  if (line.page !== above.page || line.y - bottomOf(above) > WRAP_STEP * Math.max(line.size, above.size)) return false;
  if (line.cells[0]?.text !== '' || above.cells[0]?.text === '' || line.cells.length !== above.cells.length) return false;
  let joinedText = 0;
  for (let k = 0; k < line.cells.length; k++) {
    const mine = line.cells[k]!.text;
    const theirs = above.cells[k]!.text;
    if (mine === '' || theirs === '') continue;
    if (isNumber(mine) || isNumber(theirs)) return false;
    joinedText++;
  }
  return joinedText === 1;
}

function joinRows(above: PdfLine, line: PdfLine): PdfLine {
  const cells = above.cells.map((cell, k) => {
    const more = line.cells[k]!;
    if (more.text === '') return cell;
    if (cell.text === '') return more;
    return { text: `${cell.text} ${more.text}`, left: Math.min(cell.left, more.left), right: Math.max(cell.right, more.right) };
  });
  return { ...above, cells, bottom: bottomOf(line) };
}
