/**
 * Shared helpers of the table rules (RF101–RF105): the analysis of every table of the
 * document (read and checked once, see core/tables), and the words of their messages.
 */
import type { Fix, MinutesDocument, RelatedInfo, Severity, Table } from '../model';
import { catalogue, messageFunction, type Localized, type MessageData } from '../messages';
import type { RuleFinding } from './rule';
import type { Profile } from '../profiles/profile';
import { analyzeTables, formatNumber, type Reading, type TableAnalysis, type TotalCheck } from '../tables/index';
import { shorten } from '../text/shorten';

export function tablesOf(model: MinutesDocument, profile: Profile): TableAnalysis[] {
  return analyzeTables(model, profile.tables);
}

/**
 * The checks of one kind that fail and may be reported (no glued marker explains them), with their
 * table's analysis, table by table: what RF101 ('column'), RF102 ('row') and RF105 ('difference') report.
 */
export function reportedFailures(model: MinutesDocument, profile: Profile, kind: TotalCheck['kind']): { analysis: TableAnalysis; check: TotalCheck }[] {
  const out: { analysis: TableAnalysis; check: TotalCheck }[] = [];
  for (const analysis of tablesOf(model, profile)) {
    for (const check of analysis.checks) if (check.kind === kind && !check.ok && !check.repair && check.reportable) out.push({ analysis, check });
  }
  return out;
}

/** The words the table rules share: what was added up, the addends, the explaining note, the fix. */
const message = messageFunction(
  catalogue('tables', {
    addend: { da: 'Indgår i summen: {label} {value}', en: 'Part of the sum: {label} {value}' },
    subtracted: { da: 'Trækkes fra: {label} {value}', en: 'Subtracted: {label} {value}' },
    noLabel: { da: '(uden tekst)', en: '(no label)' },
    explained: {
      da: ' Noten under tabellen forklarer måske forskellen: »{note}«.',
      en: ' The note under the table may explain the difference: "{note}".',
    },
    fixTotal: { da: 'Ret totalen til {value}', en: 'Change the total to {value}' },
    laidOut: {
      da: ' Tabellen er læst ud fra PDF\'ens layout (tekstens placering på siden, ikke dens struktur), så hvor cellerne begynder, er et skøn: se efter i PDF\'en.',
      en: " The table was read from the PDF's layout (where its text stands on the page, not its structure), so where its cells begin is a guess: check it in the PDF.",
    },
  }),
);

/**
 * Whether a table stands on lines the reader laid out from a PDF's text positions (MinutesDocument.laidOut):
 * its cell breaks are wide gaps, a guess, so a sum that does not add up may be a misread layout.
 */
export function readFromLayout(model: MinutesDocument, table: Table): boolean {
  const first = table.range.start.line;
  const last = table.range.end.line;
  return (model.laidOut ?? []).some((span) => span.from <= last && span.to >= first);
}

/** The sentence a finding on a table read from the layout ends with (the `{layout}` placeholder), or ''. */
export function layoutNote(model: MinutesDocument, table: Table): Localized | '' {
  return readFromLayout(model, table) ? message('laidOut') : '';
}

const ONE_STEP_LOWER: Record<Severity, Severity> = { error: 'warning', warning: 'information', information: 'information', hint: 'hint' };

/**
 * A finding on a table read from the layout, one step lower than it would be (error → warning, warning →
 * information): the arithmetic is sure, the reading of the cells is not. A severity the user configured for
 * the rule still wins (run-rules.ts).
 */
export function withLayoutConfidence(finding: RuleFinding, model: MinutesDocument, table: Table, defaultSeverity: Severity): RuleFinding {
  if (readFromLayout(model, table)) finding.severity = ONE_STEP_LOWER[finding.severity ?? defaultSeverity];
  return finding;
}

/** How a message names what was added up, by reading. */
const ADDED: Record<Reading, Localized> = catalogue('tables.added', {
  block: { da: 'rækkerne', en: 'the rows' },
  blockWithParts: { da: 'rækkerne med deres »heraf«-rækker', en: 'the rows with their "of which" rows' },
  all: { da: 'alle rækkerne ovenover', en: 'all the rows above' },
  subtotals: { da: 'deltotalerne og de øvrige rækker', en: 'the subtotals and the other rows' },
  cumulative: { da: 'forrige total plus rækkerne', en: 'the previous total plus the rows' },
  below: { da: 'rækkerne under den', en: 'the rows below it' },
  belowWithParts: { da: 'rækkerne under den', en: 'the rows below it' },
  sinceBalance: { da: 'rækkerne siden beholdningen', en: 'the rows since the balance' },
  subtotalsSinceBalance: { da: 'deltotalerne og de øvrige rækker siden beholdningen', en: 'the subtotals and the other rows since the balance' },
  closingBalance: { da: 'den forrige beholdning plus bevægelserne', en: 'the previous balance plus the movements' },
  columns: { da: 'kolonnerne', en: 'the columns' },
  allColumns: { da: 'alle kolonnerne til venstre', en: 'all the columns to its left' },
  cumulativeColumns: { da: 'forrige totalkolonne plus kolonnerne', en: 'the previous total column plus the columns' },
  sinceBalanceColumns: { da: 'kolonnerne siden beholdningen', en: 'the columns since the balance' },
  closingBalanceColumns: { da: 'den forrige beholdning plus bevægelserne', en: 'the previous balance plus the movements' },
  right: { da: 'kolonnerne til højre', en: 'the columns to its right' },
  left: { da: 'kolonnerne til venstre', en: 'the columns to its left' },
  difference: { da: 'forskellen', en: 'the difference' },
});

