import type { Fix, Item, MinutesDocument, Table } from '../model';
import type { Profile } from '../profiles/profile';
import { formatNumber } from '../tables/index';
import { perLanguage } from '../messages';
import { ruleMessages, type Rule, type RuleFinding } from './rule';
import type { Statement, TableFacts, TableTotal } from './prose-total-types';
import { related } from './prose-words';
import { explainedByRun } from './prose-distribution';
import { firstLines, linesOf, tableFacts } from './prose-table-facts';
import { statements } from './prose-statements';
import { shorten } from '../text/shorten';
import { layoutNote, withLayoutConfidence } from './table-common';

const { messages, message, report } = ruleMessages({
  amount: {
    da: 'Teksten siger {said}, men tabellens total {label}er {total}{unit}, dvs. {equivalent} Forskellen er mere end afrunding: ret tallet i teksten eller i tabellen.{layout}',
    en: "The text says {said}, but the table's total {label}is {total}{unit}, that is {equivalent} The difference is more than rounding: correct the figure in the text or in the table.{layout}",
  },
  count: {
    da: 'Teksten siger {said}, men tabellens total {label}er {total}. Ret tallet i teksten eller i tabellen.{layout}',
    en: "The text says {said}, but the table's total {label}is {total}. Correct the figure in the text or in the table.{layout}",
  },
  distributedAmount: {
    da: 'Teksten siger {said}, men rækkerne i tabellen nedenfor {column}giver tilsammen {sum}{unit}, dvs. {equivalent} Forskellen er mere end afrunding: ret tallet i teksten eller i tabellen.{layout}',
    en: 'The text says {said}, but the rows of the table below {column}add up to {sum}{unit}, that is {equivalent} The difference is more than rounding: correct the figure in the text or in the table.{layout}',
  },
  distributedCount: {
    da: 'Teksten siger {said}, men rækkerne i tabellen nedenfor {column}giver tilsammen {sum}. Ret tallet i teksten eller i tabellen.{layout}',
    en: 'The text says {said}, but the rows of the table below {column}add up to {sum}. Correct the figure in the text or in the table.{layout}',
  },
  tableTotal: { da: 'Tabellens total: {label}{total}', en: "The table's total: {label}{total}" },
  tableSum: { da: 'Rækkerne giver tilsammen {sum}', en: 'The rows add up to {sum}' },
  fix: { da: 'Ret teksten til {text}', en: 'Change the text to {text}' },
});

const SEVERITY = 'warning';

/**
 * RF210: a total stated in an item's text ("i alt 14,4 mio. kr.", "en samlet ramme på
 * 5 mio. kr.", "2,5 mio. kr. fordelt på …", "i alt 100 deltagere") that a total in a table
 * of the same item contradicts beyond rounding. Typically the table was updated and the
 * text was not.
 *
 * Units are converted before comparing: kr., t. kr., 1.000 kr., mio. kr., mia. kr. in the
 * text; the table's unit from its unit, title or header rows ("Beløb i 1.000 kr.") or the
 * cells' own units. Money is compared with tables in money, counts ("100 deltagere") with
 * tables without a money unit. The tables are read by the table analysis (core/tables):
 * its totals, including a total written first, are the ones compared.
 *
 * The text's figure is taken to be what the table says when any number in the item's
 * tables matches it within rounding (half a unit of the last digit written in the text,
 * plus half a unit of the table's own last digit: a round figure in the text is not read
 * as a rough one). "ca.", "cirka", "omkring", "knap", "godt" make the figure approximate:
 * only more than 10 % off contradicts it. A statement with "over", "under", "mindst",
 * "op mod" or "pr." is no total, nor one followed by "af" ("59 mio. kr. af mindreforbruget"
 * is a part of something).
 *
 * Otherwise the figure is compared with a table total only when the two are clearly about
 * the same thing, and then with one total only; it is reported when the two differ by more
 * than the text's rounding and the rounding of the total's addends together:
 *  - the sentence ends the paragraph right above the table and leads into it ("fordelt på
 *    følgende adresser:"): the table distributes the figure. A table without a total is then
 *    compared by the sum of its rows (compareDistribution), in any table form; or
 *  - the sentence shares a word with the total's row, its column, the table's title or the
 *    total's addends ("Erhvervsudvalgets … i alt" and the row "Erhvervsudvalget"), does not
 *    name just one of the addends (then it is about that part: "På overførselsudgifterne …"),
 *    and names no other year than the total's ("regnskab 2021" against a table of 2022).
 * A sentence that names a column of the table ("boliger" and "Antal boliger") is compared
 * with that column only. The total must be of the same size (within a factor 1.5), and
 * when several totals of different value qualify (the same row in a budget and a
 * forecast column, or two price levels) the text does not say which one it means: silence.
 */
