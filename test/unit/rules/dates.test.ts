/**
 * Date rules: RF020 weekday against date, RF021 decision date against meeting date,
 * RF022 earlier treatment on or after the meeting, RF023 impossible dates and year
 * ranges that end before they begin; and the parser's collection of written dates
 * and year ranges they read (model.dates, model.yearRanges).
 *
 * Hand-made fixtures in test/fixtures/rules/dates/ each have a sidecar
 * `<name>.expected.json` with the exact set of { line (1-based), code } these rules
 * report; other rules' findings are ignored here. The seeds are checked directly.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../server/src/core/analyze';
import { formatDateLike, likeCase } from '../../../server/src/core/dates';
import type { Finding } from '../../../server/src/core/model';
import { parseDocument } from '../../../server/src/core/parse/index';
import { analyzeSeed, FIXTURES, SEEDS, seedNames, seedText } from '../helpers';
import { codesTagged, describeRegistration, describeFixtures } from './conventions';
import { applyEdits, range, textAt, assertReported } from './text-helpers';

const CODES = codesTagged('dates');
const DIR = path.join(FIXTURES, 'rules', 'dates');

const fixture = (name: string) => readFileSync(path.join(DIR, name), 'utf8');
const ours = (findings: Finding[]) => findings.filter((f) => CODES.includes(f.code));
const check = (text: string, config?: Parameters<typeof analyze>[1]) => ours(analyze(text, config).findings);
const only = (text: string, code: string) => check(text).filter((f) => f.code === code);

/** A small Rudersdal referat held on Wednesday 3 November 2021, with `body` as Punkt 1's Resumé. */
const rudersdal = (body: string, decision = 'Vedtagelse i Erhvervsudvalget den 03-11-2021') =>
  `REFERAT Erhvervsudvalget d. 03-11-2021\n\nMødedato Onsdag d. 03. november 2021 kl. 13:15\n\nPunkt 1: Sag\n\n21/14768\n\nResumé\n\n${body}\n\nSagsfremstilling\n\nTekst.\n\nIndstilling\n\nDirektionen foreslår, at sagen godkendes.\n\n${decision}\n\nGodkendt.\n`;

describeRegistration('date rules: registration and docs', 'dates');


describeFixtures('date rules: fixtures with their expected findings', DIR, {
  names: ['decision-date.txt', 'decision-genitive.txt', 'earlier-treatment.txt', 'impossible.txt', 'weekday.txt'],
});


describe('the parser collects written dates and year ranges', () => {
  it('keeps the weekday written before a date, also with a comma or in capitals', () => {
    const { model } = parseDocument(rudersdal('Mødet er mandag, den 3. januar 2022 og ONSDAG 05-11-2021, ikke i onsdags 27. oktober 2021.'));
    const withWeekday = model.dates.filter((d) => d.weekday).map((d) => `${d.weekday!.text}|${d.iso}`);
    assert.deepEqual(withWeekday, ['Onsdag|2021-11-03', 'mandag|2022-01-03', 'ONSDAG|2021-11-05']);
    assert.ok(model.dates.some((d) => d.iso === '2021-10-27' && !d.weekday), '"i onsdags" is no weekday of the date');
  });

  it('leaves out file names, addresses, case and KLE numbers, and two-digit years', () => {
    const body =
      'Bilag: målgrupper per uge 2020-08-10.pdf og referat_31-11-2021 og https://x.dk/udvalget-08-10-2019 og 31-11-2021.docx. ' +
      'Sagsnr. 21/14768, KLE 00.15.25-P05-1-20, projektet sluttede 30.6.21.';
    const { model } = parseDocument(rudersdal(body));
    const inBody = model.dates.filter((d) => d.range.start.line === 12);
    assert.deepEqual(inBody, []);
    assert.deepEqual(model.yearRanges.filter((r) => r.range.start.line === 12), []);
  });

  it('reads year ranges, but not open ranges, amounts, date chains or numbers with a dash on one side', () => {
    const body = 'Planen 2021-2025 og (2020-2021), 2012 – 2024, fra 2019- og frem, 12.2021-2022, 2019-2020-2021, 2021 -2015 kr., 1999-2000.';
    const { model } = parseDocument(rudersdal(body));
    assert.deepEqual(
      model.yearRanges.map((r) => [r.text, r.from, r.to]),
      [
        ['2021-2025', 2021, 2025],
        ['2020-2021', 2020, 2021],
        ['2012 – 2024', 2012, 2024],
        ['1999-2000', 1999, 2000],
      ],
    );
    const r = model.yearRanges[2];
    assert.equal(textAt(rudersdal(body), r.toRange), '2024');
  });

  it('collects nothing from a text that is not minutes', () => {
    const { model } = parseDocument('Indkøb til fredag den 5. november 2022:\nmælk\nbrød 2021-2015\n');
    assert.equal(model.kind, null);
    assert.deepEqual(model.dates, []);
    assert.deepEqual(model.yearRanges, []);
  });

  it('finds the same dates in the seeds as a search of every line would, apart from the Source URL', () => {
    const { model } = analyzeSeed(SEEDS.ballerupPdf);
    assert.ok(!model.dates.some((d) => d.text === '08-10-2019'), 'the date in the Source URL is part of an address');
    assert.ok(model.dates.some((d) => d.iso === '2020-04-16'), '"14.-16. april 2020" ends in a date');
    const rudersdal2020 = analyzeSeed(SEEDS.rudersdal2020).model;
    assert.ok(!rudersdal2020.dates.some((d) => d.range.start.line === 41), '002 line 42: 2020-08-10.pdf is a file name');
    assert.ok(!rudersdal2020.yearRanges.some((r) => r.range.start.line === 41));
  });
});

