/**
 * Totals read from positions are reported with lower confidence (issue 25): a table whose rows the PDF reader
 * laid out from an untagged page's text positions (wide gaps taken as cell breaks) is a guess about where its
 * cells begin, so a sum on it that does not add up is reported one step lower (error → warning, warning →
 * information) with a sentence saying the table was read from the PDF's layout. The same table read by a
 * tagged PDF's structure tree, and the seed's own text, keep full confidence. The fixtures are the committed
 * seed 000 PDFs (test/fixtures/archives/, `npm run fixtures:archives`).
 */
import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import type { Finding } from '../../server/src/core/model';
import { pdfReader } from '../../server/src/readers/pdf';
import { DEFAULT_LIMITS, spansOf, type ReadDocument } from '../../server/src/readers/reader';
import { archive } from './readers-support';

const LAYOUT_DA = /Tabellen er læst ud fra PDF'ens layout/;
const LAYOUT_EN = /The table was read from the PDF's layout/;

/** The findings of a reading as the CLI and the server analyse it: its format and the lines laid out by position. */
const findingsOf = (doc: ReadDocument, text = doc.text): Finding[] => analyze(text, { sourceFormat: doc.format, laidOut: doc.laidOut }).findings;

/** The text with the total of the table of courses (1.303 = 471 + 567 + 114 + 151, and 635 + 668) made wrong. */
function wrongTotal(doc: ReadDocument): string {
  const lines = doc.text.split('\n');
  const at = lines.indexOf('I alt\t1.303\t635\t668');
  assert.ok(at >= 0, 'the total row of the table of courses, as the seed writes it');
  lines[at] = 'I alt\t1.313\t635\t668';
  return lines.join('\n');
}

describe('table sums on a table read from a PDF\'s layout (untagged) are reported one step lower', () => {
  let tagged: ReadDocument;
  let untagged: ReadDocument;
  before(async () => {
    tagged = await pdfReader.read(archive('seed-000-tagged.pdf'), DEFAULT_LIMITS);
    untagged = await pdfReader.read(archive('seed-000-untagged.pdf'), DEFAULT_LIMITS);
  });

  it('the reader says which lines it laid out by position: all of an untagged PDF, none of the tagged one', () => {
    assert.equal(tagged.laidOut, undefined);
    const lines = untagged.text.split('\n');
    const row = lines.findIndex((l) => l.endsWith('\t751'));
    assert.ok(untagged.laidOut!.some((s) => s.from <= row && s.to >= row), 'the 751 row');
    assert.deepEqual(untagged.laidOut, [{ from: 0, to: lines.length - 1 }]);
  });

  it('a wrong total on the untagged PDF\'s table: warnings (not errors) that say the table was read from the layout', () => {
    const findings = findingsOf(untagged, wrongTotal(untagged)).filter((f) => f.code === 'RF101' || f.code === 'RF102');
    assert.deepEqual([...new Set(findings.map((f) => f.code))], ['RF101']);
    for (const f of findings) {
      assert.equal(f.severity, 'warning', `${f.code}: ${f.message.en}`);
      assert.match(f.message.da, LAYOUT_DA);
      assert.match(f.message.en, LAYOUT_EN);
    }
  });

  it('the same wrong total on the tagged PDF\'s table: errors, with no layout note', () => {
    const findings = findingsOf(tagged, wrongTotal(tagged)).filter((f) => f.code === 'RF101' || f.code === 'RF102');
    assert.deepEqual([...new Set(findings.map((f) => f.code))], ['RF101']);
    for (const f of findings) {
      assert.equal(f.severity, 'error', f.code);
      assert.doesNotMatch(f.message.da, LAYOUT_DA);
    }
  });

  it('the seed\'s glued marker (RF103, a warning) is an information on the untagged PDF and a warning on the tagged one', () => {
    const [fromLayout] = findingsOf(untagged);
    const [fromStructure] = findingsOf(tagged);
    assert.deepEqual([fromLayout!.code, fromLayout!.severity], ['RF103', 'information']);
    assert.match(fromLayout!.message.da, LAYOUT_DA);
    assert.deepEqual([fromStructure!.code, fromStructure!.severity], ['RF103', 'warning']);
    assert.doesNotMatch(fromStructure!.message.da, LAYOUT_DA);
  });

  it('a severity the user set for the rule still wins', () => {
    const config = { rules: { RF101: 'error' as const } };
    const findings = analyze(wrongTotal(untagged), { config, sourceFormat: 'pdf', laidOut: untagged.laidOut }).findings.filter((f) => f.code === 'RF101');
    assert.ok(findings.length > 0);
    for (const f of findings) assert.equal(f.severity, 'error');
  });

  it('a table outside the lines laid out keeps full confidence (only the spans count)', () => {
    const text = wrongTotal(untagged);
    const row = text.split('\n').indexOf('I alt\t1.313\t635\t668');
    const elsewhere = [{ from: row + 40, to: row + 60 }];
    const findings = analyze(text, { sourceFormat: 'pdf', laidOut: elsewhere }).findings.filter((f) => f.code === 'RF101');
    assert.ok(findings.length > 0);
    for (const f of findings) assert.equal(f.severity, 'error');
  });

  it('spans join consecutive flagged lines', () => {
    assert.deepEqual(spansOf([true, true, false, true, false, false, true, true, true]), [
      { from: 0, to: 1 },
      { from: 3, to: 3 },
      { from: 6, to: 8 },
    ]);
    assert.deepEqual(spansOf([]), []);
  });
});
