/**
 * The sections' body lines of a model as numbers, for the trip from the analysis worker to the main thread
 * (analysisPool.ts). A body line is a piece of one line of the text with its range: sent as objects it is
 * most of a large model (55 of the 85 MB a 20 MB document's model serialises to), and the main thread spent
 * longer rebuilding them from the message than the worker took to analyse the text. Sent as four numbers a
 * line (line, first and last column, length of the text) and rebuilt from the main thread's own line index of
 * the same text, they cost a fraction of that; the rebuilt model equals the one sent
 * (test/unit/packed-bodies.test.ts). A body line that is not such a piece is sent as it is.
 */
import type { MinutesDocument, TextRef } from '../core/model';
import type { LineIndex } from '../core/text/lines';

export interface PackedBodies {
  /** Per section, in model order: its count of lines, then per line: line, start, end, text length (line -1: in `others`). Per item after its sections: 1 when its decision's body is its section's body. */
  numbers: Int32Array;
  /** The body lines that are not a piece of one line, in order. */
  others: TextRef[];
}

/** Takes the body lines out of the model's sections (they become empty) and returns them packed. */
export function packBodies(model: MinutesDocument, lines: LineIndex): PackedBodies {
  const numbers: number[] = [];
  const others: TextRef[] = [];
  for (const item of model.items) {
    const sharesBody = item.decision?.section !== undefined && item.decision.body === item.decision.section.body;
    for (const section of item.sections) {
      numbers.push(section.body.length);
      for (const ref of section.body) {
        const { start, end } = ref.range;
        const line = start.line === end.line && start.line >= 0 && start.line < lines.lineCount ? lines.line(start.line) : undefined;
        if (line && !line.blanked && line.clean.slice(start.character, start.character + ref.text.length) === ref.text) {
          numbers.push(start.line, start.character, end.character, ref.text.length);
        } else {
          numbers.push(-1, 0, 0, 0);
          others.push(ref);
        }
      }
      section.body = [];
    }
    if (sharesBody) item.decision!.body = [];
    numbers.push(sharesBody ? 1 : 0);
  }
  return { numbers: Int32Array.from(numbers), others };
}

/** Puts the body lines back, read from `lines` (an index of the same text the worker analysed). */
export function unpackBodies(model: MinutesDocument, packed: PackedBodies, lines: LineIndex): void {
  const { numbers, others } = packed;
  let at = 0;
  let other = 0;
  for (const item of model.items) {
    for (const section of item.sections) {
      const count = numbers[at++];
      const body: TextRef[] = new Array(count);
      for (let k = 0; k < count; k++) {
        const l = numbers[at];
        const start = numbers[at + 1];
        const end = numbers[at + 2];
        const length = numbers[at + 3];
        at += 4;
        if (l < 0) {
          body[k] = others[other++];
          continue;
        }
        const line = lines.line(l);
        // The line's own trimmed text when the piece is it (most are): no new string.
        const text = start === line.indent && length === line.text.length ? line.text : line.clean.slice(start, start + length);
        body[k] = { text, range: { start: { line: l, character: start }, end: { line: l, character: end } } };
      }
      section.body = body;
    }
    if (numbers[at++] === 1) item.decision!.body = item.decision!.section!.body;
  }
}
