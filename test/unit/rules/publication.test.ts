/**
 * Publication safety and wording rules: RF200 CPR numbers, RF201 closed items in public
 * documents, RF210 totals in the text against the item's tables, RF211 a decision worded
 * as an approval where another body decides; and what the parser collects for them
 * (model.personalNumbers, item.closed).
 *
 * Hand-made fixtures in test/fixtures/rules/publication/ each have a sidecar
 * `<name>.expected.json` with the exact set of { line (1-based), code } these rules
 * report; other rules' findings are ignored here. The seeds are checked directly.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../server/src/core/analyze';
import type { ReferatConfig } from '../../../server/src/core/config';
import type { Finding } from '../../../server/src/core/model';
import { birthDateOf } from '../../../server/src/core/parse/cpr';
import { redactCpr } from '../../../server/src/core/redact';
import { toOutline } from '../../../server/src/core/outline';
import { overview, overviewAsCsv, overviewAsMarkdown } from '../../../server/src/core/overview';
import { parseDocument } from '../../../server/src/core/parse/index';
import { ProfileRegistry } from '../../../server/src/core/profiles/builtin';
import { tableAnalysis } from '../../../server/src/core/tables/index';
import { FIXTURES, SEEDS, seedNames, seedText } from '../helpers';
import { codesTagged, describeRegistration, describeFixtures } from './conventions';
import { applyEdits, range, textAt, assertReported } from './text-helpers';

const CODES = codesTagged('publication');
const DIR = path.join(FIXTURES, 'rules', 'publication');

const fixture = (name: string) => readFileSync(path.join(DIR, name), 'utf8');
const ours = (findings: Finding[]) => findings.filter((f) => CODES.includes(f.code));
const check = (text: string, config?: ReferatConfig) => ours(analyze(text, { config }).findings);
const only = (text: string, code: string, config?: ReferatConfig) => check(text, config).filter((f) => f.code === code);
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));

/** A small Rudersdal referat with `body` as Punkt 1's Resumé. */
const rudersdal = (body: string, title = 'Sag') =>
  `REFERAT Erhvervsudvalget d. 03-11-2021\n\nMødedato Onsdag d. 03. november 2021 kl. 13:15\n\nPunkt 1: ${title}\n\n21/14768\n\nResumé\n\n${body}\n\nSagsfremstilling\n\nTekst.\n\nIndstilling\n\nDirektionen foreslår, at sagen godkendes.\n\nVedtagelse i Erhvervsudvalget den 03-11-2021\n\nGodkendt.\n`;

describeRegistration('publication rules: registration and docs', 'publication');


describeFixtures('publication rules: fixtures with their expected findings', DIR, {
  names: [
    'closed-items.txt',
    'cpr-near-misses.txt',
    'cpr.txt',
    'decision-authority.txt',
    'prose-total-distributed-forms.txt',
    'prose-total-stacked-not-table.txt',
    'prose-total-stacked-ok.txt',
    'prose-total-stacked-wrong.txt',
    'prose-totals-scope.txt',
    'prose-totals.txt',
  ],
});


