/**
 * The document's own template (parse/template.ts, parse/headings.ts): what the parser infers from a document
 * it has no profile for, and how the structure rules judge items by it. The fixtures in
 * test/fixtures/template/ are invented, in the shapes real exports take.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/core/analyze';
import { hover } from '../../server/src/features/hover';
import { FIXTURES } from './helpers';

const fixture = (name: string) => readFileSync(path.join(FIXTURES, 'template', name), 'utf8');
const codes = (text: string, code: string) => analyze(text).findings.filter((f) => f.code === code).map((f) => f.range.start.line + 1);

describe('inferred template: decisions written without a heading', () => {
  const a = analyze(fixture('unlabelled-decisions.txt'));

  it('takes the text under no section as the decision, leaving out the case number and the title written again', () => {
    const t = a.model.template!;
    assert.equal(t.decisions, 'unlabelled');
    const p2 = a.model.items[1];
    assert.equal(p2.decision?.labelled, false);
    assert.equal(p2.decision?.text, 'Udvalget godkendte indstillingen med den ændring, at stien males rød.');
    assert.equal(p2.decision?.outcome, 'approvedWithChanges');
    assert.equal(p2.decision?.section, undefined);
  });

  it('learns the heading the items share that no profile knows, and reads it as a section', () => {
    const usage = a.model.template!.sections['sagsforløb'];
    assert.ok(usage, JSON.stringify(Object.keys(a.model.template!.sections)));
    assert.equal(usage.learned, true);
    assert.equal(usage.items, 6);
    assert.deepEqual(a.model.items[0].sections.map((s) => s.role), ['other', 'summary', 'recommendation']);
  });

  it('reports no missing decision where every item has its text, and keeps the signature page exempt', () => {
    assert.deepEqual(a.findings.filter((f) => f.severity !== 'information').map((f) => `${f.code}@${f.range.start.line + 1}`), []);
  });

  it('reports the one item whose every line stands under sections that are not decisions', () => {
    assert.deepEqual(codes(fixture('unlabelled-one-missing.txt'), 'RF001'), [67]);
  });

  it('an approval item ("Godkendelse af dagsorden") needs a decision like any other', () => {
    const text = fixture('unlabelled-decisions.txt').replace('Godkendelse af dagsorden\n\nGodkendt.\n\n', '');
    assert.deepEqual(codes(text, 'RF001'), [7]);
  });
});

describe('inferred template: item numbering', () => {
  const a = analyze(fixture('labelled-nested.txt'));

  it('reads "Punkt 1:" lines that restart the numbering inside an item as body text', () => {
    assert.deepEqual(a.model.items.map((i) => i.number), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(a.model.template!.nestedItemHeadings.map((h) => h.range.start.line + 1), [87, 89]);
    assert.deepEqual(codes(fixture('labelled-nested.txt'), 'RF010'), []);
  });

  it('still reports a real numbering slip (a repeated number is not a restart)', () => {
    const text = fixture('labelled-nested.txt').replace('Punkt 5: Musikskolens takster', 'Punkt 4: Musikskolens takster');
    assert.ok(codes(text, 'RF010').length > 0);
  });

  it('keeps items of a second meeting in the same file (a restart after the last item)', () => {
    const text = fixture('labelled-nested.txt');
    const titles = analyze(text + '\n' + text).model.items.map((i) => i.title);
    for (const title of ['Godkendelse af dagsorden', 'Biblioteksplan', 'Idrætspris 2022']) {
      assert.equal(titles.filter((t) => t === title).length, 2, title);
    }
  });
});

describe('inferred template: sub-headings inside a section', () => {
  const a = analyze(fixture('labelled-nested.txt'));

  it('counts how many items use each heading', () => {
    const s = a.model.template!.sections;
    assert.equal(s['sagsbeskrivelse'].items, 6);
    assert.equal(s['baggrund'].items, 1);
  });

  it('a section directly over a rarely used heading is not empty, and "Økonomi" under it is no repeat', () => {
    assert.deepEqual(a.findings.filter((f) => f.severity !== 'information').map((f) => `${f.code}@${f.range.start.line + 1}`), []);
  });

  it('an empty section followed by one of the document\'s usual headings is still empty', () => {
    const text = fixture('labelled-nested.txt').replace('Beskrivelse af biblioteksplan.\n\n', '');
    assert.deepEqual(codes(text, 'RF005'), [107]);
  });

  it('the same heading written twice is a repeat', () => {
    const text = fixture('labelled-nested.txt').replace('Beskrivelse af biblioteksplan.\n\n', 'Beskrivelse af biblioteksplan.\n\nSagsbeskrivelse\n\nMere tekst.\n\n');
    assert.deepEqual(codes(text, 'RF006'), [111]);
  });
});

describe('inferred template: a profile that does not fit', () => {
  it('falls back to the generic reading when the detected template finds no item', () => {
    const a = analyze(fixture('older-template.txt'));
    assert.equal(a.model.profile, 'generic');
    assert.equal(a.model.template!.profileFallback, 'ballerup');
    assert.deepEqual(a.model.items.map((i) => [i.number, i.title]), [[1, 'Meddelelser'], [2, 'Ny bostøtte'], [3, 'Takster 2012']]);
    assert.deepEqual(a.findings.filter((f) => f.severity !== 'information').map((f) => f.code), []);
  });

  it('keeps a profile the user chose, even when it finds nothing', () => {
    const a = analyze(fixture('older-template.txt'), { config: { profile: 'ballerup' } });
    assert.equal(a.model.profile, 'ballerup');
    assert.equal(a.model.items.length, 0);
  });
});

describe('inferred template: the kind', () => {
  it('the header\'s word decides, even when decisions are written', () => {
    const text = fixture('labelled-nested.txt').replace('REFERAT Kultur', 'DAGSORDEN Kultur');
    const a = analyze(text);
    assert.equal(a.model.kind, 'dagsorden');
    assert.equal(a.model.template!.kindFrom, 'header');
  });

  it('without a word in the header, decisions under a heading make a referat', () => {
    const text = fixture('labelled-nested.txt').replace(/^REFERAT .*\n/, '');
    const a = analyze(text);
    assert.equal(a.model.kind, 'referat');
    assert.equal(a.model.template!.kindFrom, 'decisions');
  });
});

describe('inferred template: shown on hover', () => {
  it('says on an item heading that its decision has no heading', () => {
    const a = analyze(fixture('unlabelled-decisions.txt'));
    const h = hover(a, { line: a.model.items[1].headingRange.start.line, character: 3 }, 'da');
    assert.match(String((h!.contents as { value: string }).value), /Beslutningen står uden overskrift/);
  });

  it('says on a "Punkt 1:" line inside an item why it is not an item', () => {
    const a = analyze(fixture('labelled-nested.txt'));
    const h = hover(a, { line: 86, character: 2 }, 'en');
    assert.match(String((h!.contents as { value: string }).value), /numbering restarts inside the item/);
  });
});

describe('inferred template: an unsure reading', () => {
  it('gives one information on the document, not an error per item, when most items of a document that labels no decision seem to lack one', () => {
    // Every decision written after the Indstilling, inside it: Referat cannot see them.
    let text = fixture('unlabelled-decisions.txt');
    for (const d of ['Godkendt.', 'Udvalget godkendte indstillingen med den ændring, at stien males rød.', 'Taget til efterretning.', 'Udvalget afgav høringssvar som foreslået.']) {
      text = text.replace(`\n\n${d}\n\n`, '\n\n');
    }
    const found = analyze(text).findings.filter((f) => f.code === 'RF001');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'information');
    assert.match(found[0].message.da, /^Referat kan ikke se, hvor beslutningerne står/);
  });
});

describe('decision headings recognised by their Danish form', () => {
  it('reads "<Udvalg>s beslutning [date]", "Beslutning <date>" and "Beslutning <Udvalg> den <date>" as decisions, with the date captured', () => {
    const a = analyze(fixture('decision-headings.txt'));
    assert.deepEqual(a.model.items.map((i) => i.decision?.section?.heading), [
      'Økonomiudvalgets beslutning 12. maj 2022',
      'Byrådets beslutning',
      'Beslutning 12-05-2022',
      'Beslutning Økonomiudvalget den 12-05-2022',
    ]);
    assert.deepEqual(a.model.items.map((i) => i.decision?.date?.iso ?? null), ['2022-05-12', null, '2022-05-12', '2022-05-12']);
    assert.equal(a.model.items[3].decision?.section?.captures.body?.text, 'Økonomiudvalget');
    assert.deepEqual(a.findings.filter((f) => f.severity !== 'information').map((f) => f.code), []);
  });

  it('does not take "Beslutningen træffes af" (who decides) for a decision', () => {
    const text = fixture('decision-headings.txt').replace('Byrådets beslutning\n\nGodkendt.', 'Beslutningen træffes af\n\nByrådet');
    assert.deepEqual(codes(text, 'RF001'), [15]);
  });

  it('a heading shared with a built-in template does not impose that template: its required sections are never written', () => {
    const text = fixture('decision-headings.txt').replace('Byrådets beslutning\n\nGodkendt.', 'Beslutningen træffes af\n\nByrådet');
    const a = analyze(text);
    assert.equal(a.model.profile, 'generic');
    assert.equal(a.model.template!.profileFallback, 'ballerup');
    assert.deepEqual(codes(text, 'RF003'), []);
  });
});

describe('items numbered through the year, with a contents written as PDF text', () => {
  const a = analyze(fixture('contents-numbers-alone.txt'));

  it('reads a contents entry whose number stands alone on the line above it', () => {
    assert.deepEqual(a.model.toc?.entries.map((e) => [e.number, e.title]), [[412, 'Vintertjeneste 2013-2014'], [413, 'Trafiksikkerhedsplan']]);
  });

  it('keeps an item the contents misses when it continues the numbering', () => {
    assert.deepEqual(a.model.items.map((i) => i.number), [412, 413, 414]);
  });
});