export function added(reading: Reading): Localized {
  return ADDED[reading];
}

/** A number for a message, with the decimals the check uses. */
export function num(check: TotalCheck, value: number): string {
  return formatNumber(value, check.decimals);
}

/** A label short enough for a message. */
export function short(label: string, max = 60): string {
  return shorten(label, max);
}

/** The addends as related information: the clerk can jump to each row of the sum. */
export function relatedAddends(check: TotalCheck, limit = 40): RelatedInfo[] {
  return check.addends.slice(0, limit).map((a) => ({
    range: a.cell.range,
    message: message(a.sign < 0 ? 'subtracted' : 'addend', { label: short(a.label) || message('noLabel'), value: a.cell.text }),
  }));
}

/** The note under the table that may explain the difference, as a sentence to append. */
export function explainedSentence(check: TotalCheck): Localized | '' {
  if (!check.explainedBy) return '';
  return message('explained', { note: short(check.explainedBy.text, 80).replace(/[.]$/, '') });
}

/**
 * Replace a wrong total by the computed one: only when every reading gives the same sum
 * and no footnote or marker is involved. Never safe: the error may be in a row instead.
 */
export function totalFix(check: TotalCheck): Fix[] | undefined {
  if (!check.fixable || check.ok || check.explainedBy) return undefined;
  const text = check.cell.text;
  const m = /^[-–−÷]?\s?\d[\d.]*(?:,\d+)?/.exec(text);
  if (!m) return undefined;
  const value = formatNumber(check.computed, check.cell.decimals ?? 0, 'auto', text);
  const start = check.cell.range.start;
  return [
    {
      title: message('fixTotal', { value }),
      edits: [{ range: { start, end: { line: start.line, character: start.character + m[0].length } }, newText: value }],
      safe: false,
    },
  ];
}

export function checkData(check: TotalCheck): Record<string, unknown> {
  return {
    stated: check.stated,
    computed: check.computed,
    difference: check.difference,
    reading: check.reading,
    row: check.rowLabel,
    column: check.columnName,
  };
}

/** Where a report goes and what it carries besides its words (the argument of totalFinding's report). */
type TotalPlace = { range: RuleFinding['range']; related: RelatedInfo[]; details: unknown };

/**
 * The findings on the totals of one kind that do not add up: RF101 ('column', a total row down a
 * column) and RF102 ('row', a total column across a row). `words` gives a rule's own placeholders
 * (where the total stands); the words both share follow them: the stated total, what was added up,
 * the sum, the difference, the note that may explain it and the layout note ({layout}). Each is a totalFinding,
 * one step lower on a table read from a PDF's layout.
 */
export function wrongTotalFindings(
  model: MinutesDocument,
  profile: Profile,
  kind: 'column' | 'row',
  defaultSeverity: Severity,
  words: (check: TotalCheck, analysis: TableAnalysis) => MessageData,
  report: (data: MessageData, at: TotalPlace) => RuleFinding,
): RuleFinding[] {
  return reportedFailures(model, profile, kind).map(({ analysis, check }) => {
    const data: MessageData = {
      ...words(check, analysis),
      stated: check.cell.text,
      added: added(check.reading),
      computed: num(check, check.computed),
      difference: num(check, check.difference),
      note: explainedSentence(check),
      layout: layoutNote(model, analysis.read.table),
    };
    return withLayoutConfidence(totalFinding(check, (at) => report(data, at)), model, analysis.read.table, defaultSeverity);
  });
}

/**
 * The finding on a total that does not add up (RF101 down a column, RF102 across a row):
 * on the total cell, with the addends as related places, information-level when a
 * footnote explains the difference, and the fix that writes the computed total.
 */
export function totalFinding(check: TotalCheck, report: (r: TotalPlace) => RuleFinding): RuleFinding {
  const finding = report({ range: check.cell.range, related: relatedAddends(check), details: checkData(check) });
  if (check.explainedBy) finding.severity = 'information';
  const fixes = totalFix(check);
  if (fixes) finding.fixes = fixes;
  return finding;
}