describe('the parser collects CPR numbers (model.personalNumbers)', () => {
  it('reads the birth date with the century of the seventh digit, and no modulus 11', () => {
    assert.equal(birthDateOf(1, 2, 3, 1), '1903-02-01');
    assert.equal(birthDateOf(1, 2, 3, 4), '2003-02-01');
    assert.equal(birthDateOf(1, 2, 40, 4), '1940-02-01');
    assert.equal(birthDateOf(1, 2, 40, 5), '2040-02-01');
    assert.equal(birthDateOf(1, 2, 60, 5), '1860-02-01');
    assert.equal(birthDateOf(1, 2, 30, 9), '2030-02-01');
    assert.equal(birthDateOf(29, 2, 24, 4), '2024-02-29');
    assert.equal(birthDateOf(29, 2, 23, 1), null, '1923 is no leap year');
    assert.equal(birthDateOf(32, 1, 21, 1), null);
    assert.equal(birthDateOf(1, 13, 21, 1), null);
    assert.equal(birthDateOf(0, 1, 21, 1), null);
  });

  it('finds each number with its exact range, birth date and masked form', () => {
    const text = fixture('cpr.txt');
    const { model } = parseDocument(text);
    assert.deepEqual(
      model.personalNumbers.map((p) => [p.range.start.line + 1, textAt(text, p.range), p.birthDate, p.masked]),
      [
        [5, '010203-1234', '1903-02-01', '010203-xxxx'],
        [13, '010203-1234', '1903-02-01', '010203-xxxx'],
        [13, '2902244321', '2024-02-29', '290224-xxxx'],
        [17, '311299 4321', '1999-12-31', '311299-xxxx'],
        [20, '0102031234', '1903-02-01', '010203-xxxx'],
        [21, '1512604321', '1960-12-15', '151260-xxxx'],
        [33, '150360–1234', '1960-03-15', '150360-xxxx'],
      ],
    );
  });

  it('leaves out phone numbers, amounts, dates, case, account and P-numbers, addresses and file names', () => {
    const { model } = parseDocument(fixture('cpr-near-misses.txt'));
    assert.equal(model.kind, 'referat');
    assert.deepEqual(model.personalNumbers, []);
  });

  it('takes a number with a space for the hyphen only after "CPR" or "personnummer"', () => {
    assert.deepEqual(parseDocument(rudersdal('Koden er 010203 1234.')).model.personalNumbers, []);
    assert.equal(parseDocument(rudersdal('CPR: 010203 1234.')).model.personalNumbers.length, 1);
  });

  it('tells a column of CPR numbers from a column of amounts or account numbers', () => {
    const cprs = rudersdal('Oversigt:\n\nNavn\tCPR-nummer\nA\t0102031234\nB\t0203041234');
    assert.equal(parseDocument(cprs).model.personalNumbers.length, 2);
    const amounts = rudersdal('Oversigt:\n\nPost\tBeløb\nA\t1201234567\nB\t45.000');
    assert.deepEqual(parseDocument(amounts).model.personalNumbers, []);
    const accounts = rudersdal('Oversigt:\n\nForening\tKonto\nA\t1201234567\nB\t2202209876');
    assert.deepEqual(parseDocument(accounts).model.personalNumbers, []);
  });

  it('collects nothing from a text that is not minutes', () => {
    const { model } = parseDocument('Huskeliste:\nRing til 010203-1234\n');
    assert.equal(model.kind, null);
    assert.deepEqual(model.personalNumbers, []);
  });
});

describe('RF200 personal-number', () => {
  const text = fixture('cpr.txt');
  const found = only(text, 'RF200');
  /** Every digit group of every CPR number in the fixture, and the birth dates in every written form. */
  const secrets = (t: string) => {
    const { model } = parseDocument(t);
    return model.personalNumbers.flatMap((p) => {
      const digits = p.text.replace(/\D/g, '');
      const [y, m, d] = p.birthDate.split('-');
      return [p.text, digits, digits.slice(0, 6), digits.slice(6), p.masked, p.birthDate, `${Number(d)}. `, `${d}-${m}-${y}`];
    });
  };

  it('is an error on the number itself, and the message names neither the number nor the birth date', () => {
    const f = found[1];
    assert.equal(f.severity, 'error');
    assert.deepEqual(f.range, range(12, 21, 32));
    assert.equal(textAt(text, f.range), '010203-1234');
    assertReported(f, 'published');
    for (const g of found) {
      const out = JSON.stringify({ message: g.message, related: g.related, titles: g.fixes?.map((x) => x.title), data: g.data });
      assert.doesNotMatch(out, /\d/, 'no digit at all in what a report shows');
      assert.doesNotMatch(out, /februar|fødselsdato|date of birth/i);
    }
  });

  it('offers removal (not for "fix all") in a public document, and the number is gone afterwards', () => {
    for (const f of found) {
      assert.deepEqual(f.fixes!.map((x) => [x.title.da, x.safe]), [['Fjern CPR-nummeret', false]]);
    }
    const fixed = applyEdits(text, found.flatMap((f) => f.fixes![0].edits));
    assert.deepEqual(only(fixed, 'RF200'), []);
    assert.ok(fixed.includes('Borgeren med har klaget over afgørelsen. Ægtefællen har.'), fixed.split('\n')[12]);
    assert.ok(fixed.includes('Mødested Rådhuset, mødelokale\n'));
    assert.ok(fixed.includes('A\t\t4'), 'a table cell is emptied, the columns stay');
    for (const s of secrets(text)) if (/\d{4}/.test(s)) assert.ok(!fixed.includes(s), s);
  });

  it('removes a parenthesis that held only the number: "Borgeren (CPR 010203-1234) har" → "Borgeren har"', () => {
    const t = rudersdal('Borgeren (CPR 010203-1234) har klaget.');
    const [f] = only(t, 'RF200');
    assert.match(applyEdits(t, f.fixes![0].edits), /\nBorgeren har klaget\.\n/);
  });

  it('offers masking of the last four digits only in an internal document', () => {
    const internal = only(text, 'RF200', { publication: 'internal' });
    assert.equal(internal.length, found.length);
    for (const f of internal) {
      assert.deepEqual(f.fixes!.map((x) => x.title.da), ['Fjern CPR-nummeret', 'Maskér de sidste fire cifre (internt dokument)']);
      assert.doesNotMatch(JSON.stringify([f.message, f.fixes!.map((x) => x.title)]), /\d/);
    }
    const masked = applyEdits(text, internal.flatMap((f) => f.fixes![1].edits));
    assert.deepEqual(only(masked, 'RF200'), []);
    assert.ok(masked.includes('CPR-nr. 010203-xxxx har klaget') && masked.includes('cpr.nr. 290224-xxxx.') && masked.includes('A\t010203-xxxx'));
  });

  it('no other finding quotes a CPR number: titles, decisions and cells quoted by other rules are redacted', () => {
    // RF220/RF221-like quoting happens in rules that echo a title; RF011 quotes the table of contents.
    const t = rudersdal('Tekst.', 'Klage fra 010203-1234');
    const all = analyze(t).findings;
    assert.doesNotMatch(JSON.stringify(all.map((f) => [f.message, f.related, f.fixes?.map((x) => x.title)])), /010203|1234/);
  });

  it('can be switched off in .referat.json and inline', () => {
    assert.deepEqual(only(text, 'RF200', { rules: { RF200: 'off' } }), []);
    const inline = text.replace('Borgeren med', 'referat-disable-next-line RF200\nBorgeren med');
    assert.equal(only(inline, 'RF200').length, found.length - 2);
  });
});

