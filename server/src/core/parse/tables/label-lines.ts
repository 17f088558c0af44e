/**
 * Lines inside a table that carry only a label: a label wrapped onto a line of its own or a group
 * heading over some rows. The tab and the space-aligned readers both take such lines in, so the
 * test and the row they make are written once, here.
 */
import type { Row } from '../../model';
import type { LineIndex } from '../../text/lines';
import { cell } from './cell';

/** A line that ends a sentence or introduces something (".", ":", ";", "!", "?"): no label, no heading. Made once: it runs per line. */
export const SENTENCE_OR_LABEL_END = /[.:;!?]$/;

/**
 * A line of its own inside a table that is a wrapped label or a group heading: short,
 * no sentence end, no tab. Whether it continues a label is for the reader to say.
 */
export function isLabelLine(text: string): boolean {
  return text !== '' && text.length <= 80 && !text.includes('\t') && !text.startsWith('|') && !SENTENCE_OR_LABEL_END.test(text);
}

/** A line of a table with only a label on it (a group heading or a wrapped label). */
export function labelRow(lines: LineIndex, j: number): Row {
  const line = lines.line(j);
  return { line: j, range: lines.textRange(j), cells: [cell(lines, j, line.indent, line.text, 'space')] };
}
