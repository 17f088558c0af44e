/**
 * Minutes and agendas in templates Referat has no profile for, each form in a hand-made fixture of
 * test/fixtures/rules/templates/ (invented committees, titles and people): how items are headed
 * ("208. Title", "• Pkt. 41 Title", the number alone, "Nr. 3 - Title"), how the header is laid out,
 * how decisions are headed, web-page chrome, text that lost its line breaks, a page of one item, an
 * agenda notice of titles only and closed items numbered apart. Each fixture's facts are asserted
 * directly here, and all its findings (of every rule) against its sidecar x.expected.json.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/core/analyze';
import type { Finding } from '../../server/src/core/model';
import { FIXTURES } from './helpers';
import { describeFixtures } from './rules/conventions';

const DIR = path.join(FIXTURES, 'rules', 'templates');

const NAMES = [
  'agenda-title-list.txt',
  'chrome.txt',
  'closed-restart.txt',
  'decision-forms.txt',
  'header-kind-words.txt',
  'header-split.txt',
  'items-bullet-pkt.txt',
  'items-dot-number.txt',
  'items-nr-dash.txt',
  'items-number-alone.txt',
  'lost-lines.txt',
  'one-item-alone.txt',
  'one-item-unnumbered.txt',
];

const read = (name: string) => readFileSync(path.join(DIR, name), 'utf8');
const codes = (findings: Finding[]) => findings.map((f) => `${f.code}@${f.range.start.line + 1}`);

/** None of `unwanted` is reported, and the findings are exactly `expected` (codes, in order). */
function assertCodes(findings: Finding[], expected: string[], unwanted: string[] = ['RF001', 'RF005', 'RF010', 'RF090']): void {
  for (const code of unwanted) assert.ok(!findings.some((f) => f.code === code), `no ${code}: ${JSON.stringify(codes(findings))}`);
  assert.deepEqual(findings.map((f) => f.code), expected, JSON.stringify(codes(findings)));
}

describeFixtures('any template: fixtures with their expected findings', DIR, { names: NAMES });

describe('any template: items "208. Title" numbered through the year', () => {
  const { model, findings } = analyze(read('items-dot-number.txt'));

  it('reads a referat of items 208-210; the indented programme is no item, "Beslutning om …" is a title', () => {
    assert.equal(model.kind, 'referat');
    assert.deepEqual(model.items.map((i) => [i.number, i.title]), [
      [208, 'Godkendelse af dagsorden'],
      [209, 'Temamøde om den nye skolestruktur'],
      [210, 'Beslutning om ny parkeringsnorm for boligområder'],
    ]);
    for (const item of model.items) assert.deepEqual(item.sections.map((s) => s.heading), ['Sagsfremstilling', 'Indstilling', 'Beslutning']);
    const presentation = model.items[1].sections[0].body.map((b) => b.text);
    assert.ok(presentation.includes('1. Velkomst') && presentation.includes('2. Drøftelse'), JSON.stringify(presentation));
  });

  it('reads the header: "Dato:" with its value on the next line, year then time', () => {
    assert.equal(model.header?.statedKind, 'referat');
    assert.equal(model.header?.date?.iso, '2024-03-14');
    assert.equal(model.header?.date?.weekday?.text, 'Torsdag');
  });

  it('reads the time after the year ("2024 - 18:30")', () => {
    assert.match(model.header?.time?.text ?? '', /18:30/);
  });

  it('reads the decisions', () => {
    assert.deepEqual(model.items.map((i) => i.decision?.outcome), ['approved', 'noted', 'approved']);
    assert.equal(model.items[2].decision?.section?.heading, 'Beslutning');
  });

  it('reports nothing: no RF023 on "2024 - 18:30", no RF020, no RF010', () => {
    assertCodes(findings, [], ['RF001', 'RF005', 'RF010', 'RF020', 'RF023', 'RF090']);
  });
});