describe('redaction of CPR numbers in every output', () => {
  it('replaces the known numbers in any form and any hyphenated CPR-like number', () => {
    assert.equal(redactCpr('Sag 0102031234 og 010203 1234', [{ text: '010203-1234' }]), 'Sag [CPR-nummer] og [CPR-nummer]');
    assert.equal(redactCpr('ring 150360-1234 nu'), 'ring [CPR-nummer] nu');
    assert.equal(redactCpr('beløb 1.234.567 og 21/14768 og 320121-1234'), 'beløb 1.234.567 og 21/14768 og 320121-1234', 'no date: left alone');
  });

  it('the outline (CLI outline JSON, Markdown, CSV) and the overview export show no number', () => {
    const t = rudersdal('Tekst.', 'Klage fra 010203-1234');
    const { model, profile, findings } = analyze(t);
    const o = toOutline('x.txt', model);
    assert.equal(o.items[0].title, 'Klage fra [CPR-nummer]');
    const ov = overview(model, profile, findings, 'da');
    assert.doesNotMatch(overviewAsCsv(ov, 'da') + overviewAsMarkdown(ov, 'da'), /010203/);
  });
});

describe('RF201 closed-item-content', () => {
  const text = fixture('closed-items.txt');
  const found = only(text, 'RF201');

  it('marks closed items from the title or a metadata line, and only those', () => {
    const { model } = parseDocument(text);
    assert.deepEqual(
      model.items.map((it) => [it.number, it.closed?.text ?? null, it.exempt]),
      [
        [1, null, true],
        [2, null, false],
        [3, 'Lukket punkt: Salg af grund', true],
        [4, 'Personalesag (FOR LUKKEDE DØRE)', true],
        [5, 'Sagstype: Lukket', true],
      ],
    );
  });

  it('recognises the usual markers and not the word "lukket" in a title', () => {
    const closed = (title: string) => parseDocument(rudersdal('Tekst.', title)).model.items[0].closed !== undefined;
    for (const t of ['Lukket punkt: Salg af grund', 'LUKKET PUNKT - Salg', 'Lukket: Personalesag', 'Lukket punkt Salg af grund', 'Salg af grund (LUKKET)', 'Salg af grund - For lukkede døre', '(FOR LUKKEDE DØRE) Personalesag', 'Fortroligt: Personalesag', 'Personalesag (Fortroligt)', 'Salg af grund - lukket punkt']) {
      assert.ok(closed(t), t);
    }
    for (const t of ['Status på lukket afdeling', 'Lukket afdeling på Solgården', 'Lukkede skoler', 'Fortrolighed i sagsbehandlingen', 'Svømmehallen - lukket']) {
      assert.ok(!closed(t), t);
    }
  });

  it('reports the first content section, names all of them and points at the marker', () => {
    const [salg, koeb] = found;
    assert.equal(salg.severity, 'error', 'an error in a public document, so a CI gate stops it');
    assert.deepEqual(salg.range, range(34, 0, 16));
    assert.equal(
      salg.message.da,
      'Punkt 3 er et lukket punkt, men dokumentet offentliggøres, og punktet viser mere end titel og beslutning: Sagsfremstilling, Indstilling og Bilag. Tag teksten ud af den offentlige udgave.',
    );
    assert.match(salg.message.en, /^Item 3 is a closed item, but the document is published/);
    assert.deepEqual(
      salg.related?.map((r) => r.range.start.line + 1),
      [31, 39, 47],
    );
    assert.match(koeb.message.da, /^Punkt 5 .* beslutning: Resumé\./);
    assert.deepEqual(koeb.related?.[0].range, range(58, 0, 16));
  });

  it('offers to remove the text, keeping title, case number and decision; not safe', () => {
    const [salg] = found;
    assert.equal(salg.fixes?.[0].safe, false);
    const fixed = applyEdits(text, found.flatMap((f) => f.fixes![0].edits));
    assert.deepEqual(only(fixed, 'RF201'), []);
    assert.ok(fixed.includes('Punkt 3: Lukket punkt: Salg af grund\n\n21/15762\n\nBeslutning\n\nGodkendt.\n\nPunkt 4:'), fixed);
    assert.ok(fixed.includes('Punkt 5: Køb af ejendom\n\nSagstype: Lukket\n\nBeslutning\n\nGodkendt.\n'));
    assert.ok(!fixed.includes('4,2 mio. kr.') && !fixed.includes('Købstilbud') && !fixed.includes('12 mio. kr.'));
    assert.equal(parseDocument(fixed).model.items.length, 5);
  });

  it('exempts closed items from the structure rules', () => {
    const structure = analyze(text).findings.filter((f) => /^RF00[1-6]$/.test(f.code));
    assert.deepEqual(
      structure.filter((f) => f.range.start.line >= lineOf(text, 'Punkt 3:')).map((f) => `${f.code}@${f.range.start.line + 1}`),
      [],
    );
  });

  it('follows the publication setting: a referat is public and a dagsorden internal by default', () => {
    assert.deepEqual(only(text, 'RF201', { publication: 'internal' }), []);
    const agenda = text.replace('REFERAT', 'DAGSORDEN').replace(/\n(?:Beslutning|Vedtagelse[^\n]*)\n\n(?:Godkendt|Taget til efterretning)\.\n/g, '\n');
    assert.equal(parseDocument(agenda).model.kind, 'dagsorden');
    assert.deepEqual(only(agenda, 'RF201'), []);
    assert.equal(only(agenda, 'RF201', { publication: 'public' }).length, 2);
  });

  it('can be switched off in .referat.json and inline', () => {
    assert.deepEqual(only(text, 'RF201', { rules: { RF201: 'off' } }), []);
    const inline = text.replace('Resumé\n\nEjendommen', 'referat-disable-next-line RF201\nResumé\n\nEjendommen');
    assert.equal(only(inline, 'RF201').length, 1);
  });
});

