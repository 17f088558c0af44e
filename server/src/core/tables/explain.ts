/**
 * What a hover over a total shows: the sum computed from the table, the addends and the
 * difference, as data and as a Markdown table in Danish and English. Pure: the language
 * server calls it with the model and the position under the mouse.
 */
import type { Cell, MinutesDocument, Position, Range } from '../model';
import { builtinProfiles } from '../profiles/builtin';
import type { Profile } from '../profiles/profile';
import type { Reading, TableAnalysis, TotalCheck } from './check';
import { formatNumber } from './format';
import { allTables, tableAnalysis } from './analysis';
import { catalogue, textsIn } from '../messages';

export interface ExplainedTotal {
  kind: TotalCheck['kind'];
  /** The total's row label ("I alt") and, for tables with a header, its column name. */
  rowLabel: string;
  columnName: string;
  stated: number;
  computed: number;
  /** stated − computed. */
  difference: number;
  /** The total agrees exactly. */
  exact: boolean;
  /** The total agrees within the rounding of the amounts (half a unit of the last digit per addend). */
  withinRounding: boolean;
  reading: Reading;
  addends: { label: string; text: string; value: number; sign: 1 | -1; range: Range }[];
  /** A glued footnote marker found in the sum ("751" → 75 with footnote 1). */
  repair?: { text: string; value: number; marker: string; range: Range; computed: number };
}

export interface TotalExplanation {
  /** The hovered total cell. */
  range: Range;
  totals: ExplainedTotal[];
  /**
   * The hovered cell is in a row labelled as a total that is read as an addend ("Husleje i alt" as
   * a line of "Udgifter i alt"): `totals` are then the sums it is part of.
   */
  addend?: { rowLabel: string };
  markdown: { da: string; en: string };
}

export const READING_TEXT: Record<Reading, { da: string; en: string }> = catalogue('tables.readings', {
  block: { da: 'rækkerne siden forrige total', en: 'the rows since the previous total' },
  blockWithParts: { da: 'rækkerne siden forrige total, med »heraf«-rækkerne', en: 'the rows since the previous total, with the "of which" rows' },
  all: { da: 'alle rækkerne ovenover', en: 'all rows above' },
  subtotals: { da: 'deltotalerne og rækkerne uden total', en: 'the subtotals and the rows outside them' },
  cumulative: { da: 'forrige total plus rækkerne siden', en: 'the previous total plus the rows since' },
  below: { da: 'rækkerne under den', en: 'the rows below it' },
  belowWithParts: { da: 'rækkerne under den', en: 'the rows below it' },
  sinceBalance: { da: 'rækkerne siden beholdningen (ikke beholdningen selv)', en: 'the rows since the balance (not the balance itself)' },
  subtotalsSinceBalance: { da: 'deltotalerne og rækkerne uden total siden beholdningen', en: 'the subtotals and the rows outside them since the balance' },
  closingBalance: { da: 'den forrige beholdning plus bevægelserne', en: 'the previous balance plus the movements' },
  columns: { da: 'kolonnerne til venstre', en: 'the columns to its left' },
  allColumns: { da: 'alle kolonnerne til venstre', en: 'all columns to its left' },
  cumulativeColumns: { da: 'forrige totalkolonne plus kolonnerne siden', en: 'the previous total column plus the columns since' },
  sinceBalanceColumns: { da: 'kolonnerne siden beholdningen (ikke beholdningen selv)', en: 'the columns since the balance (not the balance itself)' },
  closingBalanceColumns: { da: 'den forrige beholdning plus bevægelserne', en: 'the previous balance plus the movements' },
  right: { da: 'kolonnerne til højre', en: 'the columns to its right' },
  left: { da: 'kolonnerne til venstre', en: 'the columns to its left' },
  difference: { da: 'forskellen', en: 'the difference' },
});

function contains(range: Range, p: Position): boolean {
  const { start, end } = range;
  if (p.line < start.line || p.line > end.line) return false;
  if (p.line === start.line && p.character < start.character) return false;
  if (p.line === end.line && p.character > end.character) return false;
  return true;
}

function defaultProfile(model: MinutesDocument): Profile {
  const registry = builtinProfiles();
  return registry.get(registry.has(model.profile) ? model.profile : 'generic');
}

/**
 * The explanation of the total at a position, or null when the position is not on a
 * total (or on a number whose footnote marker is glued on). `profile` defaults to the
 * built-in profile the model was parsed with.
 */
export function explainTotalAt(model: MinutesDocument, position: Position, profile?: Profile): TotalExplanation | null {
  const vocab = (profile ?? defaultProfile(model)).tables;
  for (const table of allTables(model)) {
    if (position.line < table.range.start.line || position.line > table.range.end.line) continue;
    const analysis = tableAnalysis(table, vocab);
    let cell: Cell | undefined;
    for (const row of table.rows) {
      cell = row.cells.find((c) => c.text !== '' && contains(c.range, position));
      if (cell) break;
    }
    if (!cell) return null;
    const checks = analysis.checks.filter((x) => x.cell === cell || x.repair?.cell === cell);
    if (checks.length === 0) return asAddend(analysis, cell);
    const totals = checks.map(toExplained);
    return { range: cell.range, totals, markdown: { da: markdown(totals, 'da'), en: markdown(totals, 'en') } };
  }
  return null;
}