describe('formatDateLike and likeCase', () => {
  const cases: [string, string, string][] = [
    ['03-11-2021', '2021-11-04', '04-11-2021'],
    ['3-11-2021', '2021-11-04', '4-11-2021'],
    ['03.11.2021', '2021-12-24', '24.12.2021'],
    ['12.08.2020', '2020-08-03', '03.08.2020'],
    ['12-11-2020', '2020-08-03', '03-08-2020'],
    ['1.11.2019', '2019-11-06', '6.11.2019'],
    ['2. november 2021', '2021-11-03', '3. november 2021'],
    ['02. November 2021', '2021-03-09', '09. Marts 2021'],
    ['2. nov. 2021', '2021-09-03', '3. sep. 2021'],
    ['Onsdag d. 03. november 2021', '2021-11-04', 'Torsdag d. 04. november 2021'],
    ['tirsdag, den 9. marts 2021', '2021-03-10', 'onsdag, den 10. marts 2021'],
  ];
  for (const [written, iso, expected] of cases) {
    it(`writes ${iso} like "${written}": "${expected}"`, () => assert.equal(formatDateLike(written, iso), expected));
  }
  it('gives null for what is not a date or not a real target', () => {
    assert.equal(formatDateLike('næste uge', '2021-11-04'), null);
    assert.equal(formatDateLike('03-11-2021', '2021-11-31'), null);
  });
  it('keeps the letter case', () => {
    assert.deepEqual(['ONSDAG', 'Onsdag', 'onsdag'].map((m) => likeCase('fredag', m)), ['FREDAG', 'Fredag', 'fredag']);
  });
});

describe('RF020 weekday-mismatch', () => {
  const text = fixture('weekday.txt');
  const found = only(text, 'RF020');

  it('reports the header weekday on the weekday word, with a safe fix in the same letter case', () => {
    const f = found[0];
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.range, range(2, 9, 16));
    assert.equal(textAt(text, f.range), 'Torsdag');
    assertReported(f, 'mismatch', { written: 'Torsdag', date: '03. november 2021', weekday: { da: 'onsdag', en: 'Wednesday' } });
    assert.deepEqual(f.fixes, [
      { title: { da: 'Ret ugedagen til Onsdag', en: 'Change the weekday to Onsdag' }, edits: [{ range: range(2, 9, 16), newText: 'Onsdag' }], safe: true },
    ]);
  });

  it('reports weekdays in the text, in capitals and in lower case', () => {
    assert.deepEqual(
      found.slice(1).map((f) => [textAt(text, f.range), f.fixes![0].edits[0].newText]),
      [
        ['ONSDAG', 'FREDAG'],
        ['tirsdag', 'onsdag'],
      ],
    );
    assert.match(found[1].message.da, /5\. november 2021 er en fredag/);
  });

  it('is quiet once the fixes are applied', () => {
    const fixed = applyEdits(text, found.flatMap((f) => f.fixes![0].edits));
    assert.deepEqual(only(fixed, 'RF020'), []);
    assert.ok(fixed.includes('Mødedato Onsdag d. 03. november 2021') && fixed.includes('FREDAG 05-11-2021'));
  });

  it('does not check impossible dates (RF023 reports them)', () => {
    assert.deepEqual(only(rudersdal('Mødet er onsdag den 31. november 2021.'), 'RF020'), []);
  });

  it('can be switched off in .referat.json and inline', () => {
    assert.deepEqual(check(text, { config: { rules: { RF020: 'off' } } }).filter((f) => f.code === 'RF020'), []);
    const inline = text.replace('Borgermødet er', 'referat-disable-next-line RF020\nBorgermødet er');
    assert.equal(only(inline, 'RF020').length, 1);
  });
});

