/**
 * A table row whose label wraps onto two lines while its figures are centred in their cells (a common cell
 * alignment in Word and on web pages): the figures stand on a baseline of their own, half a line below the
 * label's first line and half a line above its second. Read by baselines, that is a label line, a row of
 * figures without a label, and a label line. Here the two label lines, the same distance above and below the
 * figures, become the row's first cell again. A label of three lines has its middle line on the figures'
 * baseline: its first and last lines, a line above and below, narrow enough to stand in the label's column
 * and reading on from one to the next (a hyphen, or lower case), are joined to the row's first cell.
 */
import { isNumber } from './pdf-columns';
import type { PdfLine } from './pdf-lines';

/** The label's lines lie at most this far (times the font size) from the figures' baseline. */
const HALF_LINE = 0.8;
/** A three-line label's first and last lines lie at most this far (times the font size) from its middle. */
const LINE = 1.4;
/** …and the same distance above as below, within this many points. */
const SYMMETRY = 1.5;

export function rejoinCentredLabels(lines: readonly PdfLine[]): PdfLine[] {
  const out: PdfLine[] = [];
  for (let k = 0; k < lines.length; k++) {
    const [above, row, below] = [lines[k]!, lines[k + 1], lines[k + 2]];
    if (row && below && straddles(above, row, below)) {
      const [a, b] = [above.cells[0]!, below.cells[0]!];
      const label = { text: `${a.text} ${b.text}`, left: Math.min(a.left, b.left), right: Math.max(a.right, b.right) };
      out.push({ ...row, y: above.y, cells: [label, ...row.cells], bottom: below.y });
      k += 2;
      continue;
    }
    if (row && below && centredOnMiddle(above, row, below)) {
      const [a, m, b] = [above.cells[0]!, row.cells[0]!, below.cells[0]!];
      const label = { text: `${a.text} ${m.text} ${b.text}`, left: Math.min(a.left, m.left, b.left), right: Math.max(a.right, m.right, b.right) };
      out.push({ ...row, y: above.y, cells: [label, ...row.cells.slice(1)], bottom: below.y });
      k += 2;
      continue;
    }
    out.push(above);
  }
  return out;
}

function straddles(above: PdfLine, row: PdfLine, below: PdfLine): boolean {
  if (above.page !== row.page || below.page !== row.page) return false;
  if (above.cells.length !== 1 || below.cells.length !== 1 || row.cells.length < 1) return false;
  if (!row.cells.every((c) => isNumber(c.text)) || isNumber(above.cells[0]!.text) || isNumber(below.cells[0]!.text)) return false;
  const [up, down] = [row.y - above.y, below.y - row.y];
  const size = Math.max(above.size, row.size, below.size);
  if (up <= 0 || down <= 0 || up > HALF_LINE * size || down > HALF_LINE * size || Math.abs(up - down) > SYMMETRY) return false;
  // The label is left of the figures, in one column: its lines start together.
  const [a, b] = [above.cells[0]!, below.cells[0]!];
  return Math.abs(a.left - b.left) <= 0.5 * size && Math.max(a.right, b.right) < row.cells[0]!.left;
}

function centredOnMiddle(above: PdfLine, row: PdfLine, below: PdfLine): boolean {
  if (above.page !== row.page || below.page !== row.page) return false;
  if (above.cells.length !== 1 || below.cells.length !== 1 || row.cells.length < 2) return false;
  const [a, m, b] = [above.cells[0]!, row.cells[0]!, below.cells[0]!];
  if (isNumber(m.text) || isNumber(a.text) || isNumber(b.text) || !row.cells.slice(1).every((c) => isNumber(c.text))) return false;
  const [up, down] = [row.y - above.y, below.y - row.y];
  const size = Math.max(above.size, row.size, below.size);
  if (up <= 0 || down <= 0 || up > LINE * size || down > LINE * size || Math.abs(up - down) > SYMMETRY) return false;
  const inColumn = (c: { left: number; right: number }) => Math.abs(c.left - m.left) <= 0.5 * size && c.right < row.cells[1]!.left;
  const readsOn = (first: string, next: string) => /[-–]$/.test(first) || /^\p{Ll}/u.test(next);
  return inColumn(a) && inColumn(b) && readsOn(a.text, m.text) && readsOn(m.text, b.text);
}
