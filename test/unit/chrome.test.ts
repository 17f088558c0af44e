/**
 * findChrome's running headers and footers ("Teknikudvalget, 4. marts 2024 Side 2"): a line ending in a digit
 * is looked at only when it ends like a page number, in any letter case and with any blanks, as before folding.
 */
import * as assert from 'node:assert/strict';
import { findChrome } from '../../server/src/core/parse/chrome';
import { LineIndex } from '../../server/src/core/text/lines';

function chromeOf(lines: string[]): number[] {
  return findChrome(new LineIndex(lines.join('\n'))).lines;
}

describe('findChrome running headers', () => {
  it('finds a recurring header ending in a page number, in capitals, with "af N" and runs of blanks', () => {
    const lines = [
      'Teknikudvalget, 4. marts 2024   SIDE 2 AF 5',
      'Prose that ends in a year, as in budget 2024',
      'Teknikudvalget, 4. marts 2024 side\t3 af\t5',
      'Beløbet er 1.250.000',
    ];
    assert.deepEqual(chromeOf(lines), [0, 2]);
  });

  it('leaves lines that end in a year or an amount, however often they recur', () => {
    const lines = ['Budgettet for perioden 2024-2027 er vedtaget i 2024', 'Budgettet for perioden 2024-2027 er vedtaget i 2024'];
    assert.deepEqual(chromeOf(lines), []);
  });
});