describe('RF210 prose-total', () => {
  const text = fixture('prose-totals.txt');
  const found = only(text, 'RF210');

  it('reports a text total in mio. kr. against a table in 1.000 kr., on the figure', () => {
    const f = found[0];
    assert.equal(f.severity, 'warning');
    assert.equal(textAt(text, f.range), '15,4 mio. kr.');
    assert.equal(f.range.start.line, 10);
    assertReported(f, 'amount', {
      said: '15,4 mio. kr.',
      label: { da: '»Erhvervsudvalget« (2021) ', en: '"Erhvervsudvalget" (2021) ' },
      total: '14.385',
      unit: ' (Beløb i 1.000 kr.)',
      equivalent: '14,4 mio. kr.',
    });
    assert.equal(textAt(text, f.related![0].range), '14.385');
    assert.deepEqual(f.fixes?.[0].edits.map((e) => [textAt(text, e.range), e.newText]), [['15,4', '14,4']]);
    assert.equal(f.fixes?.[0].safe, false);
  });

  it('reports a count and a figure before "fordelt"', () => {
    const [, count, fordelt] = found;
    assert.equal(textAt(text, count.range), '110 deltagere');
    assertReported(count, 'count', { said: '110 deltagere', label: { da: '»I alt« (Realiseret) ', en: '"I alt" (Realiseret) ' }, total: '100' });
    assert.equal(textAt(text, fordelt.range), '2,5 mio. kr.');
    assertReported(fordelt, 'amount', { total: '3.000', unit: ' (Beløb i 1.000 kr.)', equivalent: '3,0 mio. kr.' });
  });

  it('is quiet once the text says what the table says', () => {
    const fixed = applyEdits(text, found.flatMap((f) => f.fixes?.[0]?.edits ?? []).concat([{ range: found[1].range, newText: '100 deltagere' }]));
    assert.deepEqual(only(fixed, 'RF210'), []);
  });

  it('compares only totals about the same thing and of the same size', () => {
    // Punkt 4: "i alt 250 mio. kr." (another total), "12 mio. kr. til puljen" (no shared word),
    // "op mod 30 deltagere" (a bound), "100 mio. kr." against a table of counts: nothing.
    const punkt4 = lineOf(text, 'Punkt 4:');
    assert.deepEqual(found.filter((f) => f.range.start.line > punkt4 && f.range.start.line < lineOf(text, 'Punkt 5:')), []);
  });

  it('allows rounding and "ca." and quotes of any table row', () => {
    const table = 'Erhvervsudvalget\t2021\n\tBeløb i 1.000 kr.\nBeskæftigelse\t14.359\nErhvervsudvikling mm.\t26\nErhvervsudvalget\t14.385';
    const say = (sentence: string) => only(rudersdal(`${sentence}\n\n${table}`), 'RF210').length;
    assert.equal(say('Erhvervsudvalgets merforbrug er i alt 14,4 mio. kr.'), 0);
    assert.equal(say('Erhvervsudvalgets merforbrug er i alt 14,38 mio. kr.'), 0);
    assert.equal(say('Erhvervsudvalgets merforbrug er i alt 14.385.000 kr.'), 0);
    assert.equal(say('Erhvervsudvalgets merforbrug er i alt 14.385 t. kr.'), 0);
    assert.equal(say('Erhvervsudvalgets merforbrug er i alt ca. 14 mio. kr.'), 0);
    assert.equal(say('Erhvervsudvalgets merforbrug er i alt 14,359 mio. kr.'), 0, 'a row of the table');
    assert.equal(say('Erhvervsudvalgets merforbrug er i alt 14,5 mio. kr.'), 1);
    assert.equal(say('Erhvervsudvalgets merforbrug er i alt 14.395.000 kr.'), 1);
    assert.equal(say('Erhvervsudvalgets merforbrug er i alt 0,014 mia. kr.'), 0);
    assert.equal(say('Erhvervsudvalgets merforbrug er i alt over 16 mio. kr.'), 0, 'a bound');
    assert.equal(say('Erhvervsudvalgets merforbrug er i alt op mod 16 mio. kr.'), 0, 'a bound');
    assert.equal(say('Erhvervsudvalgets merforbrug er 16 mio. kr.'), 0, 'no total word');
    assert.equal(say('Erhvervsudvalgets udgifter er 5.000 kr. pr. borger, i alt 16 mio. kr.'), 1);
  });

  it('can be switched off in .referat.json and inline', () => {
    assert.deepEqual(only(text, 'RF210', { rules: { RF210: 'off' } }), []);
    const inline = text.replace('Projektet havde', 'referat-disable-next-line RF210\nProjektet havde');
    assert.equal(only(inline, 'RF210').length, 2);
  });
});

