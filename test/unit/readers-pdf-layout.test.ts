/**
 * How the PDF reader lays out an untagged page from the positions of its text (readers/pdf-lines.ts,
 * pdf-columns.ts, pdf-headings.ts, pdf-furniture.ts), on pieces placed by hand: lines by baseline, wide gaps
 * as cell breaks, table rows in columns, wrapped labels and headings joined, furniture by recurrence.
 */
import * as assert from 'node:assert/strict';
import { alignTables } from '../../server/src/readers/pdf-columns';
import { furnitureOf, type PageLines } from '../../server/src/readers/pdf-furniture';
import { rejoinCentredLabels } from '../../server/src/readers/pdf-centred';
import { joinHeaderBands } from '../../server/src/readers/pdf-header-band';
import { joinWrappedHeadings } from '../../server/src/readers/pdf-headings';
import { rowsOfBlocks } from '../../server/src/readers/pdf-rows';
import { groupLines, lineText, type PdfPiece } from '../../server/src/readers/pdf-lines';

/** A piece of 10 pt text at (x, y), 5 pt a character wide. */
const at = (text: string, x: number, y: number, size = 10): PdfPiece => ({ text, x, y, width: text.length * size * 0.5, size });
const texts = (pieces: PdfPiece[]) => alignTables(groupLines(pieces, 1)).map(lineText);

describe('the PDF reader\'s lines from positions', () => {
  it('groups pieces by baseline whatever their order, a raised footnote mark on its line, and orders them by x', () => {
    const lines = groupLines([at('verden', 40, 100), at('Hej', 20, 100.5), at('1', 70, 97, 6), at('Næste linje', 20, 112)], 1);
    assert.deepEqual(lines.map(lineText), ['Hej verden1', 'Næste linje']);
  });

  it('makes a gap of about a font size a cell break, a word\'s gap a space, and spaces-only pieces only gaps', () => {
    assert.deepEqual(texts([at('1.', 20, 100), at(' ', 30, 100), at('Meddelelser', 31, 100), at('3', 300, 100)]), ['1. Meddelelser\t3']);
    assert.deepEqual(texts([at('1.', 20, 100), at('Meddelelser', 40, 100)]), ['1.\tMeddelelser']);
  });

  it('puts a short row\'s cells under the columns they stand in, empty cells where the PDF has none', () => {
    const rows = texts([
      at('Måltal', 200, 100), at('Realiseret', 300, 100),
      at('Gennemført', 20, 112), at('90', 210, 112), at('78', 310, 112),
      at('I alt', 20, 124), at('100', 305, 124),
    ]);
    assert.deepEqual(rows, ['\tMåltal\tRealiseret', 'Gennemført\t90\t78', 'I alt\t\t100']);
  });

  it('joins a row\'s label wrapped onto the line below, and a continuation row filling the row\'s empty cells', () => {
    const rows = texts([
      at('Drift', 20, 100), at('1.000', 300, 100),
      at('Forløbsprogrammer (træning samt', 20, 112), at('1.370.000', 300, 112),
      at('koordination)', 20, 124),
      at('I alt', 20, 136), at('2.370.000', 300, 136),
    ]);
    assert.deepEqual(rows, ['Drift\t1.000', 'Forløbsprogrammer (træning samt koordination)\t1.370.000', 'I alt\t2.370.000']);
    const contents = texts([at('5.', 20, 100), at('Prioritering af midler til', 40, 100), at('9', 300, 100), at('6.', 20, 112), at('Kronisk syge og', 40, 112), at('ældre', 40, 124), at('10', 300, 124)]);
    assert.deepEqual(contents, ['5.\tPrioritering af midler til\t9', '6.\tKronisk syge og ældre\t10']);
  });

  it('puts back a label wrapped over two or three lines beside figures centred in their cells', () => {
    const read = (pieces: PdfPiece[]) => alignTables(rejoinCentredLabels(groupLines(pieces, 1))).map(lineText);
    // Two lines: the figures half a line below the first, half a line above the second.
    assert.deepEqual(read([at('Drift udenfor', 20, 100), at('898.124', 200, 105.5), at('914.591', 300, 105.5), at('servicerammen', 20, 111)]), ['Drift udenfor servicerammen\t898.124\t914.591']);
    // Three lines: the figures on the middle line's baseline, the label reading on from line to line.
    assert.deepEqual(
      read([at('Indtægter -', 20, 100), at('skatter og generelle', 20, 111), at('-3.606.675', 200, 111), at('-3.627.175', 300, 111), at('tilskud', 20, 122)]),
      ['Indtægter - skatter og generelle tilskud\t-3.606.675\t-3.627.175'],
    );
    // A heading above a one-row table and a note below, the same distance off: not a label (no reading on).
    assert.deepEqual(read([at('Budget', 20, 100), at('Drift', 20, 111), at('100', 200, 111), at('Kilde', 20, 122)]), ['Budget', 'Drift\t100', 'Kilde']);
  });

  it('makes a header wrapped over a band of short lines above the figures one row, each column\'s words joined', () => {
    const read = (pieces: PdfPiece[]) => joinHeaderBands(alignTables(groupLines(pieces, 1))).map(lineText);
    const rows = read([
      at('Tabel 1. Budget', 20, 80),
      at('Forventet', 300, 96), at('Oprindeligt', 200, 101), at('afvigelse', 300, 106),
      at('1.000 kr.', 20, 111), at('budget', 200, 111), at('i alt', 300, 116),
      at('Drift', 20, 130), at('1.200', 200, 130), at('-30', 300, 130),
      at('Anlæg', 20, 142), at('300', 200, 142), at('10', 300, 142),
    ]);
    assert.deepEqual(rows, ['Tabel 1. Budget', '1.000 kr.\tOprindeligt budget\tForventet afvigelse i alt', 'Drift\t1.200\t-30', 'Anlæg\t300\t10']);
    // One line above the figures (a sentence introducing them) is no header band.
    assert.deepEqual(read([at('Tallene er:', 20, 118), at('Drift', 20, 130), at('1.200', 200, 130)]), ['Tallene er:', 'Drift\t1.200']);
  });

  it('leaves a paragraph after a table as it is, and never joins figures', () => {
    const rows = texts([at('Drift', 20, 100), at('1.000', 300, 100), at('I alt', 20, 112), at('1.000', 300, 112), at('Udvalget godkendte budgettet for hele perioden og bad om en ny opgørelse.', 20, 124)]);
    assert.deepEqual(rows, ['Drift\t1.000', 'I alt\t1.000', 'Udvalget godkendte budgettet for hele perioden og bad om en ny opgørelse.']);
  });

  it('joins a heading the page wrapped (larger text, a full line), not body lines nor a short heading line', () => {
    const body = 'Teksten i punktet er skrevet i brødtekst, der fylder linjen ud til højre kant af siden.';
    const lines = joinWrappedHeadings(groupLines([
      at('Punkt 4: Status for partnerskabet med den erhvervsdrivende fond', 20, 100, 14),
      at('Væksthuset', 20, 117, 14),
      at('Ekstraordinært møde', 20, 140, 14),
      at('Torsdag den 20. juni', 20, 157, 14),
      at(body, 20, 180), at(body, 20, 192), at('som her fortsætter', 20, 204),
    ], 1));
    assert.deepEqual(lines.map(lineText), ['Punkt 4: Status for partnerskabet med den erhvervsdrivende fond Væksthuset', 'Ekstraordinært møde', 'Torsdag den 20. juni', body, body, 'som her fortsætter']);
  });
});

