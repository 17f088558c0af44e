/**
 * A table's header read from positions: header cells wrap onto several lines, and a cell centred in its row
 * puts its lines at heights of their own, so a header of a few words a column comes out as a band of short
 * lines above the first row of figures. The band (the lines right above that row, close together, without a
 * figure, inside the table's width, at least one of them spread over two columns) is made one header row: each
 * piece under the column it stands in (the columns of the widest rows of figures), a column's pieces joined
 * top to bottom.
 */
import { isNumber } from './pdf-columns';
import { bottomOf, type PdfCell, type PdfLine } from './pdf-lines';

/** Band lines lie at most this far apart (times the font size), and this close above the first row. */
const BAND_STEP = 1.5;

const hasFigure = (line: PdfLine) => line.cells.some((c) => c.text !== '' && isNumber(c.text));
const isRow = (line: PdfLine) => line.cells.length > 1 && hasFigure(line);

export function joinHeaderBands(lines: readonly PdfLine[]): PdfLine[] {
  const out = [...lines];
  for (let k = 0; k < out.length; k++) {
    if (!isRow(out[k]!) || (k > 0 && isRow(out[k - 1]!))) continue;
    const rows: PdfLine[] = [];
    for (let j = k; j < out.length && isRow(out[j]!) && out[j]!.page === out[k]!.page; j++) rows.push(out[j]!);
    const columns = columnsOf(rows);
    const band = bandAbove(out, k, columns);
    if (!band) continue;
    const header = headerRow(out.slice(band, k), columns);
    out.splice(band, k - band, header);
    k = band + 1;
  }
  return out;
}

interface Span {
  left: number;
  right: number;
}

/** The columns of the widest rows of figures. */
function columnsOf(rows: readonly PdfLine[]): Span[] {
  const width = Math.max(...rows.map((r) => r.cells.length));
  const columns = Array.from({ length: width }, () => ({ left: Infinity, right: -Infinity }));
  for (const row of rows.filter((r) => r.cells.length === width)) {
    row.cells.forEach((c, j) => {
      columns[j]!.left = Math.min(columns[j]!.left, c.left);
      columns[j]!.right = Math.max(columns[j]!.right, c.right);
    });
  }
  return columns;
}

/** Where the band above line `k` begins, or undefined when there is none (fewer than two lines, none spread). */
function bandAbove(lines: readonly PdfLine[], k: number, columns: readonly Span[]): number | undefined {
  const row = lines[k]!;
  // A header's words may run wider than the figures under them, not left of the table.
  const [left, right] = [columns[0]!.left - row.size, columns[columns.length - 1]!.right + 6 * row.size];
  let start = k;
  let spread = false;
  for (let j = k - 1; j >= 0; j--) {
    const line = lines[j]!;
    const below = lines[j + 1]!;
    const filled = line.cells.filter((c) => c.text !== '');
    if (line.page !== row.page || hasFigure(line) || below.y - bottomOf(line) > BAND_STEP * Math.max(line.size, below.size)) break;
    if (filled.some((c) => c.left < left || c.right > right)) break;
    if (new Set(filled.map((c) => columnOf(c, columns))).size > 1) spread = true;
    start = j;
  }
  return k - start >= 2 && spread ? start : undefined;
}

function columnOf(cell: PdfCell, columns: readonly Span[]): number {
  let best = 0;
  let most = -Infinity;
  columns.forEach((column, j) => {
    const overlap = Math.min(cell.right, column.right) - Math.max(cell.left, column.left);
    if (overlap > most) [best, most] = [j, overlap];
  });
  return best;
}

/** The band's pieces under their columns, each column's joined top to bottom: one row. */
function headerRow(band: readonly PdfLine[], columns: readonly Span[]): PdfLine {
  const texts: string[][] = columns.map(() => []);
  const pieces = band.flatMap((line) => line.cells.filter((c) => c.text !== '').map((cell) => ({ cell, y: line.y })));
  for (const { cell } of pieces.sort((a, b) => a.y - b.y || a.cell.left - b.cell.left)) texts[columnOf(cell, columns)]!.push(cell.text);
  const cells = columns.map((column, j) => ({ text: texts[j]!.join(' '), left: column.left, right: column.right }));
  const top = band[0]!;
  return { page: top.page, y: top.y, size: Math.max(...band.map((l) => l.size)), cells, bottom: bottomOf(band[band.length - 1]!) };
}
