/**
 * A page's text pieces (pdf.js text items, placed) grouped into lines: pieces whose baselines lie within a
 * fraction of the font size of each other are one line (a raised footnote mark stays on its line), ordered
 * by x; a gap wider than a fraction of the font size is a cell break (a table's columns, a contents line's
 * page number, a numbered heading's tab), a narrower one a space where the pieces have none.
 */

/** One piece of text where the page shows it: `x` its left, `y` its baseline, both in PDF points from the top left. */
export interface PdfPiece {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** One cell of a line: its text and where it starts and ends across the page. */
export interface PdfCell {
  text: string;
  left: number;
  right: number;
}

/** One line of a page: its cells (one for prose), baseline and font size. */
export interface PdfLine {
  page: number;
  y: number;
  size: number;
  cells: PdfCell[];
  /** The baseline of its last wrapped line, when a table row's cells wrapped onto lines below (pdf-columns.ts). */
  bottom?: number;
}

/** Where a line ends downwards: its baseline, or that of the last line its cells wrapped onto. */
export const bottomOf = (line: PdfLine): number => line.bottom ?? line.y;

/** Baselines closer than this (times the font size) are one line. */
const SAME_LINE = 0.45;
/** A gap of at least this (times the font size) between two pieces is a cell break. */
export const CELL_GAP = 0.75;
/** A gap of at least this (times the font size) between pieces with no space of their own is a space. */
const WORD_GAP = 0.12;

/** The pieces in lines, top to bottom. */
export function groupLines(pieces: readonly PdfPiece[], page: number): PdfLine[] {
  const sorted = pieces.filter((p) => p.text !== '').sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: PdfLine[] = [];
  let group: PdfPiece[] = [];
  let groupY = 0;
  let groupSize = 0;
  for (const piece of sorted) {
    if (group.length > 0 && Math.abs(piece.y - groupY) <= SAME_LINE * Math.max(piece.size, groupSize)) {
      group.push(piece);
      groupSize = Math.max(groupSize, piece.size);
      continue;
    }
    if (group.length > 0) pushLine(lines, group, page);
    group = [piece];
    groupY = piece.y;
    groupSize = piece.size;
  }
  if (group.length > 0) pushLine(lines, group, page);
  return lines;
}

function pushLine(lines: PdfLine[], group: PdfPiece[], page: number): void {
  const cells = cellsOf(group);
  if (cells.length === 0) return;
  // The line's baseline and size are those of its largest text (not a raised footnote mark).
  const main = group.reduce((a, b) => (b.size > a.size ? b : a));
  lines.push({ page, y: main.y, size: main.size, cells });
}

/** The pieces of one line as cells, left to right; spaces-only pieces only widen the gaps. */
export function cellsOf(group: readonly PdfPiece[]): PdfCell[] {
  const ordered = [...group].sort((a, b) => a.x - b.x);
  const cells: PdfCell[] = [];
  let cell: PdfCell | undefined;
  let space = false;
  for (const piece of ordered) {
    if (piece.text.trim() === '') {
      space = true;
      continue;
    }
    const gap = cell ? piece.x - cell.right : 0;
    if (!cell || gap >= CELL_GAP * piece.size) {
      cell = { text: piece.text, left: piece.x, right: piece.x + piece.width };
      cells.push(cell);
      space = false;
      continue;
    }
    const spaced = /\s$/.test(cell.text) || /^\s/.test(piece.text);
    cell.text += !spaced && (space || gap >= WORD_GAP * piece.size) ? ` ${piece.text}` : piece.text;
    space = false;
    cell.right = Math.max(cell.right, piece.x + piece.width);
  }
  for (const c of cells) c.text = c.text.replace(/\s+/g, ' ').trim();
  return cells.filter((c) => c.text !== '');
}

/** A line's text: its cells separated by tabs. */
export const lineText = (line: PdfLine): string => line.cells.map((c) => c.text).join('\t');
