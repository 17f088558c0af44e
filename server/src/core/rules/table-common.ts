/**
 * Shared helpers of the table rules (RF101–RF105): the analysis of every table of the
 * document (read and checked once, see core/tables), and the words of their messages.
 */
import type { Fix, MinutesDocument, RelatedInfo } from '../model';
import type { RuleFinding } from './rule';
import type { Profile } from '../profiles/profile';
import { analyzeTables, formatNumber, type Reading, type TableAnalysis, type TotalCheck } from '../tables/index';

export function tablesOf(model: MinutesDocument, profile: Profile): TableAnalysis[] {
  return analyzeTables(model, profile.tables);
}

/** How a message names what was added up, by reading. */
const ADDED: Record<Reading, { da: string; en: string }> = {
  block: { da: 'rækkerne', en: 'the rows' },
  blockWithParts: { da: 'rækkerne med deres "heraf"-rækker', en: 'the rows with their "of which" rows' },
  all: { da: 'alle rækkerne ovenover', en: 'all the rows above' },
  subtotals: { da: 'deltotalerne og de øvrige rækker', en: 'the subtotals and the other rows' },
  cumulative: { da: 'forrige total plus rækkerne', en: 'the previous total plus the rows' },
  below: { da: 'rækkerne under den', en: 'the rows below it' },
  belowWithParts: { da: 'rækkerne under den', en: 'the rows below it' },
  columns: { da: 'kolonnerne', en: 'the columns' },
  allColumns: { da: 'alle kolonnerne til venstre', en: 'all the columns to its left' },
  cumulativeColumns: { da: 'forrige totalkolonne plus kolonnerne', en: 'the previous total column plus the columns' },
  right: { da: 'kolonnerne til højre', en: 'the columns to its right' },
  left: { da: 'kolonnerne til venstre', en: 'the columns to its left' },
  difference: { da: 'forskellen', en: 'the difference' },
};

export function added(reading: Reading): { da: string; en: string } {
  return ADDED[reading];
}

/** A number for a message, with the decimals the check uses. */
export function num(check: TotalCheck, value: number): string {
  return formatNumber(value, check.decimals);
}

/** A label short enough for a message. */
export function short(label: string, max = 60): string {
  const s = label.replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** The addends as related information: the clerk can jump to each row of the sum. */
export function relatedAddends(check: TotalCheck, limit = 40): RelatedInfo[] {
  return check.addends.slice(0, limit).map((a) => ({
    range: a.cell.range,
    message: {
      da: `${a.sign < 0 ? 'Trækkes fra' : 'Indgår i summen'}: ${short(a.label) || '(uden tekst)'} ${a.cell.text}`,
      en: `${a.sign < 0 ? 'Subtracted' : 'Part of the sum'}: ${short(a.label) || '(no label)'} ${a.cell.text}`,
    },
  }));
}

/** The note under the table that may explain the difference, as a sentence to append. */
export function explainedSentence(check: TotalCheck): { da: string; en: string } {
  if (!check.explainedBy) return { da: '', en: '' };
  const note = short(check.explainedBy.text, 80).replace(/[.]$/, "");
  return {
    da: ` Noten under tabellen forklarer måske forskellen: "${note}".`,
    en: ` The note under the table may explain the difference: "${note}".`,
  };
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
      title: { da: `Ret totalen til ${value}`, en: `Change the total to ${value}` },
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

/**
 * The finding on a total that does not add up (RF101 down a column, RF102 across a row):
 * on the total cell, with the addends as related places, information-level when a
 * footnote explains the difference, and the fix that writes the computed total.
 */
export function totalFinding(check: TotalCheck, message: { da: string; en: string }): RuleFinding {
  const finding: RuleFinding = { range: check.cell.range, message, related: relatedAddends(check), data: checkData(check) };
  if (check.explainedBy) finding.severity = 'information';
  const fixes = totalFix(check);
  if (fixes) finding.fixes = fixes;
  return finding;
}