describe('any template: items "• Pkt. 41 Title" with number and title repeated below', () => {
  const { model, findings } = analyze(read('items-bullet-pkt.txt'));

  it('reads items 41-43 once each; the repeated number and title are no section', () => {
    assert.equal(model.kind, 'referat');
    assert.deepEqual(model.items.map((i) => [i.number, i.title]), [
      [41, 'Tilskud til lokale foreninger'],
      [42, 'Åbningstider i svømmehallen'],
      [43, 'Orientering om biblioteksbesøg'],
    ]);
    for (const item of model.items) {
      assert.deepEqual(item.sections.map((s) => s.heading), ['Sagsfremstilling', 'Indstilling', `Kultur- og Fritidsudvalget, 27-09-2023, pkt. ${item.number}`]);
    }
  });

  it('reads the header date with the English month order ("September 27, 2023")', () => {
    assert.equal(model.header?.statedKind, 'referat');
    assert.equal(model.header?.date?.iso, '2023-09-27');
  });

  it('reads "Committee, dd-mm-yyyy, pkt. N" as the decision heading, with its date', () => {
    assert.deepEqual(model.items.map((i) => i.decision?.outcome), ['approved', 'approved', 'noted']);
    for (const item of model.items) {
      assert.equal(item.decision?.section?.heading, `Kultur- og Fritidsudvalget, 27-09-2023, pkt. ${item.number}`);
      assert.equal(item.decision?.date?.iso, '2023-09-27');
    }
  });

  it('reports nothing (no RF020 on the weekday, no RF021 on the decision dates)', () => {
    assertCodes(findings, [], ['RF001', 'RF005', 'RF010', 'RF020', 'RF021', 'RF090']);
  });
});

describe('any template: the item number alone on its line, the title below', () => {
  const { model, findings } = analyze(read('items-number-alone.txt'));

  it('reads items 12-14 with their titles and case numbers', () => {
    assert.equal(model.kind, 'referat');
    assert.deepEqual(model.items.map((i) => [i.number, i.title, i.caseNumber?.text]), [
      [12, 'Plan for nye legepladser', '24/1234'],
      [13, 'Sommerferieaktiviteter for unge', '24/1235'],
      [14, 'Tilsyn med dagplejen', '24/1236'],
    ]);
    for (const item of model.items) assert.deepEqual(item.sections.map((s) => s.heading), ['Sagsfremstilling', 'Indstilling', 'Beslutning']);
  });

  it('reads the header and the decisions', () => {
    assert.equal(model.header?.statedKind, 'referat');
    assert.equal(model.header?.date?.iso, '2024-04-10');
    assert.equal(model.header?.committee?.text, 'Børne- og Ungeudvalget');
    assert.deepEqual(model.items.map((i) => i.decision?.outcome), ['approved', 'noted', 'approved']);
  });

  it('reports nothing', () => {
    assertCodes(findings, []);
  });
});

describe('any template: items "Nr. 3 - Title"', () => {
  const { model, findings } = analyze(read('items-nr-dash.txt'));

  it('reads items 3-5 with their sections and decisions', () => {
    assert.equal(model.kind, 'referat');
    assert.deepEqual(model.items.map((i) => [i.number, i.title]), [
      [3, 'Kvalitetsstandard for hjemmepleje'],
      [4, 'Ventetid på genoptræning'],
      [5, 'Nyt aktivitetscenter'],
    ]);
    for (const item of model.items) assert.deepEqual(item.sections.map((s) => s.heading), ['Sagsfremstilling', 'Indstilling', 'Beslutning']);
    assert.deepEqual(model.items.map((i) => i.decision?.outcome), ['approved', 'noted', 'postponed']);
  });

  it('reads the header', () => {
    assert.equal(model.header?.statedKind, 'referat');
    assert.equal(model.header?.date?.iso, '2024-02-05');
  });

  it('reports nothing', () => {
    assertCodes(findings, []);
  });
});