describe('RF210 prose-total: which total the text is about', () => {
  const text = fixture('prose-totals-scope.txt');
  const found = only(text, 'RF210');
  const inItem = (n: number) => {
    const from = lineOf(text, `Punkt ${n}:`);
    const to = lineOf(text, `Punkt ${n + 1}:`);
    return found.filter((f) => f.range.start.line > from && (to < 0 || f.range.start.line < to));
  };

  it('compares a figure with the table its sentence leads into, and quotes that total', () => {
    const [f] = inItem(1);
    assert.equal(textAt(text, f.range), '30 sommerhuse');
    assertReported(f, 'count', { said: '30 sommerhuse', label: { da: '»I alt« (Antal huse) ', en: '"I alt" (Antal huse) ' }, total: '31' });
    assert.equal(textAt(text, f.related![0].range), '31');
    assert.deepEqual(inItem(2), [], 'the same lead-in with the right figure');
  });

  it('compares only with the column the sentence names ("pladser" is "Antal pladser", not "Ledige")', () => {
    assert.deepEqual(inItem(3), []);
  });

  it('is quiet when the sentence names one of the addends: it is about that part', () => {
    assert.deepEqual(inItem(4), []);
  });

  it('is quiet when two columns of the total\'s row differ (two price levels) and the text names neither', () => {
    assert.deepEqual(inItem(5), []);
  });

  it('takes "… af overskuddet" for a part and another year for another period', () => {
    assert.deepEqual(inItem(6), []);
    assert.deepEqual(inItem(7), []);
  });

  it('lets an approximate figure be 10 % off, reports one far off and quotes the approximation', () => {
    const [f, ...rest] = inItem(8);
    assert.deepEqual(rest, []);
    assert.equal(textAt(text, f.range), '12 mio. kr.');
    assertReported(f, 'amount', { said: 'cirka 12 mio. kr.', label: { da: '»Overskud i alt« (Regnskab) ', en: '"Overskud i alt" (Regnskab) ' }, total: '15,0' });
    assert.equal(f.fixes, undefined, 'no fix for an approximate figure');
  });

  it('allows the rounding of the table\'s addends, not more for a round figure in the text', () => {
    // Four rows rounded to 0,1 mio. kr. may together be 0,2 off the exact sum the text rounds.
    const table = 'Mio. kr.\tForbrug\nVeje\t2,5\nStier\t2,5\nBroer\t2,5\nPladser\t2,5\nAnlæg i alt\t10,0';
    const say = (figure: string) => only(rudersdal(`Anlæg koster i alt ${figure} mio. kr.\n\n${table}`), 'RF210').length;
    assert.equal(say('10,2'), 0);
    assert.equal(say('9,8'), 0);
    assert.equal(say('10,3'), 1);
    assert.equal(say('10,25'), 1, 'two decimals in the text: its own rounding is smaller');
    assert.equal(say('13'), 1, '13 is not read as "about 10"');
  });

  it('does not read a lead-in into a table that is not right under the sentence', () => {
    const apart = text.replace('fordelt på følgende områder:\n\n\tAntal huse', 'fordelt på følgende områder:\n\nHusene er udlejet hele året.\n\n\tAntal huse');
    assert.equal(only(apart, 'RF210').filter((f) => textAt(apart, f.range) === '30 sommerhuse').length, 0);
  });
});