/** A cell of a row labelled as a total but read as an addend: explained by the sums it is part of. */
function asAddend(analysis: TableAnalysis, cell: Cell): TotalExplanation | null {
  const row = analysis.read.rows.find((r) => r.addend && r.cells.includes(cell));
  if (!row) return null;
  const totals = analysis.checks.filter((x) => x.kind === 'column' && x.addends.some((a) => a.cell === cell)).map(toExplained);
  if (totals.length === 0) return null;
  const note = (lang: 'da' | 'en') => explainText(lang)('asAddend', { row: cellText(row.label), total: cellText(totals[0].rowLabel), value: cellText(cell.text) });
  return {
    range: cell.range,
    totals,
    addend: { rowLabel: row.label },
    markdown: { da: `${note('da')}\n\n${markdown(totals, 'da')}`, en: `${note('en')}\n\n${markdown(totals, 'en')}` },
  };
}

function toExplained(x: TotalCheck): ExplainedTotal {
  const out: ExplainedTotal = {
    kind: x.kind,
    rowLabel: x.rowLabel,
    columnName: x.columnName,
    stated: x.stated,
    computed: x.computed,
    difference: x.difference,
    exact: x.exact,
    withinRounding: x.ok,
    reading: x.reading,
    addends: x.addends.map((a) => ({ label: a.label, text: a.cell.text, value: a.value, sign: a.sign, range: a.cell.range })),
  };
  if (x.repair) {
    out.repair = { text: x.repair.cell.text, value: x.repair.value, marker: x.repair.marker, range: x.repair.cell.range, computed: x.repair.computed };
  }
  return out;
}

const cellText = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

const explainText = textsIn(
  catalogue('tables.hover', {
    difference: { da: 'Forskel', en: 'Difference' },
    row: { da: 'Rækkesum', en: 'Row total' },
    column: { da: 'Kolonnesum', en: 'Column total' },
    inColumn: { da: '{row}, kolonne {column}', en: '{row}, column {column}' },
    amountHead: { da: '| | Beløb |', en: '| | Amount |' },
    computed: { da: 'Beregnet', en: 'Computed' },
    stated: { da: 'Angivet', en: 'Stated' },
    repair: {
      da: '{written} er formentlig {value} med fodnote {marker}; så giver det {computed}.',
      en: '{written} is probably {value} with footnote {marker}; then it comes to {computed}.',
    },
    exact: { da: 'Summen passer.', en: 'The total adds up.' },
    withinRounding: { da: 'Summen passer inden for afrunding.', en: 'The total adds up within rounding.' },
    wrong: { da: 'Summen passer ikke.', en: 'The total does not add up.' },
    asAddend: {
      da: '»{row}« er læst som en post i »{total}«, ikke som en total: ingen rækker lige over eller under den giver {value}.',
      en: '"{row}" is read as a line of "{total}", not as a total: no rows right above or below it add up to {value}.',
    },
  }),
);

function markdown(totals: ExplainedTotal[], lang: 'da' | 'en'): string {
  const text = explainText(lang);
  const parts: string[] = [];
  for (const t of totals) {
    const n = (v: number) => formatNumber(v, Math.max(0, ...t.addends.map((a) => decimalsOf(a.text)), decimalsOf(String(t.stated))));
    const what = text(t.kind === 'difference' ? 'difference' : t.kind === 'row' ? 'row' : 'column');
    const names = [t.rowLabel, t.columnName].filter((s) => s !== '').map((s) => `"${cellText(s)}"`);
    const where = names.length === 2 ? text('inColumn', { row: names[0], column: names[1] }) : names.join('');
    parts.push(`**${what}** ${where} — ${READING_TEXT[t.reading][lang]}`);
    parts.push('');
    parts.push(text('amountHead'));
    parts.push('|---|---:|');
    for (const a of t.addends) parts.push(`| ${a.sign < 0 ? '− ' : ''}${cellText(a.label) || '–'} | ${cellText(a.text)} |`);
    parts.push(`| **${text('computed')}** | **${n(t.computed)}** |`);
    parts.push(`| **${text('stated')}** | **${n(t.stated)}** |`);
    parts.push(`| ${text('difference')} | ${n(t.difference)} |`);
    parts.push('');
    if (t.repair) {
      parts.push(text('repair', { written: t.repair.text, value: formatNumber(t.repair.value), marker: t.repair.marker, computed: n(t.repair.computed) }));
    } else parts.push(text(t.exact ? 'exact' : t.withinRounding ? 'withinRounding' : 'wrong'));
    parts.push('');
  }
  return parts.join('\n').trim() + '\n';
}

function decimalsOf(text: string): number {
  const m = /,(\d+)/.exec(text);
  return m ? m[1].length : 0;
}