describe('RF021 decision-date', () => {
  it('reports a decision heading dated the day after the meeting, with the meeting date as an unsafe fix', () => {
    const text = fixture('decision-date.txt');
    const [after, before] = only(text, 'RF021');
    assert.equal(after.severity, 'warning');
    assert.deepEqual(after.range, range(18, 34, 44));
    assert.equal(textAt(text, after.range), '04-11-2021');
    assertReported(after, 'otherDate', { number: 1, date: '04-11-2021', suggestion: '03-11-2021' });
    assert.notEqual(after.messageData?.later, '');
    assert.deepEqual(after.fixes, [
      {
        title: { da: 'Ret datoen til mødedatoen 03-11-2021', en: 'Change the date to the meeting date 03-11-2021' },
        edits: [{ range: range(18, 34, 44), newText: '03-11-2021' }],
        safe: false,
      },
    ]);
    assert.deepEqual(after.related?.[0].range, range(2, 9, 36));
    assert.equal(textAt(text, before.range), '13-10-2021');
    assert.ok(!before.message.da.includes('efter mødet'));
  });

  it('compares the committee’s own decision, not an earlier body’s quoted above it, and accepts another date format', () => {
    const text = fixture('decision-date.txt');
    assert.ok(!only(text, 'RF021').some((f) => f.range.start.line >= 36 && f.range.start.line <= 56), 'Punkt 3 is right');
  });

  it('writes the fix in the heading’s own format (genitive heading, dotted and written-out dates)', () => {
    const text = fixture('decision-genitive.txt');
    const found = only(text, 'RF021');
    assert.deepEqual(found.map((f) => [textAt(text, f.range), f.fixes![0].edits[0].newText]), [
      ['04.11.2021', '03.11.2021'],
      ['2. november 2021', '3. november 2021'],
    ]);
    assert.deepEqual(only(applyEdits(text, found.flatMap((f) => f.fixes![0].edits)), 'RF021'), []);
  });

  it('takes the last dated decision when no heading names the committee, and none of another body alone', () => {
    const twoOthers = rudersdal('Tekst.', 'Vedtagelse i Økonomiudvalget den 27-10-2021\n\nAnbefales.\n\nVedtagelse i Byrådet den 10-11-2021');
    assert.deepEqual(only(twoOthers, 'RF021'), [], 'both name other bodies than Erhvervsudvalget');
    const noCommittee = `Referat\n\nMødedato Onsdag d. 03. november 2021\n\nPunkt 1: Sag\n\nSagsfremstilling\n\nTekst.\n\nBeslutning i Udvalget den 27-10-2021\n\nAnbefales.\n\nBeslutning i Udvalget den 04-11-2021\n\nGodkendt.\n`;
    const found = only(noCommittee, 'RF021');
    assert.deepEqual(found.map((f) => textAt(noCommittee, f.range)), ['04-11-2021']);
  });

  it('needs a meeting date', () => {
    assert.deepEqual(only('Referat\n\nPunkt 1: Sag\n\nSagsfremstilling\n\nTekst.\n\nBeslutning i Udvalget den 04-11-2021\n\nGodkendt.\n', 'RF021'), []);
  });
});

describe('RF022 earlier-treatment-date', () => {
  const text = fixture('earlier-treatment.txt');
  const found = only(text, 'RF022');

  it('reports a treatment on the meeting day and one after it, on the date', () => {
    assert.equal(found.length, 2);
    const [same, after] = found;
    assert.equal(same.severity, 'warning');
    assert.deepEqual(same.range, range(14, 20, 33));
    assert.equal(textAt(text, same.range), '9. marts 2021');
    assertReported(same, 'sameDay', { date: '9. marts 2021', meeting: { da: '9. marts 2021', en: '9 March 2021' } });
    assert.equal(textAt(text, after.range), '2. februar 2022');
    assert.match(after.message.da, /ligger efter dette møde \(9\. marts 2021\).*Er året skrevet forkert\?$/);
    assert.equal(after.fixes, undefined);
  });

  it('is quiet about earlier dates and lines without a date', () => {
    assert.ok(found.every((f) => f.range.start.line < 40));
  });
});

