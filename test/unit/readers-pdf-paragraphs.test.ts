/**
 * Body text of an untagged PDF page as a paragraph a line (readers/pdf-paragraphs.ts), on lines placed by hand:
 * a paragraph's wrapped lines are joined; a larger gap, a first-line indent, a heading, a list item, a table row,
 * a line after a colon, a short label line and an amount alone on a line each begin a line of their own. On the
 * committed untagged seed PDF, the paragraphs come out as the seed's text writes them.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { groupLines, lineText, type PdfPiece } from '../../server/src/readers/pdf-lines';
import { joinParagraphLines } from '../../server/src/readers/pdf-paragraphs';
import { pdfReader } from '../../server/src/readers/pdf';
import { DEFAULT_LIMITS } from '../../server/src/readers/reader';

/** A piece of 10 pt text at (x, y), 5 pt a character wide. */
const at = (text: string, x: number, y: number, size = 10): PdfPiece => ({ text, x, y, width: text.length * size * 0.5, size });
/** Lines of a page whose measure is 100 characters (x 20 to 520), 12 pt apart from `y`. */
const page = (lines: (string | [string, number] | null)[], step = 12): PdfPiece[] => {
  const pieces: PdfPiece[] = [];
  let y = 100;
  for (const line of lines) {
    if (line === null) {
      y += step; // an empty line's worth of space: a paragraph gap
      continue;
    }
    const [text, x] = typeof line === 'string' ? [line, 20] : line;
    pieces.push(at(text, x, y));
    y += step;
  }
  return pieces;
};
const FULL = (words: string) => words.padEnd(100, ' x').slice(0, 100).trim();
const joined = (pieces: PdfPiece[]) => joinParagraphLines(groupLines(pieces, 1), 10).map(lineText);

describe('the PDF reader joins a paragraph\'s wrapped lines (untagged pages)', () => {
  const a = FULL('Budgetopfølgningen omfatter områder, der ikke har overførselsadgang mellem budgetårene');
  const b = FULL('forhold gør sig gældende og eventuelle forslag til budgetoverførsler forelægges');

  it('joins lines that fill the measure, at the same left edge and the usual step, into one line', () => {
    assert.deepEqual(joined(page([a, b, 'marts måned 2022.', null, a, 'forhold gør sig gældende.'])), [`${a} ${b} marts måned 2022.`, `${a} forhold gør sig gældende.`]);
  });

  it('begins a new line at a larger gap than the usual step (paragraphs set close together)', () => {
    const pieces = page([a, b, 'i 2022.', a, 'slut.']).map((p, k) => (k >= 3 ? { ...p, y: p.y + 5 } : p));
    assert.deepEqual(joined(pieces), [`${a} ${b} i 2022.`, `${a} slut.`]);
  });

  it('begins a new line at a first-line indent, and joins an indented first line with the lines under it', () => {
    const indented = FULL('Det forventede nettomerforbrug kan hovedsageligt henføres til området').slice(0, 94).trim();
    assert.deepEqual(joined(page([a, 'slut.', [indented, 50], b, 'ende.'])), [`${a} slut.`, `${indented} ${b} ende.`]);
  });

  it('keeps a heading or a label (short, no sentence end) on its own line, even right under a full line', () => {
    assert.deepEqual(joined(page([a, 'Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 2', 'Indstillingen godkendt.'])), [
      a,
      'Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 2',
      'Indstillingen godkendt.',
    ]);
    assert.deepEqual(joined(page([a, 'Beslutning', b])), [a, 'Beslutning', b]);
  });

  it('keeps list items, a line after a colon, an amount alone on a line and a larger heading apart', () => {
    assert.deepEqual(joined(page([a, '- Dagpenge til forsikrede ledige.', a, '2) at der ydes en tillægsbevilling.'])), [a, '- Dagpenge til forsikrede ledige.', a, '2) at der ydes en tillægsbevilling.']);
    const colon = `${a.slice(0, 98)}:`;
    assert.deepEqual(joined(page([colon, b, 'slut.'])), [colon, `${b} slut.`]);
    assert.deepEqual(joined(page([a, b, '250.000 kr.'])), [`${a} ${b}`, '250.000 kr.']);
    const title = FULL('Punkt 2: Budgetopfølgning pr. 30. september 2021 - Erhvervsudvalget Budgetopfølgning');
    assert.deepEqual(joined([at(title, 20, 88, 12), ...page([a, b, 'slut.'])]), [title, `${a} ${b} slut.`]);
  });

  it('joins a date wrapped to a line\'s start ("17. marts 2021"), which looks like a numbered item', () => {
    assert.deepEqual(joined(page([a, '17. marts 2021 orienteret Økonomiudvalget.', a])), [`${a} 17. marts 2021 orienteret Økonomiudvalget.`, a]);
  });

  it('never joins a table row (more than one cell) to a paragraph', () => {
    const pieces = [...page([a, b, a]), at('Beskæftigelse', 20, 136), at('14.359', 300, 136)];
    assert.deepEqual(joined(pieces), [`${a} ${b} ${a}`, 'Beskæftigelse\t14.359']);
  });
});

describe('the untagged seed PDF\'s paragraphs', () => {
  it('come out a paragraph a line, as the seed\'s text writes them', async () => {
    const fixtures = path.join(__dirname, '..', 'fixtures');
    const doc = await pdfReader.read(new Uint8Array(readFileSync(path.join(fixtures, 'archives', 'seed-000-untagged.pdf'))), DEFAULT_LIMITS);
    const seed = readFileSync(path.join(fixtures, '000_1bde0758b15ed079.txt'), 'utf8');
    const lines = new Set(doc.text.split('\n'));
    for (const start of ['Måltallet for hvor mange deltagere', 'Kommunalbestyrelsen har senest godkendt', 'Budgetopfølgningen omfatter områder']) {
      const paragraph = seed.split('\n').find((l) => l.startsWith(start))!;
      assert.ok(paragraph.length > 150, `${start}: a paragraph the page wraps`);
      assert.ok(lines.has(paragraph), start);
    }
  });
});