export const proseTotal: Rule = {
  code: 'RF210',
  name: 'prose-total',
  defaultSeverity: SEVERITY,
  tags: ['publication'],
  fixable: true,
  description: {
    da: 'Et beløb eller antal i teksten passer ikke med totalen i punktets tabel.',
    en: "An amount or count in the text does not match the total in the item's table.",
  },
  messages,
  check({ model, profile }) {
    return model.items.flatMap((item) => {
      const hit = itemCache.get(item);
      if (hit?.profile === profile && hit.laidOut === model.laidOut) return hit.findings;
      const findings = itemFindings(item, profile, onTable(model));
      itemCache.set(item, { profile, laidOut: model.laidOut, findings });
      return findings;
    });
  },
};

/**
 * The findings of one item, cached on the item object: the parser reuses an item the edit did
 * not touch (parse/memo.ts), and then its text and tables need not be read again.
 */
const itemCache = new WeakMap<Item, { profile: Profile; laidOut: MinutesDocument['laidOut']; findings: RuleFinding[] }>();

/**
 * What a finding on a table needs of the document: the layout note of a table read from a PDF's layout, and
 * its severity one step lower there (table-common.ts).
 */
interface OnTable {
  note(table: Table): ReturnType<typeof layoutNote>;
  confidence(finding: RuleFinding, table: Table): RuleFinding;
}

function onTable(model: MinutesDocument): OnTable {
  return { note: (table) => layoutNote(model, table), confidence: (finding, table) => withLayoutConfidence(finding, model, table, SEVERITY) };
}

function itemFindings(item: Item, profile: Profile, on: OnTable): RuleFinding[] {
  const out: RuleFinding[] = [];
  if (item.tables.length === 0) return out;
  // The text first: most items state no total, and then their tables need not be read.
  const found = statements(item, profile, linesOf(item.tables), firstLines(item.tables));
  if (found.length === 0) return out;
  const tables = item.tables.map((t) => tableFacts(t, profile));
  // A table without a total is compared only with a sentence that leads into it (it shares out the figure).
  if (!tables.some((t) => t.totals.length > 0) && !found.some((s) => s.leadsInto)) return out;
  for (const statement of found) {
    const finding = compare(statement, tables, on);
    if (finding) out.push(finding);
  }
  return out;
}


const SAME_SIZE = 1.5;
/** How far off an approximate figure ("ca. 40") may be from the table. */
const APPROXIMATION = 0.1;

function compare(s: Statement, tables: TableFacts[], on: OnTable): RuleFinding | null {
  const comparable = tables.filter((t) => t.dimension === s.dimension);
  if (comparable.length === 0) return null;
  const own = 0.5 * 10 ** -s.decimals * s.multiplier;
  const tolerance = (v: { value: number; tolerance: number }) =>
    (s.approximate ? Math.max(own, APPROXIMATION * s.value) : own) + v.tolerance + 1e-9 * Math.max(s.value, v.value);
  // The figure is in a table: it says what the table says.
  if (comparable.some((t) => t.values.some((v) => Math.abs(v.value - s.value) <= tolerance(v)))) return null;
  const into = s.leadsInto ? comparable.find((t) => t.table === s.leadsInto) : undefined;
  if (into && into.totals.length === 0) return compareDistribution(s, into, tolerance, on);
  const best = closest(s, candidateTotals(s, comparable));
  // A total written as the sum of rounded rows may be off the exact figure by their rounding together.
  if (!best || Math.abs(best.total.value - s.value) <= tolerance(best.total)) return null;
  const { table, total } = best;
  const inTextUnit = total.value / s.multiplier;
  const shown = formatNumber(inTextUnit, s.decimals);
  const unitWord = s.text.slice(s.numberText.length).trim();
  const equivalent = `${shown}${unitWord ? ` ${unitWord}` : ''}`;
  const column = total.column && total.column !== table.unitText ? `(${short(total.column, 30)}) ` : '';
  const label = total.label ? perLanguage(`»${short(total.label)}« ${column}`, `"${short(total.label)}" ${column}`) : column;
  const unitNote = table.unitText ? ` (${short(table.unitText, 40)})` : '';
  const said = saidOf(s);
  const at = {
    range: s.range,
    related: [{ range: total.cell.range, message: message('tableTotal', { label, total: total.cell.text }) }],
    fixes: figureFix(s, inTextUnit, shown, equivalent),
    details: { stated: s.value, table: total.value, dimension: s.dimension, column: total.column },
  };
  const layout = on.note(table.table);
  const finding =
    s.dimension === 'money'
      ? report({ messageId: 'amount', data: { said, label, total: total.cell.text, unit: unitNote, equivalent: stop(equivalent), layout }, ...at })
      : report({ messageId: 'count', data: { said, label, total: total.cell.text, layout }, ...at });
  return on.confidence(finding, table.table);
}

