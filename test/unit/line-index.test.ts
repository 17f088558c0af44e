/**
 * The line index's trimmed text and indent of every line (core/text/lines.ts) are what their definitions say:
 * `text` is the clean line trimmed, `indent` the length of the white space trim would take off its start (the
 * line's length when blank). splitLines finds the indent without cutting a trimmed copy of each line.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex } from '../../server/src/core/text/lines';
import { anyUnits, checkProperty, FC_SEED, SEED_TEXTS } from './property-support';

function assertLinesAsDefined(source: string): void {
  for (const line of new LineIndex(source).lines) {
    assert.equal(line.text, line.clean.trim(), `line ${line.index}: text`);
    const indent = line.text === '' ? line.clean.length : line.clean.length - line.clean.trimStart().length;
    assert.equal(line.indent, indent, `line ${line.index}: indent of ${JSON.stringify(line.clean)}`);
  }
}

describe(`the line index's text and indent (fast-check seed ${FC_SEED})`, () => {
  it('of lines indented with every kind of white space trim knows, exotic spaces folded or not', () => {
    const spaces = [' ', '\t', '\v', '\f', '\u00A0', '\uFEFF', '\u1680', '\u2000', '\u200A', '\u2028', '\u2029', '\u202F', '\u205F', '\u3000'];
    for (const space of spaces) assertLinesAsDefined(`${space}${space}Punkt 1 ${space}x${space}\n${space}\n\tBeslutning\n`);
  });

  it('of random UTF-16 text (lone surrogates and control characters included)', async () => {
    await checkProperty('line text and indent', fc.property(anyUnits, (text) => assertLinesAsDefined(text)), 500);
  });

  it('of the seeds', () => {
    for (const text of SEED_TEXTS) assertLinesAsDefined(text);
  });
});
