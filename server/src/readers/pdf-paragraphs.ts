/**
 * Body text of an untagged page as paragraphs: the lines the page wrapped a paragraph over are joined into one
 * line again, so the text form has a paragraph a line (as a tagged page's paragraph elements give it). A line
 * continues the one above when both are one cell of body text in the same size, it starts at the same left edge
 * (or the line above is the paragraph's indented first line), it stands one normal line step below (the page's
 * usual step between lines; a larger gap is a paragraph break), and the line above filled the measure: the next
 * line's first word would not have fitted before the page's right text edge. Never joined: a table row (more than
 * one cell), a list item (a bullet or a number first), a line in a larger size (a heading), a line after one
 * ending in a colon (it leads into a list or a table), and a line short of the measure without a sentence's end
 * (a heading or a label such as a case number, or a paragraph's last line: a heading must stay on its own line).
 */
import type { PdfLine } from './pdf-lines';

/** A line that starts like a list item: a bullet or dash, or a number or letter with a dot or parenthesis. */
const LIST_ITEM = /^(?:[-–—•▪◦·*]\s|\(?(?:\d{1,3}|[a-zæøå]|[ivx]{1,4})[.)]\s)/iu;
/** A date or an ordinal wrapped to a line's start ("17. marts 2021", "3. kvartal"): no list item after a line that runs on. */
const DATE_FIRST = /^\d{1,2}\.\s(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|kvartal|halvår)\b/iu;
/** A number with at most a unit word after it, alone on a line. */
const LONE_AMOUNT = /^[-–−]?\d[\d.,]*(?:\s\S+)?$/u;
/** A line ending a sentence or a clause (a paragraph may end there). */
const SENTENCE_END = /[.!?]["'»”]?$/u;
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
  // The last line out as the page shows it: for a joined paragraph its last line, whose end says whether it filled the measure.
  let last: PdfLine | undefined;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    const above = out[out.length - 1];
    if (above && last && continues(last, line, lines[k + 1], { body, step, edge, firstOfParagraph })) {
      const [a, b] = [above.cells[0]!, line.cells[0]!];
      out[out.length - 1] = { ...above, cells: [{ text: `${a.text} ${b.text}`, left: a.left, right: Math.max(a.right, b.right) }], bottom: line.y };
      firstOfParagraph = false;
      last = line;
      continue;
    }
    out.push(line);
    firstOfParagraph = true;
    last = line;
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
  // A line short of the measure without a sentence's end may be a heading (a decision's heading, a label such as
  // a case number) or a paragraph's last line; a heading joined to the paragraph above is lost, a last line kept
  // apart costs little: it stays on its own line.
  const next = below?.cells[0];
  const short = next ? !fills(b, next, size, page.edge) : b.right + 2 * size < page.edge;
  // An amount alone on a short line ("250.000 kr.") is a table's cell one a line far more often than a paragraph's end.
  return !(short && (!SENTENCE_END.test(b.text) || LONE_AMOUNT.test(b.text)));
}

/** Whether a line filled the measure: the next line's first word would not have fitted before the right edge. */
function fills(a: { right: number }, next: { left: number; right: number; text: string }, size: number, edge: number): boolean {
  const firstWord = next.text.split(' ')[0]!;
  const wordWidth = ((next.right - next.left) * firstWord.length) / Math.max(1, next.text.length);
  return a.right + wordWidth + 0.3 * size >= edge;
}

/**
 * The page's usual step from one line of a paragraph to the next: the smallest step between lines of body text
 * that recurs (at least twice, and at least a tenth as often as the most common), to a tenth of a point. Not the
 * most common step: on a page of one-line paragraphs that is the step between paragraphs. Undefined when the
 * page has too few lines of body text to tell.
 */
function usualStep(lines: readonly PdfLine[], body: number): number | undefined {
  const counts = new Map<number, number>();
  for (let k = 1; k < lines.length; k++) {
    const [a, b] = [lines[k - 1]!, lines[k]!];
    if (!isProse(a, body) || !isProse(b, body) || a.page !== b.page) continue;
    const step = Math.round((b.y - (a.bottom ?? a.y)) * 10) / 10;
    // Lines of text stand at least a font size apart; closer ones are not two lines of a paragraph.
    if (step >= body && step < 2 * body) counts.set(step, (counts.get(step) ?? 0) + 1);
  }
  const most = Math.max(0, ...counts.values());
  const recurring = [...counts].filter(([, n]) => n >= 2 && n >= 0.1 * most).map(([step]) => step);
  return recurring.length > 0 ? Math.min(...recurring) : undefined;
}
