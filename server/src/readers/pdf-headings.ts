/**
 * A heading the page wrapped, joined into one line again (untagged pages; a tagged page has its heading as one
 * element). A line is part of a heading when its text is larger than the page's body text; the next line
 * continues it when it is the same size, starts at the same left edge right below, and the heading's line
 * was full: the next line's first word would not have fitted before the page's right text edge. Lines of
 * body text are left as the page has them (whether a line ends a paragraph is not known from its place).
 */
import type { PdfLine } from './pdf-lines';

/** Larger than the body text by this factor: a heading's size. */
const HEADING_SIZE = 1.05;
/** A wrapped heading's next line is at most this far below (times the font size). */
const LINE_STEP = 1.6;

/** The size most of the page's text is in (by characters). */
export function bodySize(lines: readonly PdfLine[]): number {
  const bySize = new Map<number, number>();
  for (const line of lines) {
    const chars = line.cells.reduce((n, c) => n + c.text.length, 0);
    const size = Math.round(line.size * 10) / 10;
    bySize.set(size, (bySize.get(size) ?? 0) + chars);
  }
  let best = 0;
  let most = -1;
  for (const [size, chars] of bySize) if (chars > most) [best, most] = [size, chars];
  return best;
}

export function joinWrappedHeadings(lines: readonly PdfLine[]): PdfLine[] {
  const body = bodySize(lines);
  const edge = Math.max(0, ...lines.filter((l) => l.cells.length === 1).map((l) => l.cells[0]!.right));
  const out: PdfLine[] = [];
  for (const line of lines) {
    const above = out[out.length - 1];
    if (above && continuesHeading(above, line, body, edge)) {
      const [a, b] = [above.cells[0]!, line.cells[0]!];
      out[out.length - 1] = { ...above, cells: [{ text: `${a.text} ${b.text}`, left: a.left, right: Math.max(a.right, b.right) }], bottom: line.y };
    } else out.push(line);
  }
  return out;
}

function continuesHeading(above: PdfLine, line: PdfLine, body: number, edge: number): boolean {
  if (above.cells.length !== 1 || line.cells.length !== 1) return false;
  if (above.size < HEADING_SIZE * body || Math.abs(line.size - above.size) > 0.05 * above.size) return false;
  const [a, b] = [above.cells[0]!, line.cells[0]!];
  const step = line.y - (above.bottom ?? above.y);
  if (step <= 0 || step > LINE_STEP * above.size || Math.abs(a.left - b.left) > 0.5 * above.size) return false;
  const firstWord = b.text.split(' ')[0]!;
  const wordWidth = ((b.right - b.left) * firstWord.length) / Math.max(1, b.text.length);
  return a.right + wordWidth + 0.3 * above.size >= edge;
}