/**
 * A sentence that leads into a table without a total: the table's rows share out its figure
 * ("… i alt 4,2 mio. kr., som fordeles således:"). Compared with the sum of the one amount column
 * (or the one the sentence names); nothing when the table has several and the sentence names none.
 * A run of consecutive rows that adds up to the figure is a reading that explains it (the text
 * states a part of the table), and so is a last row that totals the others (distributionsOf).
 */
function compareDistribution(s: Statement, into: TableFacts, tolerance: (v: { value: number; tolerance: number }) => number, on: OnTable): RuleFinding | null {
  const all = into.distributions();
  const named = namedColumns(s, into);
  const pool = named.size > 0 ? all.filter((d) => named.has(d.col)) : all;
  if (pool.length !== 1) return null;
  const [d] = pool;
  if (explainedByRun(d, (value, rounding) => Math.abs(value - s.value) <= tolerance({ value, tolerance: rounding }))) return null;
  if (!sameSize(s.value, d.value)) return null;
  const inTextUnit = d.value / s.multiplier;
  const shown = formatNumber(inTextUnit, s.decimals);
  const unitWord = s.text.slice(s.numberText.length).trim();
  const equivalent = `${shown}${unitWord ? ` ${unitWord}` : ''}`;
  const sum = `${formatNumber(d.value / d.multiplier, d.decimals)}${d.unit ? ` ${d.unit}` : ''}`;
  const column = d.column && d.column !== into.unitText && all.length > 1 ? `(${short(d.column, 30)}) ` : '';
  const unit = !d.unit && into.unitText ? ` (${short(into.unitText, 40)})` : '';
  const first = d.parts[0].cell.range;
  const last = d.parts[d.parts.length - 1].cell.range;
  const at = {
    range: s.range,
    related: [{ range: { start: first.start, end: last.end }, message: message('tableSum', { sum }) }],
    fixes: figureFix(s, inTextUnit, shown, equivalent),
    details: { stated: s.value, table: d.value, dimension: s.dimension, column: d.column, distributed: true },
  };
  const said = saidOf(s);
  const layout = on.note(into.table);
  const finding =
    s.dimension === 'money'
      ? report({ messageId: 'distributedAmount', data: { said, column, sum, unit, equivalent: stop(equivalent), layout }, ...at })
      : report({ messageId: 'distributedCount', data: { said, column, sum, layout }, ...at });
  return on.confidence(finding, into.table);
}

/** The figure as the text says it, with its approximation ("cirka 12 mio. kr."). */
function saidOf(s: Statement): string {
  return s.approximation ? `${s.approximation} ${s.text}` : s.text;
}

/** Writing the table's figure in the text: not for an approximate figure, nor one that reads the same. Never safe: the table may be wrong. */
function figureFix(s: Statement, inTextUnit: number, shown: string, equivalent: string): Fix[] | undefined {
  if (s.approximate || shown === s.numberText) return undefined;
  return [
    {
      title: message('fix', { text: equivalent }),
      edits: [{ range: s.numberRange, newText: formatNumber(inTextUnit, s.decimals, 'auto', s.numberText) }],
      safe: false,
    },
  ];
}

/**
 * The totals the statement may be about: the table it leads into, or the totals it names
 * (see the rule's comment), in the columns it names when it names any.
 */
