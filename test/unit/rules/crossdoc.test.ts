/**
 * Cross-document functions (server/src/core/crossdoc.ts): the index of a parsed meeting,
 * earlier treatments resolved to the minutes and item they name, and RF220/RF221 between
 * the agenda and the minutes of the same meeting. Fixtures in test/fixtures/rules/crossdoc/:
 * an agenda and the minutes of one meeting (an item renamed, one dropped, one added, a
 * recommendation changed) and the minutes of an earlier meeting.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../server/src/core/analyze';
import { committeeKey, isGenericBody, namesCommittee } from '../../../server/src/core/committee';
import { agendaFor, compareAgendaAndMinutes, indexMeeting, resolveEarlierTreatment, sameMeeting, type IndexedMeeting } from '../../../server/src/core/crossdoc';
import type { EarlierTreatment, Range } from '../../../server/src/core/model';
import { FIXTURES, SEEDS, seedNames, seedText } from '../helpers';
import { describeRegistration } from './conventions';
import { textAt, assertReported } from './text-helpers';

const DIR = path.join(FIXTURES, 'rules', 'crossdoc');
const fixture = (name: string) => readFileSync(path.join(DIR, name), 'utf8');
const index = (name: string) => indexMeeting(`file:///${name}`, analyze(fixture(name)).model);

describeRegistration('crossdoc: the document-set rules are registered with docs pages', 'crossdoc');


describe('committee names', () => {
  it('fold case, spaces and dashes, and keep different committees apart', () => {
    const key = committeeKey('Erhvervs- og Beskæftigelsesudvalget');
    assert.equal(key, 'erhvervs- og beskæftigelsesudvalget');
    for (const v of ['Erhvervs- og beskæftigelsesudvalget', 'Erhvervs-og Beskæftigelsesudvalget', 'Erhvervs – og  Beskæftigelsesudvalget', '**Erhvervs- og Beskæftigelsesudvalget**', 'Erhvervs- og Beskæftigelsesudvalget.']) {
      assert.equal(committeeKey(v), key, v);
    }
    assert.notEqual(committeeKey('Erhvervsudvalget'), key);
    assert.ok(namesCommittee('Erhvervs- og beskæftigelsesudvalget og Kommunalbestyrelsen', key));
    assert.ok(!namesCommittee('Kommunalbestyrelsen', key));
    assert.ok(isGenericBody('Udvalget') && !isGenericBody('Økonomiudvalget'));
  });
});

describe('indexMeeting', () => {
  it('keeps kind, committee, date, items and recommendations', () => {
    const agenda = index('agenda.txt');
    assert.equal(agenda.uri, 'file:///agenda.txt');
    assert.equal(agenda.kind, 'dagsorden');
    assert.equal(agenda.committee, 'Erhvervs- og Beskæftigelsesudvalget');
    assert.equal(agenda.committeeKey, 'erhvervs- og beskæftigelsesudvalget');
    assert.equal(agenda.date, '2021-03-09');
    assert.deepEqual(agenda.items.map((it) => [it.number, it.title]), [
      [1, 'Meddelelser'],
      [2, 'Processen for spare- og omprioriteringspuljen'],
      [3, 'Erhvervs- og Vækstpolitik 2021-2025'],
      [4, 'Studietur'],
      [5, 'Vision for Kildedal'],
    ]);
    assert.equal(agenda.items[2].recommendationText, 'Center for Økonomi indstiller, at\n1. Forslag til justering af politikken godkendes.\n2. Der bevilges 2,0 mio. kr.');
    assert.equal(textAt(fixture('agenda.txt'), agenda.items[2].recommendationRange!), 'Indstilling');
  });

  it('indexes every seed; 003 has no header, so no committee or date', () => {
    const seeds = seedNames().map((n) => indexMeeting(n, analyze(seedText(n)).model));
    assert.deepEqual(
      seeds.map((s) => [s.kind, s.committee, s.date, s.items.length]),
      [
        ['referat', 'Erhvervsudvalget', '2021-11-03', 6],
        ['referat', 'Erhvervs- og Beskæftigelsesudvalget', '2021-03-09', 10],
        ['referat', 'Erhvervsudvalget', '2020-08-12', 5],
        ['referat', null, null, 11],
        ['dagsorden', 'Borger- og Erhvervsudvalget', '2013-03-06', 2],
      ],
    );
  });
});

describe('resolveEarlierTreatment', () => {
  const docs = ['agenda.txt', 'minutes.txt', 'earlier-minutes.txt'].map(index);
  const minutes = analyze(fixture('minutes.txt')).model;

  it('points "Økonomiudvalget den 9. februar 2021 Punkt 3" to that meeting\'s minutes and item', () => {
    const entry = minutes.items[1].earlierTreatments[0];
    assert.equal(entry.text, 'Økonomiudvalget den 9. februar 2021 Punkt 3');
    const target = resolveEarlierTreatment(entry, docs);
    assert.equal(target?.uri, 'file:///earlier-minutes.txt');
    assert.equal(textAt(fixture('earlier-minutes.txt'), target!.titleRange), 'Spare- og omprioriteringspuljen til budget 2022');
    assert.equal(target!.itemRange.start.line, target!.titleRange.start.line);
    assert.ok(target!.itemRange.end.line > target!.itemRange.start.line);
  });

  it('matches committee names written differently, prefers the minutes, and links to the document without a Punkt', () => {
    const entry = (text: string, body: string, iso: string, punkt?: number): EarlierTreatment => ({
      text,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: text.length } },
      body,
      date: { text: '', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, iso, year: 0, month: 0, day: 0 },
      ...(punkt === undefined ? {} : { itemNumber: punkt }),
    });
    const lowerCase = entry('x', 'Erhvervs- og beskæftigelsesudvalget', '2021-03-09', 4);
    const target = resolveEarlierTreatment(lowerCase, docs);
    assert.equal(target?.uri, 'file:///minutes.txt', 'the referat, not the dagsorden of the same meeting');
    assert.equal(textAt(fixture('minutes.txt'), target!.titleRange), 'Vision for Kildedal.');
    const noPunkt = resolveEarlierTreatment(entry('x', 'Økonomiudvalget', '2021-02-09'), docs);
    assert.deepEqual(noPunkt, { uri: 'file:///earlier-minutes.txt', itemRange: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, titleRange: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
    const onlyAgenda = resolveEarlierTreatment(lowerCase, docs.filter((d) => d.kind === 'dagsorden'));
    assert.equal(onlyAgenda?.uri, 'file:///agenda.txt');
    assert.equal(resolveEarlierTreatment(entry('x', 'Økonomiudvalget', '2021-02-10', 3), docs), null, 'another date');
    assert.equal(resolveEarlierTreatment(entry('x', 'Teknik- og Miljøudvalget', '2021-02-09', 3), docs), null, 'another committee');
  });

  it('gives null for a line without a committee or date, such as 003 Punkt 9', () => {
    const seed = analyze(seedText(SEEDS.ballerupPdf)).model;
    const none = seed.items[8].earlierTreatments[0];
    assert.equal(none.text, 'Sagen har ikke været behandlet tidligere.');
    assert.equal(resolveEarlierTreatment(none, docs), null);
  });

  it('resolves the seeds\' lines against meetings of those committees and dates', () => {
    const seed = analyze(seedText(SEEDS.ballerupPdf)).model;
    // "Erhvervs- og beskæftigelsesudvalget den 9. april 2019 Punkt 2" (lower-case b) against a referat header with a capital B.
    const meeting = `REFERAT Erhvervs- og Beskæftigelsesudvalget d. 09-04-2019\n\nPunkt 1: Meddelelser\n\nBeslutning\n\nTaget til efterretning\n\nPunkt 2: Forenkling af beskæftigelsesindsatsen\n\nBeslutning\n\nTaget til efterretning\n`;
    const doc = indexMeeting('file:///2019-04-09.txt', analyze(meeting).model);
    const entry = seed.items[4].earlierTreatments[0];
    assert.equal(entry.text, 'Erhvervs- og beskæftigelsesudvalget den 9. april 2019 Punkt 2');
    const target = resolveEarlierTreatment(entry, [doc]);
    assert.equal(target?.uri, 'file:///2019-04-09.txt');
    assert.equal(textAt(meeting, target!.titleRange), 'Forenkling af beskæftigelsesindsatsen');
  });
});

describe('compareAgendaAndMinutes: RF220 and RF221', () => {
  const agenda = index('agenda.txt');
  const minutes = index('minutes.txt');
  const text = fixture('minutes.txt');
  const found = compareAgendaAndMinutes(agenda, minutes);

  it('finds the same meeting and the agenda of the minutes', () => {
    assert.ok(sameMeeting(agenda, minutes), 'same committee (written differently) and date');
    assert.equal(agendaFor(minutes, [agenda, minutes, index('earlier-minutes.txt')]), agenda);
    assert.equal(agendaFor(agenda, [agenda, minutes]), null, 'only for minutes');
  });

  it('reports a rename, a changed recommendation, a dropped and an added item, in document order', () => {
    assert.deepEqual(
      found.map((f) => [f.code, f.severity, f.range.start.line + 1, (f.data as { change: string }).change]),
      [
        ['RF220', 'warning', 21, 'renamed'],
        ['RF221', 'information', 47, 'recommendation'],
        ['RF220', 'warning', 58, 'dropped'],
        ['RF220', 'warning', 74, 'added'],
      ],
    );
    for (const f of found) assert.equal((f.data as { otherUri: string }).otherUri, 'file:///agenda.txt');
  });

  it('says what changed, with the agenda\'s place and an unsafe fix for the rename', () => {
    const [renamed, recommendation, dropped, added] = found;
    assert.equal(textAt(text, renamed.range), 'Processen for Spare- og omprioriteringspuljen til budget 2022');
    assertReported(renamed, 'renamed', {
      number: 2,
      title: 'Processen for Spare- og omprioriteringspuljen til budget 2022',
      agendaTitle: 'Processen for spare- og omprioriteringspuljen',
    });
    assert.equal(textAt(fixture('agenda.txt'), (renamed.data as { otherRange: Range }).otherRange), 'Processen for spare- og omprioriteringspuljen');
    assert.deepEqual(renamed.fixes?.[0].edits, [{ range: renamed.range, newText: 'Processen for spare- og omprioriteringspuljen' }]);
    assert.equal(renamed.fixes?.[0].safe, false);

    assert.equal(textAt(text, recommendation.range), 'Indstilling');
    assertReported(recommendation, 'changed', { number: 3, was: '2. Der bevilges 2,0 mio. kr.', now: '2. Der bevilges 2,5 mio. kr.' });
    assert.equal(textAt(fixture('agenda.txt'), (recommendation.data as { otherRange: Range }).otherRange), 'Indstilling');

    assertReported(dropped, 'dropped', { number: 4, title: 'Studietur' });
    assert.equal(textAt(text, dropped.range), 'Vision for Kildedal.', 'at the item that follows it');
    assert.equal(textAt(fixture('agenda.txt'), (dropped.data as { otherRange: Range }).otherRange), 'Studietur');

    assertReported(added, 'added', { number: 5, title: 'Lukning af jobcentrets filial' });
    assert.match(added.message.en, /^Item 5 "Lukning af jobcentrets filial" is not on the agenda\./);
  });

  it('ignores a trailing period, renumbering, spacing and PDF list numbers', () => {
    // Agenda 5 "Vision for Kildedal" is minutes 4 "Vision for Kildedal.": no rename; item 2's recommendation differs only in spaces.
    assert.ok(!found.some((f) => f.range.start.line + 1 === 58 && f.code !== 'RF220'));
    assert.ok(!found.some((f) => f.code === 'RF221' && f.range.start.line < 40));
    const pdf: IndexedMeeting = { ...minutes, items: minutes.items.map((it) => (it.number === 1 ? { ...it, recommendationText: 'Center for Økonomi indstiller, at\nMeddelelserne tages til efterretning.1.' } : it)) };
    assert.ok(!compareAgendaAndMinutes(agenda, pdf).some((f) => f.code === 'RF221' && f.range.start.line < 15));
  });

  it('compares only an agenda with the minutes of the same meeting', () => {
    assert.deepEqual(compareAgendaAndMinutes(minutes, agenda), []);
    assert.deepEqual(compareAgendaAndMinutes(agenda, { ...minutes, date: '2021-03-10' }), []);
    assert.deepEqual(compareAgendaAndMinutes(agenda, index('earlier-minutes.txt')), []);
    assert.deepEqual(compareAgendaAndMinutes({ ...agenda, committeeKey: null }, { ...minutes, committeeKey: null }), []);
  });

  it('applies the configuration: a rule off, a severity changed', () => {
    const configured = compareAgendaAndMinutes(agenda, minutes, { rules: { RF220: 'off', RF221: 'warning' } });
    assert.deepEqual(configured.map((f) => [f.code, f.severity]), [['RF221', 'warning']]);
  });

  it('finds nothing between a seed and the same document as its agenda', () => {
    for (const name of [SEEDS.rudersdal2021, SEEDS.ballerup2021, SEEDS.rudersdal2020]) {
      const seed = indexMeeting(`file:///${name}`, analyze(seedText(name)).model);
      assert.deepEqual(compareAgendaAndMinutes({ ...seed, uri: 'file:///agenda', kind: 'dagsorden' }, seed), [], name);
    }
  });
});