describe('any template: a header split over "Committee - Referat", Dato, Lokale, Tidspunkt', () => {
  const { model, findings } = analyze(read('header-split.txt'));

  it('reads the kind, date, place and time', () => {
    assert.equal(model.kind, 'referat');
    assert.equal(model.header?.statedKind, 'referat');
    assert.equal(model.header?.date?.iso, '2024-03-04');
    assert.equal(model.header?.place?.text, 'Mødelokale 2');
    assert.equal(model.header?.time?.text, '16:00');
  });

  it('reads the committee before the dash', () => {
    assert.equal(model.header?.committee?.text, 'Økonomiudvalget');
  });

  it('reads the items and decisions', () => {
    assert.deepEqual(model.items.map((i) => [i.number, i.title]), [
      [1, 'Budgetopfølgning pr. 31. januar'],
      [2, 'Salg af byggegrund på Skovvej'],
    ]);
    assert.deepEqual(model.items.map((i) => i.decision?.outcome), ['noted', 'recommended']);
  });

  it('reports nothing', () => {
    assertCodes(findings, []);
  });
});

describe('any template: "Beslutningsprotokol" alone on a line names the kind', () => {
  const { model, findings } = analyze(read('header-kind-words.txt'));

  it('reads a referat with its date, items and decisions', () => {
    assert.equal(model.kind, 'referat');
    assert.equal(model.header?.statedKind, 'referat');
    assert.equal(model.template?.kindFrom, 'header');
    assert.equal(model.header?.date?.iso, '2024-05-07');
    assert.deepEqual(model.items.map((i) => [i.number, i.title]), [
      [1, 'Trafiksikkerhedsplan'],
      [2, 'Vintertjeneste'],
    ]);
    assert.deepEqual(model.items.map((i) => i.decision?.outcome), ['approved', 'noted']);
  });

  it('reports nothing', () => {
    assertCodes(findings, []);
  });
});

describe('any template: decision headings in several forms', () => {
  const { model, findings } = analyze(read('decision-forms.txt'));
  const item = (n: number) => model.items.find((i) => i.number === n)!;

  it('reads the header: Klimaudvalget, Wednesday 6 March 2024', () => {
    assert.equal(model.kind, 'referat');
    assert.equal(model.header?.statedKind, 'referat');
    assert.equal(model.header?.date?.iso, '2024-03-06');
  });

  it('reads the committee written above the kind', () => {
    assert.equal(model.header?.committee?.text, 'Klimaudvalget');
  });

  it('reads items 1-6', () => {
    assert.deepEqual(model.items.map((i) => [i.number, i.title]), [
      [1, 'Godkendelse af dagsorden'],
      [2, 'Klimaplan for kommunens egne bygninger'],
      [3, 'Status på udskiftning af oliefyr'],
      [4, 'Støtte til delebiler i landsbyerne'],
      [5, 'Temadrøftelse om klimatilpasning'],
      [6, 'Plantning af byskov'],
    ]);
  });

  it('reads each form as the decision heading, with its outcome and date', () => {
    assert.deepEqual(model.items.map((i) => i.decision?.section?.heading), [
      'Behandling i Udvalget for Klima onsdag den 6. marts 2024, pkt. 1',
      'Klimaudvalgets beslutning i mødet den 6. marts 2024',
      'BESLUTNING I KLIMAUDVALGET DEN 6. MARTS 2024',
      'Klimaudvalget, 06-03-2024, pkt. 4',
      item(5).decision?.section?.heading,
      'Beslutning',
    ]);
    assert.match(item(5).decision?.section?.heading ?? '', /^Beslutning den\b/);
    assert.deepEqual(model.items.map((i) => i.decision?.outcome), ['approved', 'approved', 'noted', 'recommended', 'discussed', 'postponed']);
    assert.deepEqual(model.items.slice(0, 4).map((i) => i.decision?.date?.iso), ['2024-03-06', '2024-03-06', '2024-03-06', '2024-03-06']);
    assert.equal(item(5).decision?.date, undefined);
  });

  it("takes the item's own decision, not the earlier committee's one it quotes", () => {
    const four = item(4);
    assert.ok(four.sections.some((s) => s.heading === 'Beslutning fra Teknikudvalget, 12-02-2024, pkt. 7'));
    assert.equal(four.decision?.section?.heading, 'Klimaudvalget, 06-03-2024, pkt. 4');
    assert.equal(four.decision?.text, 'Anbefales over for Byrådet.');
  });

  it('reports nothing: no RF021 on the earlier date, no RF040 on "Beslutning den :"', () => {
    assertCodes(findings, [], ['RF001', 'RF005', 'RF010', 'RF021', 'RF040', 'RF090']);
  });
});