describe('RF210 prose-total: a table that shares out the figure, in any form (column-stacked too)', () => {
  const vocab = new ProfileRegistry().get('rudersdal').tables;

  it('reads labels first, then amounts, as a table of two columns under their header lines', () => {
    const text = fixture('prose-total-stacked-wrong.txt');
    const [table, ...rest] = parseDocument(text).model.items[0].tables;
    assert.deepEqual(rest, []);
    assert.equal(table.form, 'stacked');
    const read = tableAnalysis(table, vocab).read;
    assert.deepEqual(
      read.rows.map((r) => [r.kind, r.label, r.cells[1]?.value ?? r.cells[1]?.text]),
      [
        ['header', 'Område', 'Beløb i kr.'],
        ['data', 'Skoler', 1500000],
        ['data', 'Dagtilbud', 1200000],
        ['data', 'Idrætsanlæg', 1800000],
      ],
    );
    assert.deepEqual(read.columns.map((c) => [c.kind, c.name]), [['label', 'Område'], ['amount', 'Beløb i kr.']]);
    // Each cell keeps its own line: the label on line 18, its amount on line 23 (1-based).
    assert.equal(textAt(text, read.rows[1].cells[0]!.range), 'Skoler');
    assert.equal(read.rows[1].cells[0]!.range.start.line, 17);
    assert.equal(textAt(text, read.rows[1].cells[1]!.range), '1.500.000');
    assert.equal(read.rows[1].cells[1]!.range.start.line, 22);
  });

  it('reports a figure the rows below do not add up to, beyond rounding, on the figure', () => {
    const text = fixture('prose-total-stacked-wrong.txt');
    const found = only(text, 'RF210');
    assert.equal(found.length, 1);
    const [f] = found;
    assert.equal(textAt(text, f.range), '4,2 mio. kr.');
    assert.equal(f.range.start.line, lineOf(text, 'Der er i alt afsat 4,2 mio. kr.'));
    assertReported(f, 'distributedAmount', { said: '4,2 mio. kr.', column: '', sum: '4.500.000', unit: ' (Beløb i kr.)', equivalent: '4,5 mio. kr.' });
    assert.deepEqual(f.data, { stated: 4200000, table: 4500000, dimension: 'money', column: 'Beløb i kr.', distributed: true });
    // The related information spans the amounts the rows share out.
    const rel = f.related![0].range;
    assert.deepEqual([rel.start.line, rel.end.line], [lineOf(text, '1.500.000'), lineOf(text, '1.800.000')]);
    assert.deepEqual(f.fixes?.[0].edits.map((e) => [textAt(text, e.range), e.newText]), [['4,2', '4,5']]);
    assert.equal(f.fixes?.[0].safe, false);
    assert.deepEqual(only(applyEdits(text, f.fixes![0].edits), 'RF210'), []);
  });

  it('allows the rounding of the text and of the addends, a part of the table stated, and a last row that totals the others', () => {
    assert.deepEqual(check(fixture('prose-total-stacked-ok.txt')), []);
    // Punkt 2: three amounts in mio. kr. with one decimal may be off by 0,15 together, the text's 4,2 by 0,05.
    const text = fixture('prose-total-stacked-ok.txt');
    const punkt2 = (last: string) => only(text.replace('1,3\n1,6\n', `1,3\n${last}\n`), 'RF210').length;
    assert.equal(punkt2('1,7'), 0, '4,4 against 4,2: within 0,2');
    assert.equal(punkt2('1,8'), 1, '4,5 against 4,2: beyond');
  });

  it('compares in every table form: tab, pipe, aligned columns (the column the sentence names), one cell a line, stacked with a total', () => {
    const text = fixture('prose-total-distributed-forms.txt');
    const found = only(text, 'RF210');
    assert.deepEqual(
      parseDocument(text).model.items.map((it) => it.tables.map((t) => t.form)),
      [['tab'], ['pipe'], ['space'], ['cells'], ['stacked']],
    );
    assert.deepEqual(found.map((f) => [textAt(text, f.range), f.messageId]), [
      ['4,2 mio. kr.', 'distributedAmount'],
      ['4,2 mio. kr.', 'distributedAmount'],
      ['4,2 mio. kr.', 'distributedAmount'],
      ['4,2 mio. kr.', 'distributedAmount'],
      ['4,2 mio. kr.', 'amount'],
    ]);
    assertReported(found[2], 'distributedAmount', { column: '(Anlæg (kr.)) ', sum: '4.500.000' });
    assertReported(found[4], 'amount', { label: { da: '»I alt« ', en: '"I alt" ' }, total: '4.500.000' });
    const fixed = applyEdits(text, found.flatMap((f) => f.fixes?.[0]?.edits ?? []));
    assert.deepEqual(only(fixed, 'RF210'), []);
  });

  it('says nothing when the table has several amount columns and the sentence names none of them', () => {
    const text = fixture('prose-total-distributed-forms.txt').replace('4,2 mio. kr. til anlæg,', '4,2 mio. kr. til området,');
    const punkt3 = lineOf(text, 'Punkt 3:');
    assert.deepEqual(only(text, 'RF210').filter((f) => f.range.start.line > punkt3 && f.range.start.line < lineOf(text, 'Punkt 4:')), []);
  });

  it('compares a count exactly, and leaves a table with a negative amount alone', () => {
    const say = (sentence: string, rows = 'Klub Øst\t12\nKlub Vest\t9\nKlub Syd\t10') => only(rudersdal(`${sentence}\n\n${rows}`), 'RF210');
    const [f, ...rest] = say('Der er i alt 40 pladser, som fordeles således:');
    assert.deepEqual(rest, []);
    assertReported(f, 'distributedCount', { said: '40 pladser', sum: '31', column: '' });
    assert.equal(say('Der er i alt 31 pladser, som fordeles således:').length, 0);
    assert.equal(say('Der er i alt 30 pladser, som fordeles således:').length, 1, 'a count is not rounded');
    assert.equal(say('Der er i alt 21 pladser i øst og vest, som fordeles således:').length, 0, 'the first two rows');
    const money = 'Område\tBeløb i kr.\nSkoler\t1.500.000\nDagtilbud\t-300.000\nIdræt\t1.800.000';
    assert.equal(say('Der er i alt afsat 4,2 mio. kr., som fordeles således:', money).length, 0, 'a negative amount shares out nothing');
  });

  it('never reads a list of labels and figures in prose, or counts that differ, as a table', () => {
    const text = fixture('prose-total-stacked-not-table.txt');
    assert.deepEqual(parseDocument(text).model.items.map((it) => it.tables.length), [0, 0, 0, 0, 0]);
    assert.deepEqual(check(text), []);
  });
});

