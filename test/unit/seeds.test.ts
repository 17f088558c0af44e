/**
 * The seeds parsed into the model, with expectations written from the documents
 * themselves (and from ../shared/DOMAIN.md), not from the parser's output.
 */
import * as assert from 'node:assert/strict';
import { analyzeSeed, SEEDS } from './helpers';

const titles = (name: string) => analyzeSeed(name).model.items.map((i) => `${i.number}: ${i.title}`);

describe('seed 000 (Rudersdal, Erhvervsudvalget 3 Nov 2021)', () => {
  const { model } = analyzeSeed(SEEDS.rudersdal2021);

  it('is a referat in the Rudersdal template with the header facts', () => {
    assert.equal(model.kind, 'referat');
    assert.equal(model.profile, 'rudersdal');
    assert.equal(model.header?.committee?.text, 'Erhvervsudvalget');
    assert.equal(model.header?.date?.iso, '2021-11-03');
    assert.equal(model.header?.date?.weekday?.text, 'Onsdag');
    assert.equal(model.header?.place?.text, 'Væksthuset');
    assert.equal(model.header?.participants.length, 10);
    assert.equal(model.header?.participants[0].text, 'Randi Mondorf');
  });

  it('has the six Punkter with their exact titles', () => {
    assert.deepEqual(titles(SEEDS.rudersdal2021), [
      '1: Meddelelser',
      '2: Budgetopfølgning pr. 30. september 2021 - Erhvervsudvalget',
      '3: Delegationsplan for Erhvervsudvalget',
      '4: Status for partnerskabet med Den erhvervsdrivende fond Væksthuset',
      '5: Møde med Handicaprådet',
      '6: Slutevaluering af projekt Business Training',
    ]);
  });

  it('reads the table of contents with dot leaders and pages', () => {
    assert.equal(model.toc?.form, 'dots');
    assert.deepEqual(model.toc?.entries.map((e) => e.page), [3, 4, 7, 9, 12, 14]);
    assert.equal(model.toc?.entries[5].title, 'Slutevaluering af projekt Business Training');
  });

  it('gives each item its case number, sections and "Vedtagelse i … den …" as the decision', () => {
    const p2 = model.items[1];
    assert.equal(p2.caseNumber?.text, '21/14768');
    assert.deepEqual(p2.sections.map((s) => s.role), ['summary', 'presentation', 'recommendation', 'decision', 'attachmentList']);
    assert.equal(p2.decision?.text, 'ERHVERVSUDVALGET indstiller Direktionens forslag tiltrådt.');
    assert.equal(p2.decision?.outcome, 'recommended');
    assert.equal(p2.decision?.date?.iso, '2021-11-03');
    assert.equal(model.items[2].decision?.outcome, 'approved');
    assert.deepEqual(model.items[4].attachments.map((a) => a.title), [
      'Job- og uddannelsesrettede indsatser for borgere med handicap',
      'Medlemmer af Handicaprådet',
    ]);
  });

  it('knows Meddelelser is exempt and has only a Resumé', () => {
    assert.equal(model.items[0].exempt, true);
    assert.deepEqual(model.items[0].sections.map((s) => s.heading), ['Resumé']);
    assert.equal(model.items[0].decision, null);
  });

  it('finds the Business Training table with the cell 751 and its two I alt rows', () => {
    const table = model.items[5].tables[0];
    assert.equal(table.form, 'tab');
    const cells = table.rows.flatMap((r) => r.cells.map((c) => c.text));
    assert.ok(cells.includes('751'));
    assert.equal(table.rows.filter((r) => r.cells[0].text === 'I alt').length, 2);
    const participants = model.items[5].tables[1];
    assert.deepEqual(participants.rows.map((r) => r.cells[1].value), [2, 4, 13, 3, 5, 27]);
  });

  it('parses the budget tables’ Danish numbers', () => {
    const [budget, overall] = model.items[1].tables;
    assert.deepEqual(budget.rows.slice(3, 6).map((r) => r.cells[1].value), [14359, 26, 14385]);
    assert.deepEqual(overall.rows.slice(3).map((r) => r.cells[1].value), [10598, 62484, -29599, -22287]);
  });
});

