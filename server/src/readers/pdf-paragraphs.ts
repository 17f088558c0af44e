/**
 * Body text of an untagged page as paragraphs: the lines the page wrapped a paragraph over are joined into one
 * line again, so the text form has a paragraph a line (as a tagged page's paragraph elements give it). A line
 * continues the one above when both are one cell of body text in the same size, it starts at the same left edge
 * (or the line above is the paragraph's indented first line), it stands one normal line step below (the page's
 * usual step between lines; a larger gap is a paragraph break), and the line above filled the measure: the next
 * line's first word would not have fitted before the page's right text edge. Never joined: a table row (more than
 * one cell), a list item (a bullet or a number first), a line in a larger size (a heading), a line after one
 * ending in a colon (it leads into a list or a table), and a short line without a sentence's end that has more
 * text under it (a heading or a label such as a case number: whether it ends a paragraph is then unsure, and a
 * heading must stay on its own line).
 */
import type { PdfLine } from './pdf-lines';

/** A line that starts like a list item: a bullet or dash, or a number or letter with a dot or parenthesis. */
const LIST_ITEM = /^(?:[-–—•▪◦·*]\s|\(?(?:\d{1,3}|[a-zæøå]|[ivx]{1,4})[.)]\s)/iu;
/** A date or an ordinal wrapped to a line's start ("17. marts 2021", "3. kvartal"): no list item after a line that runs on. */
const DATE_FIRST = /^\d{1,2}\.\s(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|kvartal|halvår)\b/iu;
/** A line ending a sentence or a clause (a paragraph may end there). */
const SENTENCE_END = /[.!?;)\]»”"']$/u;
/** A short line without a sentence's end is a heading or a label when it has at most this many words. */
const LABEL_WORDS = 6;
/** A continuation starts within this (times the font size) of the line above's left edge. */
const SAME_LEFT = 0.5;
/** An indented first line starts at most this much (times the font size) right of the lines under it. */
const FIRST_LINE_INDENT = 4;
/** A continuation stands no further below than this times the page's usual line step. */
const NORMAL_STEP = 1.15;

export function joinParagraphLines(lines: readonly PdfLine[], body: number): PdfLine[] {
  const step = usualStep(lines, body);
  if (step === undefined) return [...lines];
  const edge = Math.max(0, ...lines.filter((l) => isProse(l, body)).map((l) => l.cells[0]!.right));
  const out: PdfLine[] = [];
  // Whether the last line out is a paragraph's first line (it may be indented; a continuation is not).
  let firstOfParagraph = true;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    const above = out[out.length - 1];
    if (above && continues(above, line, lines[k + 1], { body, step, edge, firstOfParagraph })) {
      const [a, b] = [above.cells[0]!, line.cells[0]!];
      out[out.length - 1] = { ...above, cells: [{ text: `${a.text} ${b.text}`, left: a.left, right: Math.max(a.right, b.right) }], bottom: line.y };
      firstOfParagraph = false;
      continue;
    }
    out.push(line);
    firstOfParagraph = true;
  }
  return out;
}

interface Page {
  body: number;
  step: number;
  edge: number;
  firstOfParagraph: boolean;
}

/** One cell of text in the page's body size. */
function isProse(line: PdfLine, body: number): boolean {
  return line.cells.length === 1 && Math.abs(line.size - body) <= 0.05 * body;
}

function continues(above: PdfLine, line: PdfLine, below: PdfLine | undefined, page: Page): boolean {
  if (above.page !== line.page || !isProse(above, page.body) || !isProse(line, page.body)) return false;
  const [a, b] = [above.cells[0]!, line.cells[0]!];
  const size = page.body;
  const gap = line.y - (above.bottom ?? above.y);
  if (gap <= 0 || gap > NORMAL_STEP * page.step) return false;
  const indent = a.left - b.left;
  const sameLeft = Math.abs(indent) <= SAME_LEFT * size;
  const indentedFirst = page.firstOfParagraph && indent > SAME_LEFT * size && indent <= FIRST_LINE_INDENT * size;
  if (!sameLeft && !indentedFirst) return false;
  if (/:$/.test(a.text)) return false;
  if (LIST_ITEM.test(b.text) && !(DATE_FIRST.test(b.text) && !SENTENCE_END.test(a.text))) return false;
  if (!fills(a, b, size, page.edge)) return false;
  // A short line with more text under it, and no sentence's end: a heading or a label, kept on its own line.
  const short = !fills(b, below?.cells[0] ?? b, size, page.edge);
  const under = below !== undefined && below.page === line.page && below.y - line.y <= 2 * page.step;
  if (short && under && !SENTENCE_END.test(b.text) && b.text.split(' ').length <= LABEL_WORDS) return false;
  return true;
}

/** Whether a line filled the measure: the next line's first word would not have fitted before the right edge. */
function fills(a: { right: number }, next: { left: number; right: number; text: string }, size: number, edge: number): boolean {
  const firstWord = next.text.split(' ')[0]!;
  const wordWidth = ((next.right - next.left) * firstWord.length) / Math.max(1, next.text.length);
  return a.right + wordWidth + 0.3 * size >= edge;
}

/**
 * The page's usual step from one line of body text to the next (the most common, to a tenth of a point), or
 * undefined when the page has too few such lines to tell.
 */
function usualStep(lines: readonly PdfLine[], body: number): number | undefined {
  const counts = new Map<number, number>();
  for (let k = 1; k < lines.length; k++) {
    const [a, b] = [lines[k - 1]!, lines[k]!];
    if (!isProse(a, body) || !isProse(b, body) || a.page !== b.page) continue;
    const step = Math.round((b.y - (a.bottom ?? a.y)) * 10) / 10;
    if (step > 0 && step < 2 * body) counts.set(step, (counts.get(step) ?? 0) + 1);
  }
  let best: number | undefined;
  let most = 1;
  for (const [step, n] of counts) if (n > most || (n === most && best !== undefined && step < best)) [best, most] = [step, n];
  return best;
}