describe('RF211 decision-authority', () => {
  const text = fixture('decision-authority.txt');
  const found = only(text, 'RF211');

  it('reports "Godkendt" where the council decides, with the decidedBy line as related information', () => {
    const f = found[0];
    assert.equal(f.severity, 'information');
    assert.deepEqual(f.range, range(34, 0, 8));
    assertReported(f, 'otherAuthority', { decidedBy: 'Kommunalbestyrelsen', committee: 'Erhvervs- og Beskæftigelsesudvalget', wording: 'Godkendt' });
    assert.equal(textAt(text, f.related![0].range), 'Kommunalbestyrelsen');
    assert.deepEqual(f.fixes, [
      { title: { da: 'Skriv »Indstilles til godkendelse«', en: 'Write "Indstilles til godkendelse"' }, edits: [{ range: f.range, newText: 'Indstilles til godkendelse' }], safe: false },
    ]);
  });

  it('reports an approval with changes, without a fix for a longer decision', () => {
    const f = found[1];
    assertReported(f, 'otherAuthority', { decidedBy: 'Økonomiudvalget og Kommunalbestyrelsen' });
    assert.match(String(f.messageData?.wording), /^Indstillingen godkendt med den ændring/);
    assert.equal(f.fixes, undefined);
  });

  it('is quiet once reworded', () => {
    const fixed = applyEdits(text, found[0].fixes![0].edits);
    assert.equal(only(fixed, 'RF211').length, 1);
  });

  it('needs the meeting committee: nothing without a header or a decision heading naming it', () => {
    const headless = text.replace(/^REFERAT[^\n]*\n/, '');
    assert.deepEqual(only(headless, 'RF211'), []);
  });

  it('can be switched off in .referat.json', () => {
    assert.deepEqual(only(text, 'RF211', { rules: { RF211: 'off' } }), []);
  });
});