describe('RF023 impossible-date', () => {
  const text = fixture('impossible.txt');
  const found = only(text, 'RF023');

  it('reports dates that do not exist, on the date, saying why', () => {
    const dates = found.filter((f) => f.message.da.startsWith('Datoen'));
    assert.deepEqual(dates.map((f) => textAt(text, f.range)), ['31-11-2021', '30. februar 2021', '29-02-2021']);
    assert.equal(dates[0].severity, 'warning');
    assert.deepEqual(dates[0].range, range(6, 45, 55));
    assertReported(dates[0], 'noSuchDate', { date: '31-11-2021', year: 2021, days: 30, leap: '' });
    assert.match(dates[2].message.da, /2021 er ikke et skudår/);
  });

  it('reports a backwards range and names the range in the item title', () => {
    const f = found.find((x) => x.range.start.line === 22)!;
    assert.deepEqual(f.range, range(22, 54, 63));
    assertReported(f, 'backwardsMeant', { range: '2021-2015', intended: '2021-2025' });
    assert.deepEqual(f.fixes, [{ title: { da: 'Ret til 2021-2025', en: 'Change to 2021-2025' }, edits: [{ range: range(22, 59, 63), newText: '2025' }], safe: false }]);
    assert.ok(applyEdits(text, f.fixes![0].edits).includes('Vækstpolitik 2021-2025 godkendes'));
  });

  it('takes the suggestion from the item text, and gives none when nothing matches', () => {
    const inText = found.find((x) => x.range.start.line === 32)!;
    assert.match(inText.message.da, /menes der 2023-2027 \(som andre steder i punktet\)\?/);
    const none = found.find((x) => x.range.start.line === 34)!;
    assertReported(none, 'backwards', { range: '2024-2020', to: 2020, from: 2024 });
    assert.deepEqual(none.fixes, []);
  });

  it('does not take a range from another item', () => {
    const other = `Referat\n\nPunkt 1: Politik 2021-2025\n\nSagsfremstilling\n\nTekst.\n\nBeslutning\n\nGodkendt.\n\nPunkt 2: Plan\n\nSagsfremstilling\n\nPlanen 2021-2015.\n\nBeslutning\n\nGodkendt.\n`;
    const [f] = only(other, 'RF023');
    assertReported(f, 'backwards', { range: '2021-2015', to: 2015, from: 2021 });
  });

  const traps = [
    'Se bilaget målgrupper per uge 2020-08-10.pdf.',
    'KLE 00.15.25-P05-1-20 og 24.00.00-G01-4-20.',
    'Sagsnr. 21/14768.',
    'Budget 2021-2025 og perioden (2020-2021).',
    'Projekter fra 2019- og frem.',
    'Projektet sluttede den 30.6.21; aftalen fra 1.11.2019 blev drøftet den 6.5.2020.',
    'Studieturen er den 18.- 20. marts 2020 eller 14.-16. april 2020.',
    'Udviklingsstrategi 2012-2024.',
    'Pr.01-01-2011 var 11 pct. i job.',
    'Ring på 44 77 20 00 eller 4477-2000; beløbet er 2.021.015 kr.',
    'Kontonummer 45-97-2000.',
    'https://ballerup.dk/dagsorden/udvalget-31-11-2021 og \\\\server\\referat_2021-2015.docx',
  ];
  for (const trap of traps) {
    it(`does not report "${trap}"`, () => assert.deepEqual(only(rudersdal(trap), 'RF023'), []));
  }
});

describe('date rules on the seeds', () => {
  it('report only 001 Punkt 3: "Erhvervs- og Vækstpolitik 2021-2015" (title 2021-2025)', () => {
    const all = seedNames().flatMap((name) => ours(analyzeSeed(name).findings).map((f) => ({ name, f })));
    assert.deepEqual(
      all.map(({ name, f }) => `${name}:${f.range.start.line + 1}:${f.code}`),
      [`${SEEDS.ballerup2021}:226:RF023`],
    );
    const { f } = all[0];
    assert.equal(textAt(seedText(SEEDS.ballerup2021), f.range), '2021-2015');
    assertReported(f, 'backwardsMeant', { range: '2021-2015', intended: '2021-2025' });
    const punkt3 = analyzeSeed(SEEDS.ballerup2021).model.items[2];
    assert.equal(punkt3.title, 'Erhvervs- og Vækstpolitik 2021-2025');
  });

  it('find the header weekdays right in every seed that has one', () => {
    for (const name of [SEEDS.rudersdal2021, SEEDS.ballerup2021, SEEDS.rudersdal2020, SEEDS.hoejeTaastrup]) {
      const { model } = analyzeSeed(name);
      assert.ok(model.dates.some((d) => d.weekday && d.range.start.line === model.header!.date!.range.start.line), name);
    }
  });

  it('check the Rudersdal decision dates and Ballerup earlier treatments against the meeting (all right)', () => {
    const r = analyzeSeed(SEEDS.rudersdal2021).model;
    assert.equal(r.items.filter((i) => i.decision?.date?.iso === r.header?.date?.iso).length, 5);
    const b = analyzeSeed(SEEDS.ballerup2021).model;
    assert.ok(b.items.flatMap((i) => i.earlierTreatments).filter((e) => e.date).length >= 6);
  });
});
