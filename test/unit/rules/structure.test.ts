/**
 * Structure rules: RF001 missing decision, RF002 missing Indstilling, RF003 missing
 * section, RF004 section order, RF005 empty section, RF006 repeated section, RF010
 * item numbering, RF011 table of contents, RF040 empty decision.
 *
 * Hand-made fixtures in test/fixtures/rules/structure/ each have a sidecar
 * `<name>.expected.json` with the exact set of { line (1-based), code } these rules
 * report; other rules' findings are ignored here. The seeds are checked directly.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../server/src/core/analyze';
import type { Finding, Range } from '../../../server/src/core/model';
import { parseDocument } from '../../../server/src/core/parse/index';
import { builtinProfiles } from '../../../server/src/core/profiles/builtin';
import { RULES } from '../../../server/src/core/rules/index';
import { foldTocTitle } from '../../../server/src/core/rules/RF011-toc-mismatch';
import { insertSectionEdit, MISSING_TEXT } from '../../../server/src/core/sections';
import { analyzeSeed, FIXTURES, SEEDS, seedNames, seedText } from '../helpers';
import { codesTagged, describeRegistration, describeFixtures } from './conventions';
import { applyEdits, assertReported } from './text-helpers';

const CODES = codesTagged('structure');
const DIR = path.join(FIXTURES, 'rules', 'structure');

const fixture = (name: string) => readFileSync(path.join(DIR, name), 'utf8');
const ours = (findings: Finding[]) => findings.filter((f) => CODES.includes(f.code));
const check = (text: string, config?: Parameters<typeof analyze>[1]) => ours(analyze(text, config).findings);
const only = (text: string, code: string) => check(text).filter((f) => f.code === code);
const range = (line: number, from: number, toLine: number, to: number): Range => ({
  start: { line, character: from },
  end: { line: toLine, character: to },
});

describeRegistration('structure rules: registration and docs', 'structure');


describeFixtures('structure rules: fixtures with expected findings', DIR, { atLeast: 10 });


describe('RF001 missing-decision', () => {
  const text = fixture('referat-defects.txt');

  it('reports a referat item without a decision, as an error on its number and title, pointing at the Indstilling', () => {
    const [f] = only(text, 'RF001');
    assert.equal(f.severity, 'error');
    assert.deepEqual(f.range, range(10, 6, 10, 20)); // "2: Budget 2022" on "Punkt 2: Budget 2022"
    assertReported(f, 'missing', { number: 2, title: 'Budget 2022' });
    assert.deepEqual(f.related?.map((r) => r.range.start.line), [22]);
    // The fix inserts the heading with a placeholder; it is never safe (fix-all must not invent decisions).
    assert.deepEqual(f.fixes?.map((x) => [x.title.da, Boolean(x.safe)]), [['Indsæt afsnittet »Beslutning«', false]]);
  });

  it('does not report a dagsorden without decisions', () => {
    const agenda = 'DAGSORDEN Erhvervsudvalget d. 03-11-2021\n\nPunkt 1: Budget\n\nResumé\n\nTekst.\n\nSagsfremstilling\n\nTekst.\n\nIndstilling\n\nDirektionen foreslår, at budgettet godkendes.\n';
    assert.equal(analyze(agenda).model.kind, 'dagsorden');
    assert.deepEqual(only(agenda, 'RF001'), []);
  });

  it('does not report exempt items: Meddelelser, closed items, the signature page, Eventuelt', () => {
    const { model, findings } = analyze(fixture('referat-clean.txt'));
    assert.deepEqual(model.items.filter((i) => i.exempt).map((i) => i.number), [1, 4, 5]);
    assert.deepEqual(ours(findings), []);
    const generic = 'Referat\n\nPunkt 1: Budget\n\nBeslutning\n\nGodkendt.\n\nPunkt 2: Eventuelt\n\nIntet.\n\nPunkt 3: Underskriftsark\n\nUnderskrifter.\n\nPunkt 4: Orientering om trafik\n\nOrienteringen blev givet.\n';
    assert.deepEqual(only(generic, 'RF001'), []);
    assert.deepEqual(only(generic.replace('Punkt 4: Orientering om trafik', 'Punkt 4: Trafikplan'), 'RF001').map((f) => f.range.start.line), [16]);
  });

  it('follows the template: a workspace profile that does not require decisions gets none reported', () => {
    const profiles = [{ id: 'raad', name: 'Rådet', extends: 'generic', required: { referat: [] as never[] } }];
    const referat = 'Referat\n\nPunkt 1: Budget\n\nBeslutning\n\nGodkendt.\n\nPunkt 2: Skoler\n\nTekst.\n';
    assert.equal(only(referat, 'RF001').length, 1);
    assert.deepEqual(check(referat, { config: { profile: 'raad', profiles } }).filter((f) => f.code === 'RF001'), []);
  });
});

describe('RF002 missing-recommendation', () => {
  it('is an error in a referat, with a fix inserting "Indstilling" after the Sagsfremstilling', () => {
    const text = fixture('referat-defects.txt');
    const [f] = only(text, 'RF002');
    assert.equal(f.severity, 'error');
    assert.deepEqual(f.range, range(30, 6, 30, 24));
    assertReported(f, 'missing', { number: 3, title: 'Delegationsplan', heading: 'Indstilling', profile: 'Rudersdal Kommune' });
    assert.equal(f.fixes?.length, 1);
    const fix = f.fixes![0];
    assert.notEqual(fix.safe, true);
    assert.deepEqual(fix.edits, [{ range: range(38, 33, 38, 33), newText: `\n\nIndstilling\n\n${MISSING_TEXT}` }]);
    const fixed = applyEdits(text, fix.edits);
    assert.ok(fixed.includes(`Rettelserne er markeret med rødt.\n\nIndstilling\n\n${MISSING_TEXT}\n\nVedtagelse i Erhvervsudvalget den 03-11-2021`));
    const after = check(fixed);
    assert.equal(after.filter((x) => x.code === 'RF002').length, 0);
    // The placeholder is still reported until the clerk writes the text.
    const placeholder = after.filter((x) => x.code === 'RF005' && x.range.start.line === 40);
    assert.equal(placeholder.length, 1);
    assert.match(placeholder[0].message.da, /står stadig som »\[Tekst mangler\]«/);
  });

  it('is a warning in a dagsorden, and the fix copies the Markdown heading style of the document', () => {
    const text = fixture('dagsorden-defects.md');
    const [f] = only(text, 'RF002');
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.range, range(32, 5, 32, 40));
    assert.match(f.message.da, /i dagsordenen/);
    // After "#### **Vurdering**", the last present section that precedes Indstilling in the template's order.
    assert.deepEqual(f.fixes?.[0].edits, [{ range: range(46, 54, 46, 54), newText: `\n\n#### **Indstilling**\n\n${MISSING_TEXT}` }]);
    const fixed = applyEdits(text, f.fixes![0].edits);
    const item = analyze(fixed).model.items[1];
    assert.deepEqual(item.sections.map((s) => s.role), ['presentation', 'economy', 'assessment', 'recommendation']);
    assert.deepEqual(item.sections[3].decoration, { before: '#### **', after: '**' });
  });

  it('keeps the document\'s CRLF line endings in the fix', () => {
    const text = fixture('referat-defects.txt').replace(/\n/g, '\r\n');
    const [f] = only(text, 'RF002');
    assert.equal(f.fixes?.[0].edits[0].newText, `\r\n\r\nIndstilling\r\n\r\n${MISSING_TEXT}`);
    assert.equal(only(applyEdits(text, f.fixes![0].edits), 'RF002').length, 0);
  });

  it('is not reported where the template requires no Indstilling (generic) or for exempt items (the signature page)', () => {
    assert.deepEqual(only('Referat\n\nPunkt 1: Budget\n\nBeslutning\n\nGodkendt.\n', 'RF002'), []);
    const { model } = analyze(fixture('ballerup-clean.txt'));
    assert.equal(model.items[3].title, 'Godkendelse af referat (underskriftside)');
    assert.deepEqual(only(fixture('ballerup-clean.txt'), 'RF002'), []);
  });
});

describe('RF003 missing-section', () => {
  it('reports each required section that is missing, with a fix at the template position', () => {
    const [f] = only(fixture('referat-defects.txt'), 'RF003');
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.range, range(44, 6, 44, 30));
    assertReported(f, 'missing', { number: 4, title: 'Status for Væksthuset', heading: 'Resumé', profile: 'Rudersdal Kommune' });
    // Resumé is first in the order: it goes before the first present section that follows it.
    assert.deepEqual(f.fixes?.[0].edits, [{ range: range(46, 0, 46, 0), newText: `Resumé\n\n${MISSING_TEXT}\n\n` }]);
  });

  it('inserts a Markdown section in the style the document uses for that section elsewhere', () => {
    const text = fixture('dagsorden-defects.md');
    const [f] = only(text, 'RF003');
    assert.match(f.message.en, /item 3 "Kulturpulje 2013" lacks the section "Sagsfremstilling" \(case presentation\)/);
    // Item 1 writes "### **Sagsfremstilling**"; the item's own neighbour is "#### **Økonomi**".
    assert.deepEqual(f.fixes?.[0].edits, [{ range: range(54, 0, 54, 0), newText: `### **Sagsfremstilling**\n\n${MISSING_TEXT}\n\n` }]);
    const fixed = applyEdits(text, f.fixes![0].edits);
    assert.deepEqual(analyze(fixed).model.items[2].sections.map((s) => s.role), ['presentation', 'economy', 'recommendation']);
    assert.equal(only(fixed, 'RF003').length, 0);
  });

  it('does not offer a fix for a section read only by its first line (Ballerup\'s count "Bilag")', () => {
    const { model } = analyze(fixture('ballerup-defects.txt'));
    const profile = builtinProfiles().get('ballerup');
    assert.equal(insertSectionEdit(model, profile, model.items[0], 'attachmentCount'), null);
    assert.notEqual(insertSectionEdit(model, profile, model.items[0], 'presentation'), null);
  });

  it('reports Ballerup\'s missing Sagsfremstilling and inserts it after the last section before it in the order', () => {
    const text = fixture('ballerup-defects.txt');
    const [f] = only(text, 'RF003');
    assert.match(f.message.da, /»Sagsfremstilling«/);
    assert.deepEqual(f.fixes?.[0].edits, [{ range: range(20, 18, 20, 18), newText: `\n\nSagsfremstilling\n\n${MISSING_TEXT}` }]);
  });
});

describe('RF004 section-order', () => {
  it('reports the first heading out of the template order and names where it belongs', () => {
    const [f] = only(fixture('referat-defects.txt'), 'RF004');
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.range, range(68, 0, 68, 16));
    assertReported(f, 'outOfPlace', { heading: 'Sagsfremstilling', number: 5, title: 'Møde med Handicaprådet', profile: 'Rudersdal Kommune', before: 'Indstilling' });
    assert.match(f.message.da, /\(efter »Resumé«\)\.$/);
    assert.deepEqual(f.related?.map((r) => r.range.start.line), [64]);
  });

  it('compares only roles in the order: Ballerup\'s Tidligere behandling first or not at all, two Bilag roles', () => {
    assert.deepEqual(only(fixture('ballerup-clean.txt'), 'RF004'), []);
    const [f] = only(fixture('ballerup-defects.txt'), 'RF004');
    assert.match(f.message.da, /»Tidligere behandling« står forkert .* hører afsnittet til før »Indhold«\.$/);
  });

  it('says nothing under a template without an order (generic)', () => {
    const text = 'Referat\n\nPunkt 1: Budget\n\nBeslutning\n\nGodkendt.\n\nIndstilling\n\nForvaltningen indstiller, at budgettet godkendes.\n';
    assert.equal(analyze(text).model.profile, 'generic');
    assert.deepEqual(only(text, 'RF004'), []);
  });
});

describe('RF005 empty-section', () => {
  it('reports a section with no text, on its heading', () => {
    const [f] = only(fixture('referat-defects.txt'), 'RF005');
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.range, range(82, 0, 82, 16));
    assertReported(f, 'empty', { heading: 'Sagsfremstilling', number: 6, title: 'Slutevaluering af Business Training' });
  });

  it('does not count an inline switch for another rule as the section\'s text', () => {
    const text = fixture('referat-defects.txt').replace('Sagsfremstilling\n\nIndstilling\n\nDirektionen foreslår, at evalueringen', 'Sagsfremstilling\n\nreferat-disable-next-line RF030\n\nIndstilling\n\nDirektionen foreslår, at evalueringen');
    assert.deepEqual(only(text, 'RF005').map((f) => f.range.start.line), [82]);
  });

  it('does not report group headings (Indhold), empty decisions in a dagsorden, or decisions at all', () => {
    assert.deepEqual(only(fixture('ballerup-clean.txt'), 'RF005'), []);
    const { model } = analyze(fixture('dagsorden-clean.md'));
    assert.equal(model.kind, 'dagsorden');
    assert.equal(model.items[0].decision?.text, '');
    assert.deepEqual(only(fixture('dagsorden-clean.md'), 'RF005'), []);
    assert.deepEqual(only(fixture('referat-defects.txt'), 'RF005').map((f) => f.range.start.line), [82]); // not the empty decision on line 89
  });
});

describe('RF006 repeated-section', () => {
  it('reports the second heading of a role, pointing at the first', () => {
    const [f] = only(fixture('referat-defects.txt'), 'RF006');
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.range, range(104, 0, 104, 11));
    assertReported(f, 'repeated', { number: 7, title: 'Erhvervsfremme', heading: 'Indstilling', first: 'Indstilling', line: 101 });
    assert.deepEqual(f.related?.map((r) => r.range.start.line), [100]);
  });

  it('does not take Ballerup\'s two Bilag (count and list) or a Meddelelser item\'s count lines for a repeat', () => {
    const { model } = analyze(fixture('ballerup-clean.txt'));
    assert.deepEqual(model.items[0].sections.map((s) => s.role), ['attachmentCount', 'attachmentCount', 'decision', 'attachmentList']);
    assert.deepEqual(only(fixture('ballerup-clean.txt'), 'RF006'), []);
  });
});

describe('RF040 empty-decision', () => {
  it('reports an empty decision in a referat as an error on its heading', () => {
    const [f] = only(fixture('referat-defects.txt'), 'RF040');
    assert.equal(f.severity, 'error');
    assert.deepEqual(f.range, range(88, 0, 88, 44));
    assertReported(f, 'empty', { number: 6, title: 'Slutevaluering af Business Training' });
  });

  it('reports a decision that still holds the placeholder', () => {
    const text = fixture('referat-defects.txt').replace('Vedtagelse i Erhvervsudvalget den 03-11-2021\n\nPunkt 7', `Vedtagelse i Erhvervsudvalget den 03-11-2021\n\n${MISSING_TEXT}\n\nPunkt 7`);
    const [f] = only(text, 'RF040');
    assert.match(f.message.da, /står stadig som »\[Tekst mangler\]«/);
  });

  it('does not report an empty decision in a dagsorden or in a closed (exempt) item', () => {
    assert.deepEqual(only(fixture('dagsorden-clean.md'), 'RF040'), []);
    const { model } = analyze(fixture('referat-clean.txt'));
    assert.equal(model.items[3].decision?.text, '');
    assert.deepEqual(only(fixture('referat-clean.txt'), 'RF040'), []);
  });
});

describe('RF010 item-numbering', () => {
  const text = fixture('numbering-defects.txt');

  it('reports a gap, a repeat and a number out of order, on the item number', () => {
    const findings = only(text, 'RF010');
    assert.deepEqual(findings.map((f) => f.range), [range(14, 6, 14, 7), range(20, 6, 20, 7), range(32, 6, 32, 7)]);
    assert.ok(findings.every((f) => f.severity === 'warning'));
    assertReported(findings[0], 'gap', { previous: 2, number: 4 });
    assertReported(findings[1], 'repeated', { number: 4, previous: 4, expected: 5 });
    assertReported(findings[2], 'outOfOrder', { number: 5, previous: 6 });
  });

  it('offers a safe renumbering with edits on every item number that changes', () => {
    const [f] = only(text, 'RF010');
    const fix = f.fixes?.[0];
    assert.equal(fix?.safe, true);
    assert.deepEqual(fix?.edits, [
      { range: range(14, 6, 14, 7), newText: '3' },
      { range: range(26, 6, 26, 7), newText: '5' },
      { range: range(32, 6, 32, 7), newText: '6' },
    ]);
    const fixed = applyEdits(text, fix!.edits);
    assert.deepEqual(analyze(fixed).model.items.map((i) => i.number), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(only(fixed, 'RF010'), []);
  });

  it('accepts numbering that starts above 1 (715, 716, 717) and renumbers from there', () => {
    assert.deepEqual(only(fixture('numbering-715.txt'), 'RF010'), []);
    const gap = fixture('numbering-715.txt').replace('Punkt 717', 'Punkt 719');
    const [f] = only(gap, 'RF010');
    assertReported(f, 'gap', { previous: 716, number: 719 });
    assert.match(f.message.da, /Punkt 717–718 mangler/);
    assert.deepEqual(f.fixes?.[0].edits, [{ range: range(22, 6, 22, 9), newText: '717' }]);
  });

  it('reports a swap once, where the order breaks, not as gaps', () => {
    const swapped = 'Referat\n\nPunkt 1: A-sag\n\nBeslutning\n\nGodkendt.\n\nPunkt 3: C-sag\n\nBeslutning\n\nGodkendt.\n\nPunkt 2: B-sag\n\nBeslutning\n\nGodkendt.\n\nPunkt 4: D-sag\n\nBeslutning\n\nGodkendt.\n';
    const findings = only(swapped, 'RF010');
    assert.equal(findings.length, 1);
    assert.equal(findings[0].range.start.line, 14);
  });
});

describe('RF011 toc-mismatch', () => {
  it('reports a missing, an extra, a retitled and a misplaced entry, one finding each', () => {
    const text = fixture('toc-defects.txt');
    const findings = only(text, 'RF011');
    const byLine = new Map(findings.map((f) => [f.range.start.line, f]));
    const missing = byLine.get(2)!; // on the heading "Indholdsfortegnelse"
    assert.deepEqual(missing.range, range(2, 0, 2, 19));
    assertReported(missing, 'noEntry', { number: 5, title: 'Idrætsstrategi' });
    assert.deepEqual(missing.related?.map((r) => r.range), [range(33, 6, 33, 23)]);
    const retitled = byLine.get(4)!;
    assert.deepEqual(retitled.range, range(4, 0, 4, 28));
    assertReported(retitled, 'otherTitle', { entry: 'Meddelelser fra borgmesteren', number: 1, title: 'Meddelelser' });
    const misplaced = byLine.get(6)!;
    assertReported(misplaced, 'otherPlace', { entry: 'Havneplan', number: 4 });
    assert.deepEqual(misplaced.related?.map((r) => r.range.start.line), [27]);
    assert.match(byLine.get(8)!.message.da, /nævner »Vejplan for Nordbyen«, men referatet har intet punkt med den titel/);
    assert.match(byLine.get(9)!.message.da, /nævner »Trafikplan«/);
    assert.ok(findings.every((f) => f.severity === 'warning'));
  });

  it('rewrites the contents from the items in dot-leader form, keeping the known pages (safe)', () => {
    const text = fixture('toc-defects.txt');
    const fix = only(text, 'RF011')[0].fixes?.[0];
    assert.equal(fix?.safe, true);
    assert.deepEqual(fix?.edits, [
      {
        range: range(4, 0, 9, 18),
        newText: 'Meddelelser.....\t2\nBudget 2024.....\t3\nSkolestruktur.....\t5\nHavneplan.....\t7\nIdrætsstrategi.....',
      },
    ]);
    assert.deepEqual(only(applyEdits(text, fix!.edits), 'RF011'), []);
  });

  it('rewrites a pipe table in its own form', () => {
    const text = fixture('toc-pipe.txt');
    const [f] = only(text, 'RF011');
    assert.match(f.message.da, /»Principper for jobrettet praksis«.*»Principper for jobrettet praksis i Beskæftigelse«/);
    assert.equal(
      f.fixes?.[0].edits[0].newText,
      '| Meddelelser..... | 3 |\n| Principper for jobrettet praksis i Beskæftigelse..... | 4 |\n| Besøg hos Væksthuset..... | 6 |',
    );
    assert.deepEqual(only(applyEdits(text, f.fixes![0].edits), 'RF011'), []);
  });

  it('rewrites numbered contents with number and category; a page it has to guess makes the fix unsafe', () => {
    const text = fixture('dagsorden-defects.md');
    const findings = only(text, 'RF011');
    assert.equal(findings.length, 2);
    const fix = findings[0].fixes![0];
    assert.deepEqual(fix.edits, [
      {
        range: range(11, 0, 12, 37),
        newText: '1. A - Redegørelse for integrationspris projekter - BEU\t2\n2. A - God borgerservice - BEU - ØU\t6\n3. A - Kulturpulje 2013\t6',
      },
    ]);
    assert.equal(fix.safe, false);
    assert.deepEqual(only(applyEdits(text, fix.edits), 'RF011'), []);
  });

  it('reports a number that differs in numbered contents', () => {
    const text = fixture('dagsorden-clean.md').replace('2. A- God borgerservice', '5. A- God borgerservice');
    const findings = only(text, 'RF011');
    assert.equal(findings.length, 1);
    assertReported(findings[0], 'otherNumber', { entry: 'God borgerservice – BEU – ØU', entryNumber: 5, number: 2 });
  });

  it('folds case, whitespace, NBSP, decomposed letters, dashes, quotes and a "Punkt N:" prefix before comparing', () => {
    assert.deepEqual(only(fixture('toc-clean.txt'), 'RF011'), []);
    assert.equal(foldTocTitle('Budget  2024 – 1. behandling.....'), foldTocTitle('budget 2024 - 1. behandling'));
    assert.equal(foldTocTitle('A\u030abningstider\u00a0på rådhuset'), foldTocTitle('Åbningstider på rådhuset'));
    assert.equal(foldTocTitle('Havneplan “Nordhavn”'), foldTocTitle('Havneplan "Nordhavn"'));
    assert.notEqual(foldTocTitle('Budget 2024'), foldTocTitle('Budget 2025'));
  });

  it('does not read a "Punkt N: Title.....page" contents line as an item', () => {
    const { model } = analyze(fixture('toc-clean.txt'));
    assert.deepEqual(model.items.map((i) => i.range.start.line), [10, 14, 20, 26, 32]);
    assert.equal(model.toc?.entries.length, 5);
  });

  it('says nothing without contents or with a contents heading and no entries', () => {
    assert.deepEqual(only(fixture('referat-defects.txt'), 'RF011'), []);
    const noEntries = 'Referat\n\nIndholdsfortegnelse\n\nPunkt 1: Budget\n\nBeslutning\n\nGodkendt.\n';
    assert.deepEqual(only(noEntries, 'RF011'), []);
  });
});

describe('structure rules on the seeds', () => {
  for (const name of seedNames()) {
    it(`${name}: reports nothing (every seed is complete by its template)`, () => {
      assert.deepEqual(ours(analyzeSeed(name).findings), []);
    });
  }

  it('001 (Ballerup): the exempt items are Meddelelser and the signature page, which has no Beslutning', () => {
    const { model } = analyzeSeed(SEEDS.ballerup2021);
    assert.deepEqual(model.items.filter((i) => i.exempt).map((i) => i.title), ['Meddelelser', 'Godkendelse af referat (underskriftside)']);
    assert.equal(model.items[9].decision, null);
  });

  it('004 (Høje-Taastrup): a dagsorden without decisions, item 2 with "Andre relevante dokumenter", contents that match', () => {
    const { model } = analyzeSeed(SEEDS.hoejeTaastrup);
    assert.equal(model.kind, 'dagsorden');
    assert.ok(model.items[1].sections.some((s) => s.role === 'otherDocuments'));
    assert.equal(model.toc?.entries.length, 2);
  });

  it('000: removing Punkt 3\'s Indstilling is reported (error) and the fix restores it where it was', () => {
    const original = seedText(SEEDS.rudersdal2021);
    const lines = original.split('\n');
    assert.equal(lines[131], 'Indstilling');
    const text = [...lines.slice(0, 131), ...lines.slice(135)].join('\n');
    const findings = check(text);
    assert.deepEqual(findings.map((f) => [f.code, f.severity, f.range.start.line]), [['RF002', 'error', 107]]);
    const fixed = applyEdits(text, findings[0].fixes![0].edits);
    assert.deepEqual(check(fixed).map((f) => [f.code, f.range.start.line]), [['RF005', 131]]);
  });

  it('001: removing Punkt 5\'s Beslutning is RF001; emptying it is RF040; renumbering Punkt 6 is RF010', () => {
    const lines = seedText(SEEDS.ballerup2021).split('\n');
    assert.equal(lines[382], 'Beslutning');
    const noDecision = [...lines.slice(0, 382), ...lines.slice(384)].join('\n');
    assert.deepEqual(check(noDecision).map((f) => [f.code, f.range.start.line]), [['RF001', 303]]);
    const empty = [...lines.slice(0, 384), ...lines.slice(386)].join('\n');
    assert.deepEqual(check(empty).map((f) => [f.code, f.range.start.line]), [['RF040', 382]]);
    const renumbered = seedText(SEEDS.ballerup2021).replace('Punkt 6: Sammenhængende', 'Punkt 7: Sammenhængende');
    assert.deepEqual(check(renumbered).map((f) => [f.code, f.range.start.line]), [['RF010', 392], ['RF010', 492]]);
  });

  it('002: a changed contents line is RF011 on that line', () => {
    const text = seedText(SEEDS.rudersdal2020).replace('| Besøg hos Væksthuset..... | 12 |', '| Besøg på Væksthuset..... | 12 |');
    assert.deepEqual(check(text).map((f) => [f.code, f.range.start.line]), [['RF011', 18]]);
  });
});

describe('structure rules: configuration', () => {
  const text = fixture('referat-defects.txt');

  it('can be turned off or given another severity in .referat.json', () => {
    assert.deepEqual(check(text, { config: { rules: { RF001: 'off', RF040: 'off' } } }).filter((f) => f.code === 'RF001' || f.code === 'RF040'), []);
    const warned = check(text, { config: { rules: { RF002: 'warning' } } }).filter((f) => f.code === 'RF002');
    assert.deepEqual(warned.map((f) => f.severity), ['warning']);
  });

  it('can be disabled inline with referat-disable', () => {
    const disabled = text.replace('Punkt 6: Slutevaluering', 'referat-disable RF005 RF040\n\nPunkt 6: Slutevaluering');
    const codes = check(disabled).map((f) => f.code);
    assert.ok(!codes.includes('RF005') && !codes.includes('RF040'));
    assert.ok(codes.includes('RF006'));
  });
});

describe('structure rules: cost', () => {
  it('run in linear time: a referat of over 10,000 lines is checked by these rules in well under a second', () => {
    const seed = seedText(SEEDS.ballerup2021);
    const body = seed.slice(seed.indexOf('Punkt 2:'), seed.indexOf('Punkt 10:'));
    let text = 'REFERAT Erhvervs- og Beskæftigelsesudvalget d. 09-03-2021\n\nIndholdsfortegnelse\n\n';
    const parts: string[] = [];
    let n = 0;
    while (parts.join('').split('\n').length < 10_000) {
      parts.push(body.replace(/^Punkt \d+:/gm, () => `Punkt ${++n}:`));
    }
    text += parts.join('');
    const { model } = parseDocument(text);
    const profile = builtinProfiles().get(model.profile);
    assert.ok(model.lineCount > 10_000 && model.items.length > 100);
    const rules = RULES.filter((r) => CODES.includes(r.code));
    const start = performance.now();
    for (let k = 0; k < 5; k++) for (const rule of rules) rule.check({ model, profile, config: {} });
    const perRun = (performance.now() - start) / 5;
    assert.ok(perRun < 100, `structure rules took ${perRun.toFixed(1)} ms per run`);
  });
});