describe('the PDF reader on a tagged table not tagged as one (each cell a paragraph)', () => {
  it('makes the blocks side by side on one baseline one row, aligns the run in columns, one block, and leaves the rest', () => {
    let block = 0;
    const blocks = (pieces: PdfPiece[]) => pieces.map((p) => ({ line: groupLines([p], 1)[0]!, block: block++ }));
    const read = rowsOfBlocks(
      blocks([
        at('Budgettet for 2025 er vedtaget som nedenfor.', 20, 88),
        at('Udvalg', 20, 100), at('2025', 300, 100), at('2026', 400, 100),
        at('Økonomiudvalget', 20, 112), at('10', 300, 112), at('12', 400, 112),
        at('I alt', 20, 124), at('22', 400, 124),
        at('Godkendt.', 20, 140),
      ]),
    );
    assert.deepEqual(read.map((r) => lineText(r.line)), ['Budgettet for 2025 er vedtaget som nedenfor.', 'Udvalg\t2025\t2026', 'Økonomiudvalget\t10\t12', 'I alt\t\t22', 'Godkendt.']);
    assert.equal(new Set(read.slice(1, 4).map((r) => r.block)).size, 1, 'the rows are one block');
    assert.notEqual(read[0]!.block, read[1]!.block);
  });
});

describe('the PDF reader\'s page furniture', () => {
  const page = (n: number, pieces: PdfPiece[]): PageLines => ({ page: n, height: 800, lines: groupLines(pieces, n) });

  it('leaves out what recurs at the same height in the margins of most pages, page numbers changing, and print marks', () => {
    const pages = [1, 2, 3].map((n) =>
      page(n, [at('Referat for Økonomiudvalget', 20, 30), at(`Side ${n}`, 500, 30), at(`${n} of 3`, 500, 780), at(`Brødtekst ${n}`, 20, 400), at('Beslutning', 20, 200)]),
    );
    const furniture = furnitureOf(pages);
    const kept = pages.flatMap((p) => p.lines.filter((l) => !furniture.has(l)).map(lineText));
    assert.deepEqual(kept, ['Beslutning', 'Brødtekst 1', 'Beslutning', 'Brødtekst 2', 'Beslutning', 'Brødtekst 3']);
  });

  it('keeps a line that recurs on too few pages, and one in the margin of a single page unless it is a page mark', () => {
    const pages = [page(1, [at('Dagsorden', 20, 30), at('Side 1 af 1', 500, 780)]), page(2, [at('Bilag', 20, 30)]), page(3, [at('Noter', 20, 30)])];
    const furniture = furnitureOf(pages);
    assert.deepEqual(pages.flatMap((p) => p.lines.filter((l) => !furniture.has(l)).map(lineText)), ['Dagsorden', 'Bilag', 'Noter']);
  });
});