describe('any template: web-page chrome around the minutes', () => {
  const text = read('chrome.txt');
  const { model, findings } = analyze(text);
  const CHROME = [
    'Vi bruger cookies til at forbedre din oplevelse af hjemmesiden. Accepter alle',
    'Spring til indhold',
    'Du er her: Forside › Politik',
    'Hent som fil:',
    'Print',
    'Kopiér link',
    'Fold alle ud',
    'Til toppen',
    'Side 2 af 5',
    'Teknikudvalget, 4. marts 2024 Side 2',
    'Teknikudvalget, 4. marts 2024 Side 3',
    'Teknikudvalget, 4. marts 2024 Side 4',
  ];

  it('the fixture holds every chrome line, the running footer more than once', () => {
    const lines = text.split('\n');
    for (const c of CHROME) assert.ok(lines.includes(c), c);
    assert.ok(lines.filter((l) => l.startsWith('Teknikudvalget, 4. marts 2024 Side ')).length >= 2);
  });

  it('reads the three items and their decisions only', () => {
    assert.equal(model.kind, 'referat');
    assert.equal(model.header?.statedKind, 'referat');
    assert.equal(model.header?.date?.iso, '2024-03-04');
    assert.deepEqual(model.items.map((i) => [i.number, i.title]), [
      [1, 'Vejbelysning på Kirkevej'],
      [2, 'Cykelsti langs Åvej'],
      [3, 'Orientering om affaldssortering'],
    ]);
    assert.deepEqual(model.items.map((i) => i.decision?.text), ['Godkendt.', 'Godkendt.', 'Taget til efterretning.']);
  });

  it('no chrome line is an item, a section heading or section text', () => {
    for (const item of model.items) {
      assert.ok(!CHROME.includes(item.title), item.title);
      for (const s of item.sections) {
        assert.ok(!CHROME.includes(s.heading), s.heading);
        for (const b of s.body) assert.ok(!CHROME.includes(b.text), `${s.heading}: ${b.text}`);
      }
      for (const l of item.looseText) assert.ok(!CHROME.includes(l.text), l.text);
    }
  });

  it('reports nothing', () => {
    assertCodes(findings, [], ['RF001', 'RF003', 'RF005', 'RF006', 'RF010', 'RF090']);
  });
});

describe('any template: text that lost its line breaks (a line per PDF page)', () => {
  const { model, findings } = analyze(read('lost-lines.txt'));

  it('the fixture has page lines of at least 300 characters', () => {
    const long = read('lost-lines.txt').split('\n').filter((l) => l.length >= 300);
    assert.equal(long.length, 3);
  });

  it('reads a referat of items 1 and 2, told at the page starts', () => {
    assert.ok(model.lineBreaksLost);
    assert.equal(model.kind, 'referat');
    assert.equal(model.template?.itemBasis, 'pageStarts');
    assert.deepEqual(model.items.map((i) => [i.number, i.title]), [
      [1, 'Godkendelse af dagsorden'],
      [2, 'Renovering af broen over Møllebækken'],
    ]);
    assert.deepEqual(model.items.map((i) => i.decision?.outcome), ['approved', 'approved']);
  });

  it('reports exactly one RF092 (information) and nothing else', () => {
    assertCodes(findings, ['RF092']);
    assert.equal(findings[0].severity, 'information');
  });
});