function candidateTotals(s: Statement, tables: TableFacts[]): { table: TableFacts; total: TableTotal }[] {
  const out: { table: TableFacts; total: TableTotal }[] = [];
  const into = s.leadsInto ? tables.find((t) => t.table === s.leadsInto) : undefined;
  for (const table of into ? [into] : tables) {
    if (!into && !nearTable(s, table.table)) continue;
    const named = namedColumns(s, table);
    for (const total of table.totals) {
      if (named.size > 0 && !named.has(total.col)) continue;
      if (!into && !(namesTotal(s, total) && !namesOnePart(s, total) && !otherPeriod(s, total))) continue;
      out.push({ table, total });
    }
  }
  return out;
}

/**
 * Lines between a statement and a table it may speak of without leading into it. A figure far from the
 * table (a paragraph on last quarter's forecast, pages above a result table) is most often about another
 * quantity or period, even where its words overlap with the table's.
 */
const NEAR_LINES = 25;

function nearTable(s: Statement, table: Table): boolean {
  const line = s.range.start.line;
  return line >= table.range.start.line - NEAR_LINES && line <= table.range.end.line + NEAR_LINES;
}

/**
 * The candidate the statement is about: one whose own row or column it names if there is one
 * (the row "Erhvervsudvalget" before a table titled "Budgetopfølgning"), then the closest in
 * size. Null when none is of the same size, or when another column of the same row is too
 * and differs (a budget and a forecast column, two price levels): the text does not say which.
 */
function closest(s: Statement, all: { table: TableFacts; total: TableTotal }[]): { table: TableFacts; total: TableTotal } | null {
  const sized = all.filter(({ total }) => sameSize(s.value, total.value));
  const strong = sized.filter(({ total }) => related(s.words(), total.named()));
  const pool = strong.length > 0 ? strong : sized;
  let best: { table: TableFacts; total: TableTotal } | null = null;
  for (const c of pool) if (!best || ratio(s.value, c.total.value) > ratio(s.value, best.total.value)) best = c;
  if (!best) return null;
  const { table, total } = best;
  const versions = sized.filter((c) => c.table === table && c.total.row === total.row && c.total.col !== total.col && c.total.value !== total.value);
  return versions.length > 0 ? null : best;
}

function ratio(a: number, b: number): number {
  return Math.min(Math.abs(a), Math.abs(b)) / Math.max(Math.abs(a), Math.abs(b));
}

function sameSize(a: number, b: number): boolean {
  if (a === 0 || b === 0) return false;
  return ratio(a, b) >= 1 / SAME_SIZE - 1e-9;
}

/** The amount columns whose names the sentence names ("boliger" → "Antal boliger"). */
function namedColumns(s: Statement, table: TableFacts): Set<number> {
  const out = new Set<number>();
  for (const [col, words] of table.columnWords()) if (related(s.words(), words)) out.add(col);
  return out;
}

/** The sentence shares a word with the total's row, column or title, or with what it adds up. */
function namesTotal(s: Statement, total: TableTotal): boolean {
  return related(s.words(), total.own()) || total.parts().some((p) => related(s.words(), p));
}

/**
 * The sentence names one of the total's addends by its own word ("overførselsudgifterne" and
 * the row "Driftsudgifter – overførselsudgifter mv.") and not the total: it is about that part.
 * Naming several addends is naming what the total is made of.
 */
function namesOnePart(s: Statement, total: TableTotal): boolean {
  const parts = total.parts();
  if (parts.length < 2) return false;
  const words = s.words().filter((w) => !related([w], total.own()));
  const named = parts.filter((p) => p.some((w) => words.includes(w)));
  return named.length === 1;
}

/** The sentence names years and the total names years, and none is the same: another period. */
function otherPeriod(s: Statement, total: TableTotal): boolean {
  const mine = s.years();
  const theirs = total.years();
  if (mine.size === 0 || theirs.size === 0) return false;
  for (const y of mine) if (theirs.has(y)) return false;
  return true;
}

/** Quoted text in a message, at most 50 characters. */
const short = (text: string, max = 50): string => shorten(text, max);

/** A sentence end after a figure that may end in an abbreviation's dot ("mio. kr."). */
function stop(text: string): string {
  return text.endsWith('.') ? text : `${text}.`;
}
