/**
 * Minutes in a template Referat has no profile for: the generic profile must read
 * them and raise no false alarms. The fixtures are hand-made in forms other
 * municipalities use (inline "Beslutning: …", "Pkt. 12:", a committee line).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/core/analyze';
import { FIXTURES } from './helpers';

const fixture = (name: string) => readFileSync(path.join(FIXTURES, 'generic', name), 'utf8');

describe('generic profile on an unknown template', () => {
  const a = analyze(fixture('inline-headings.txt'));

  it('reads the header: committee line and date', () => {
    assert.equal(a.model.profile, 'generic');
    assert.equal(a.model.kind, 'referat');
    assert.equal(a.model.header?.committee?.text, 'Økonomiudvalget');
    assert.equal(a.model.header?.date?.iso, '2022-02-08');
  });

  it('reads "Pkt. 12:" items and headings with their text on the same line', () => {
    assert.deepEqual(a.model.items.map((i) => [i.number, i.title, i.caseNumber?.text]), [
      [12, 'Budgetopfølgning 2022', '22/1234'],
      [13, 'Salg af grund', '22/1300'],
    ]);
    const [p12] = a.model.items;
    assert.deepEqual(p12.sections.map((s) => [s.heading, s.role]), [
      ['Sagsfremstilling', 'presentation'], ['Indstilling', 'recommendation'], ['Beslutning', 'decision'],
    ]);
    assert.equal(p12.decision?.text, 'Taget til efterretning.');
    assert.equal(p12.decision?.outcome, 'noted');
    assert.deepEqual(p12.sections[2].headingRange, { start: { line: 15, character: 0 }, end: { line: 15, character: 12 } });
    assert.equal(a.model.items[1].decision?.outcome, 'approved');
  });

  it('raises nothing: the document is complete', () => {
    assert.deepEqual(a.findings.map((f) => f.code), []);
  });

  it('still reports an empty inline decision', () => {
    const b = analyze(fixture('inline-headings.txt').replace('Beslutning: Godkendt.', 'Beslutning:'));
    assert.ok(b.findings.some((f) => f.code === 'RF040' || f.code === 'RF005'), JSON.stringify(b.findings.map((f) => f.code)));
  });
});