describe('any template: a page holding one item of a meeting', () => {
  const { model, findings } = analyze(read('one-item-alone.txt'));

  it('reads one item; the numbered participants after it are no items', () => {
    assert.equal(model.kind, 'referat');
    assert.deepEqual(model.items.map((i) => [i.number, i.title]), [[1, 'Godkendelse af dagsorden']]);
  });

  it('reads the decision under "Beslutning" and its sub-line', () => {
    const decision = model.items[0]?.decision;
    assert.equal(decision?.outcome, 'approved');
    assert.ok(decision?.text.startsWith('Godkendt.'), JSON.stringify(decision?.text));
    assert.equal(decision?.date?.iso, '2024-03-06');
  });

  it('reports nothing: no RF040, no RF001 on participants', () => {
    assertCodes(findings, [], ['RF001', 'RF005', 'RF010', 'RF040', 'RF090']);
  });
});

describe('any template: one unnumbered item alone, read by its sections', () => {
  const { model, findings } = analyze(read('one-item-unnumbered.txt'));

  it('reads a referat without items; "1. At lokaludvalget drøfter punktet" is no item', () => {
    assert.equal(model.kind, 'referat');
    assert.deepEqual(model.items.map((i) => [i.number, i.title]), []);
    assert.equal(model.template?.itemBasis, 'sectionsOnly');
    assert.equal(model.header?.date?.iso, '2024-03-06');
  });

  it('reports nothing (no RF090)', () => {
    assertCodes(findings, []);
  });
});

describe('any template: an agenda notice of titles only, open and closed numbered apart', () => {
  const { model, findings } = analyze(read('agenda-title-list.txt'));

  it('reads a dagsorden of 8 items: 1-6, then 1-2', () => {
    assert.equal(model.kind, 'dagsorden');
    assert.equal(model.header?.statedKind, 'dagsorden');
    assert.equal(model.header?.date?.iso, '2024-06-20');
    assert.equal(model.template?.itemBasis, 'titleList');
    assert.deepEqual(model.items.map((i) => [i.number, i.title]), [
      [1, 'Godkendelse af dagsorden'],
      [2, 'Regnskab 2023'],
      [3, 'Lokalplan for boligområdet ved Stationsvej'],
      [4, 'Takster for fritidsordninger'],
      [5, 'Navngivning af ny vej'],
      [6, 'Spørgsmål fra borgere'],
      [1, 'Køb af ejendom'],
      [2, 'Personalesag'],
    ]);
    assert.deepEqual(model.template?.numbering?.restarts, [6]);
  });

  it('does not read the rest of the title line as the committee', () => {
    assert.ok(!/juni|2024|kl\./.test(model.header?.committee?.text ?? ''), model.header?.committee?.text);
  });

  it('reports nothing (no RF010 on the restart, no RF002 on titles only)', () => {
    assertCodes(findings, [], ['RF001', 'RF002', 'RF005', 'RF010', 'RF090']);
  });
});

describe('any template: a referat whose closed items restart the numbering, titles only', () => {
  const { model, findings } = analyze(read('closed-restart.txt'));

  it('reads the open items 1-3 and the closed items 1-2', () => {
    assert.equal(model.kind, 'referat');
    assert.equal(model.header?.statedKind, 'referat');
    assert.equal(model.header?.date?.iso, '2024-04-09');
    assert.deepEqual(model.items.map((i) => [i.number, i.title]), [
      [1, 'Godkendelse af dagsorden'],
      [2, 'Boligpolitik 2024-2028'],
      [3, 'Status på byggesagsbehandlingen'],
      [1, 'Lukket punkt: Køb af ejendom'],
      [2, 'Lukket punkt: Personalesag'],
    ]);
    assert.deepEqual(model.items.map((i) => Boolean(i.closed)), [false, false, false, true, true]);
    assert.deepEqual(model.template?.numbering?.restarts, [3]);
  });

  it('ends the last open decision before "Lukkede punkter"', () => {
    assert.deepEqual(model.items.slice(0, 3).map((i) => i.decision?.outcome), ['approved', 'recommended', 'noted']);
    assert.equal(model.items[2].decision?.text, 'Taget til efterretning.');
  });

  it('reports nothing: no RF001 on the closed titles, no RF010 on the restart', () => {
    assertCodes(findings, []);
  });
});