describe('seed 001 (Ballerup, Erhvervs- og Beskæftigelsesudvalget 9 Mar 2021)', () => {
  const { model } = analyzeSeed(SEEDS.ballerup2021);

  it('is a Ballerup referat of ten items, the last the signature page', () => {
    assert.equal(model.kind, 'referat');
    assert.equal(model.profile, 'ballerup');
    assert.equal(model.header?.date?.iso, '2021-03-09');
    assert.equal(model.header?.date?.weekday?.text, 'Tirsdag');
    assert.equal(model.items.length, 10);
    assert.equal(model.items[2].title, 'Erhvervs- og Vækstpolitik 2021-2025');
    assert.equal(model.items[9].title, 'Godkendelse af referat (underskriftside)');
    assert.equal(model.items[9].exempt, true);
    assert.equal(model.items[9].decision, null);
  });

  it('does not take the numbered sub-points of Meddelelser for items', () => {
    assert.deepEqual(model.items.map((i) => i.number), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.equal(model.items[0].title, 'Meddelelser');
  });

  it('gives Indhold the group role and tells the two Bilag apart', () => {
    const p3 = model.items[2];
    assert.deepEqual(p3.sections.map((s) => s.role), [
      'earlierTreatment', 'group', 'summary', 'background', 'presentation', 'economy',
      'attachmentCount', 'decidedBy', 'recommendation', 'decision', 'attachmentList',
    ]);
    assert.equal(p3.caseNumber?.text, '24.00.00-G01-4-20');
    assert.equal(p3.earlierTreatments[0].date?.iso, '2021-02-02');
    assert.equal(p3.earlierTreatments[0].itemNumber, 3);
  });

  it('reads outcomes from the decisions as written', () => {
    const outcome = (n: number) => model.items[n - 1].decision?.outcome;
    assert.equal(outcome(2), 'approved'); // "Indstillingen godkendt"
    assert.equal(outcome(3), 'rejected'); // "Indstillingen ikke godkendt."
    assert.equal(outcome(4), 'noted'); // "Taget til efterretning"
    assert.equal(outcome(5), 'recommended'); // "Indstilles til godkendelse"
    assert.equal(outcome(9), 'approvedWithChanges'); // "Indstilling godkendt med denne bemærkning:"
  });

  it('reads attachment counts and marks, the misspelt ANBEALES included', () => {
    const p8 = model.items[7];
    assert.deepEqual(p8.attachmentCounts.map((c) => [c.total, c.recommended]), [[2, 2]]);
    assert.deepEqual(p8.attachments.map((a) => a.marker?.text), ['ANBEALES', 'ANBEFALES']);
    const p1 = model.items[0];
    assert.deepEqual(p1.attachmentCounts.map((c) => [c.total, c.recommended, c.subPoint]), [[1, null, 3], [1, 1, 4]]);
    assert.deepEqual(p1.attachments.map((a) => [a.number?.text, a.marker?.text ?? null]), [['1.3', null], ['1.4', 'ANBEFALES']]);
  });
});

describe('seed 002 (Rudersdal, 12 Aug 2020, contents as a Markdown table)', () => {
  const { model } = analyzeSeed(SEEDS.rudersdal2020);

  it('has five items and a pipe-table contents', () => {
    assert.equal(model.profile, 'rudersdal');
    assert.equal(model.items.length, 5);
    assert.equal(model.toc?.form, 'pipe');
    assert.deepEqual(model.toc?.entries.map((e) => e.title), model.items.map((i) => i.title));
    assert.equal(model.items[3].title, 'Åben og Rolig - styrket indsats for stressramte');
  });

  it('reads an item without Bilag, and Økonomi as a section', () => {
    assert.deepEqual(model.items[1].sections.map((s) => s.role), ['summary', 'presentation', 'recommendation', 'decision']);
    assert.ok(model.items[3].sections.some((s) => s.role === 'economy'));
  });
});

describe('seed 003 (Ballerup, extracted from PDF)', () => {
  const { model } = analyzeSeed(SEEDS.ballerupPdf);

  it('is a referat with eleven items although it has no header', () => {
    assert.equal(model.kind, 'referat');
    assert.equal(model.profile, 'ballerup');
    assert.equal(model.header, null);
    assert.equal(model.items.length, 11);
  });

  it('joins wrapped titles and keeps list numbers out of them', () => {
    const t = model.items.map((i) => i.title);
    assert.equal(t[0], 'Meddelelser');
    assert.equal(t[2], 'Studietur for Erhvervs- og Beskæftigelsesudvalget');
    assert.equal(t[3], 'Opfølgning på omstillingscases til budget 2019 på Erhvervs- og Beskæftigelsesudvalgets område');
    assert.equal(t[4], 'Udmøntning af "Aftale om en forenklet beskæftigelsesindsats" i lov om en aktiv beskæftigelsesindsats');
    assert.equal(t[7], 'Indsatsen for borgere med anden etnisk baggrund');
    assert.equal(t[10], "Høring på KKR's udkast til fælles kommunal strategi for unges sundhed");
    const p3 = model.items[2];
    assert.deepEqual([p3.titleRange.start.line, p3.titleRange.end.line], [109, 110]);
  });

  it('has no case numbers and ends the last item before the Source URL line', () => {
    assert.ok(model.items.every((i) => i.caseNumber === undefined));
    assert.equal(model.items[10].range.end.line, 933);
  });

  it('reads the space-separated migration tables', () => {
    const tables = model.items[1].tables;
    assert.equal(tables.length, 2);
    assert.ok(tables.every((t) => t.form === 'space'));
    assert.deepEqual(tables[0].rows[0].cells.map((c) => c.value ?? c.text), ['Ballerup', 116, 97, 75, 22]);
    assert.deepEqual(tables[1].rows[0].cells.map((c) => c.value ?? c.text), ['Ballerup', 120, 65, 85, -20]);
  });

  it('reads "2 bilag (Herfaf 1 tilknyttet efter mødet)" as a count of two', () => {
    assert.deepEqual(model.items[4].attachmentCounts.map((c) => [c.total, c.recommended]), [[2, null]]);
  });
});

describe('seed 004 (Høje-Taastrup, Markdown dagsorden)', () => {
  const { model } = analyzeSeed(SEEDS.hoejeTaastrup);

  it('is a dagsorden with committee, date and two items', () => {
    assert.equal(model.kind, 'dagsorden');
    assert.equal(model.profile, 'hoeje-taastrup');
    assert.equal(model.header?.municipality?.text, 'Høje-Taastrup Kommune');
    assert.equal(model.header?.committee?.text, 'Borger- og Erhvervsudvalget');
    assert.equal(model.header?.date?.iso, '2013-03-06');
    assert.equal(model.header?.place?.text, 'Mødelokale B101');
    assert.equal(model.header?.absent.length, 0);
  });

  it('keeps the category marker out of the titles', () => {
    assert.deepEqual(titles(SEEDS.hoejeTaastrup), ['1: Redegørelse for integrationspris projekter - BEU', '2: God borgerservice - BEU - ØU']);
    assert.deepEqual(model.items.map((i) => i.category?.text), ['A', 'A']);
    assert.deepEqual(model.items.map((i) => i.caseNumber?.text), ['12/26442', '13/2820']);
  });

  it('reads the Markdown sections and leaves sub-headings alone', () => {
    assert.deepEqual(model.items[0].sections.map((s) => s.heading), [
      'Sagsfremstilling', 'Økonomi', 'Retsgrundlag', 'Politik/Plan', 'Information', 'Høring', 'Vurdering', 'Indstilling',
    ]);
    assert.equal(model.items[0].decision, null);
  });

  it('reads the numbered contents with pages', () => {
    assert.equal(model.toc?.form, 'numbered');
    assert.deepEqual(model.toc?.entries.map((e) => [e.number, e.title, e.page]), [
      [1, 'Redegørelse for integrationspris projekter - BEU', 2],
      [2, 'God borgerservice - BEU - ØU', 6],
    ]);
  });
});