describe('publication rules on the seeds', () => {
  for (const name of seedNames()) {
    it(`${name}: none of RF200, RF201, RF210, RF211, also when the document is public`, () => {
      assert.deepEqual(check(seedText(name)), []);
      assert.deepEqual(check(seedText(name), { publication: 'public' }), []);
    });
  }

  it('000 Punkt 2 and 6: totals in the text agree with the tables, and a changed figure is caught', () => {
    const text = seedText(SEEDS.rudersdal2021);
    assert.deepEqual(parseDocument(text).model.personalNumbers, []);
    const changed = text.replace('på i alt 14,4 mio. kr., hvortil', 'på i alt 15,4 mio. kr., hvortil');
    const f = only(changed, 'RF210');
    assert.deepEqual(f.map((x) => [x.range.start.line + 1, textAt(changed, x.range)]), [[56, '15,4 mio. kr.']]);
    const table = text.replace('Beskæftigelse\t14.359\t0', 'Beskæftigelse\t15.359\t0').replace('Erhvervsudvalget\t14.385\t0', 'Erhvervsudvalget\t15.385\t0');
    assert.deepEqual(only(table, 'RF210').map((x) => x.range.start.line + 1), [38, 56]);
    const deltagere = text.replace('i alt 100 deltagere', 'i alt 110 deltagere');
    assert.deepEqual(only(deltagere, 'RF210').map((x) => [x.range.start.line + 1, textAt(deltagere, x.range)]), [[275, '110 deltagere']]);
  });

  it('001 Punkt 5: "Indstilles til godkendelse" for Kommunalbestyrelsen is right, "Godkendt" is reported', () => {
    const text = seedText(SEEDS.ballerup2021);
    const changed = text.replace('Beslutning\n\nIndstilles til godkendelse', 'Beslutning\n\nGodkendt');
    const f = only(changed, 'RF211');
    assert.deepEqual(f.map((x) => [x.range.start.line + 1, x.related![0].range.start.line + 1]), [[385, 375]]);
  });

  it('003 has no header: who decides is not compared', () => {
    const text = seedText(SEEDS.ballerupPdf).replace(/Beslutning\n\nTaget til efterretning\n\nPunkt 3/, 'Beslutning\n\nGodkendt\n\nPunkt 3').replace('Beslutningen træffes af\n\nErhvervs- og Beskæftigelsesudvalget\n\nIndstilling\n\nCenter for By, Erhverv og Miljø indstiller, at\n\nOrienteringen', 'Beslutningen træffes af\n\nKommunalbestyrelsen\n\nIndstilling\n\nCenter for By, Erhverv og Miljø indstiller, at\n\nOrienteringen');
    assert.ok(text.includes('Kommunalbestyrelsen\n\nIndstilling'));
    assert.deepEqual(only(text, 'RF211'), []);
  });
});

describe('RF210 reach', () => {
  const doc = (gap: number) =>
    [
      'REFERAT Økonomiudvalget d. 10-10-2024', '', 'Punkt 1: Budgetopfølgning', '', 'Sagsfremstilling', '',
      'Det samlede merforbrug på drift og anlæg er 13,0 mio. kr.', '',
      ...Array.from({ length: gap }, (_, k) => [`Afsnit ${k + 1} om andre forhold uden tal.`, '']).flat(),
      'Område\tMerforbrug i 1.000 kr.', 'Drift\t10.000', 'Anlæg\t6.900', 'I alt\t16.900', '',
      'Beslutning', '', 'Godkendt.', '',
    ].join('\n');
  const codes = (text: string) => analyze(text).findings.filter((f) => f.code === 'RF210').length;

  it('compares a figure a few paragraphs above a table with its total', () => {
    assert.equal(codes(doc(3)), 1);
  });

  it('does not compare a figure pages above the table (most often another period or quantity)', () => {
    assert.equal(codes(doc(30)), 0);
  });
});

describe('RF210 names the column of the total', () => {
  it('reads a header whose first (label) cell is empty as the header of every column, not shifted one left', () => {
    const text = [
      'REFERAT Socialudvalget d. 10-10-2024', '', 'Punkt 1: Boliger', '', 'Sagsfremstilling', '',
      'Der er i alt 30 boliger fordelt på følgende adresser:', '',
      '\u00a0\tAntal boliger\tLedige', 'Nørregade 1\t12', 'Søndergade 2\t9', 'Vestergade 3\t10', 'I alt\t31\t4', '',
      'Beslutning', '', 'Godkendt.', '',
    ].join('\n');
    const found = analyze(text).findings.filter((f) => f.code === 'RF210');
    assert.equal(found.length, 1);
    assert.match(found[0]!.message.da, /»I alt« \(Antal boliger\) er 31/);
  });
});
