import { isPercentUnit, moneyMultiplier, moneyUnitAfterNumber } from '../amounts';
import { MONTHS } from '../dates';
import type { Cell, Fix, Item, Range, SectionRole, Table } from '../model';
import type { Profile } from '../profiles/profile';
import { formatNumber, tableAnalysis } from '../tables/index';
import { isYearCell, type ReadTable } from '../tables/read';
import { perLanguage } from '../messages';
import { ruleMessages, type Rule, type RuleFinding } from './rule';

const { messages, message, report } = ruleMessages({
  amount: {
    da: 'Teksten siger {said}, men tabellens total {label}er {total}{unit}, dvs. {equivalent} Forskellen er mere end afrunding: ret tallet i teksten eller i tabellen.',
    en: "The text says {said}, but the table's total {label}is {total}{unit}, that is {equivalent} The difference is more than rounding: correct the figure in the text or in the table.",
  },
  count: {
    da: 'Teksten siger {said}, men tabellens total {label}er {total}. Ret tallet i teksten eller i tabellen.',
    en: "The text says {said}, but the table's total {label}is {total}. Correct the figure in the text or in the table.",
  },
  tableTotal: { da: 'Tabellens total: {label}{total}', en: "The table's total: {label}{total}" },
  fix: { da: 'Ret teksten til {text}', en: 'Change the text to {text}' },
});

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
 *    følgende adresser:"): the table distributes the figure; or
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
  defaultSeverity: 'warning',
  description: {
    da: 'Et beløb eller antal i teksten passer ikke med totalen i punktets tabel.',
    en: "An amount or count in the text does not match the total in the item's table.",
  },
  messages,
  check({ model, profile }) {
    return model.items.flatMap((item) => {
      const hit = itemCache.get(item);
      if (hit?.profile === profile) return hit.findings;
      const findings = itemFindings(item, profile);
      itemCache.set(item, { profile, findings });
      return findings;
    });
  },
};

/**
 * The findings of one item, cached on the item object: the parser reuses an item the edit did
 * not touch (parse/memo.ts), and then its text and tables need not be read again.
 */
const itemCache = new WeakMap<Item, { profile: Profile; findings: RuleFinding[] }>();

function itemFindings(item: Item, profile: Profile): RuleFinding[] {
  const out: RuleFinding[] = [];
  if (item.tables.length === 0) return out;
  // The text first: most items state no total, and then their tables need not be read.
  const found = statements(item, profile, linesOf(item.tables), firstLines(item.tables));
  if (found.length === 0) return out;
  const tables = item.tables.map((t) => tableFacts(t, profile));
  if (!tables.some((t) => t.totals.length > 0)) return out;
  for (const statement of found) {
    const finding = compare(statement, tables);
    if (finding) out.push(finding);
  }
  return out;
}

/** The sections whose text states figures: summary, background, case, economy, assessment, recommendation. */
const PROSE_ROLES = new Set<SectionRole>(['summary', 'background', 'presentation', 'economy', 'assessment', 'recommendation']);

type Dimension = 'money' | 'count';

interface Statement {
  /** The figure as written, with its unit ("14,4 mio. kr.", "100 deltagere"). */
  text: string;
  range: Range;
  /** Where the number itself is written (what a correction replaces). */
  numberRange: Range;
  numberText: string;
  /** Absolute value in kroner (money) or units (count). */
  value: number;
  decimals: number;
  /** Kroner per unit written (1, 1.000, 1.000.000, …); 1 for counts. */
  multiplier: number;
  dimension: Dimension;
  approximate: boolean;
  /** The word that makes it approximate, as written ("ca.", "cirka"), or ''. */
  approximation: string;
  /** Stemmed content words of the sentence around it (read on first use: most statements never need them). */
  words: () => string[];
  /** Years the sentence names ("regnskab 2021"): a total of another year is about another period. */
  years: () => Set<number>;
  /** The table right under the sentence when the sentence leads into it ("fordelt på følgende adresser:"). */
  leadsInto?: Table;
}

interface TableValue {
  cell: Cell;
  value: number;
  tolerance: number;
}

interface TableTotal extends TableValue {
  label: string;
  column: string;
  /** Index of the total's row and column in the read table: totals of one row are versions of one figure. */
  row: number;
  col: number;
  /** What the total itself is: its row label and its column name (read on first use). */
  named: () => string[];
  /** The same and the table's title. */
  own: () => string[];
  /** The words of each addend's label: what the total is made of. */
  parts: () => string[][];
  /** Years its row, column and title name ("2021", "2021-priser"). */
  years: () => Set<number>;
}

interface TableFacts {
  table: Table;
  /** Words of each amount column's name, by column index. */
  columnWords: () => Map<number, string[]>;
  dimension: Dimension;
  multiplier: number;
  /** The text that states the unit ("Beløb i 1.000 kr."), if any. */
  unitText?: string;
  values: TableValue[];
  totals: TableTotal[];
}

// ── The tables ────────────────────────────────────────────────────────────────────

/** Facts per table and vocabulary: the model does not change after parsing (as core/tables/analysis.ts caches). */
const factsCache = new WeakMap<Table, { vocab: Profile['tables']; facts: TableFacts }>();

function tableFacts(table: Table, profile: Profile): TableFacts {
  const hit = factsCache.get(table);
  if (hit && hit.vocab === profile.tables) return hit.facts;
  const facts = readFacts(table, profile);
  factsCache.set(table, { vocab: profile.tables, facts });
  return facts;
}

function readFacts(table: Table, profile: Profile): TableFacts {
  const analysis = tableAnalysis(table, profile.tables);
  const read = analysis.read;
  const descriptive = describingTexts(read);
  let unit: { multiplier: number; text: string } | null = null;
  for (const text of descriptive) {
    const m = moneyMultiplier(text);
    if (m !== null) {
      unit = { multiplier: m, text };
      break;
    }
  }
  const cellMoney = read.rows.some((r) => r.cells.some((c) => c?.unit !== undefined && moneyMultiplier(c.unit) !== null));
  const dimension: Dimension = unit || cellMoney ? 'money' : 'count';
  const multiplier = unit?.multiplier ?? 1;
  const roundedTable = read.rounded || multiplier > 1;
  const valueOf = (c: Cell): TableValue | null => {
    if (typeof c.value !== 'number' || isYearCell(c)) return null;
    if (isPercentUnit(c.unit)) return null;
    const own = c.unit ? moneyMultiplier(c.unit) : null;
    const m = own ?? multiplier;
    const decimals = c.decimals ?? 0;
    const rounded = roundedTable || m > 1 || decimals > 0;
    return { cell: c, value: Math.abs(c.value) * m, tolerance: rounded ? 0.5 * 10 ** -decimals * m : 0 };
  };
  const values: TableValue[] = [];
  for (const row of read.rows) for (const c of row.cells) if (c) {
    const v = valueOf(c);
    if (v) values.push(v);
  }
  const titles = titleTexts(read);
  const titleWords = lazy(() => titles.flatMap(contentWords));
  const titleYears = lazy(() => titles.flatMap(yearsIn));
  // Each total repeats the labels of its row, column and addends: their words are read once per table.
  const wordCache = new Map<string, string[]>();
  const wordsOf = (text: string): string[] => {
    let words = wordCache.get(text);
    if (!words) wordCache.set(text, (words = contentWords(text)));
    return words;
  };
  const totals: TableTotal[] = [];
  const seen = new Set<Cell>();
  for (const check of analysis.checks) {
    if (check.kind === 'difference' || seen.has(check.cell)) continue;
    seen.add(check.cell);
    const v = valueOf(check.cell);
    if (!v) continue;
    totals.push({
      ...v,
      tolerance: addedRounding(v, check.addends.map((x) => valueOf(x.cell))),
      label: check.rowLabel,
      column: check.columnName,
      row: check.row,
      col: check.col,
      // Not the other columns' names: "Tomgang" is not what the column "Antal boliger" counts.
      named: lazy(() => [...wordsOf(check.rowLabel), ...wordsOf(check.columnName)]),
      own: lazy(() => [...wordsOf(check.rowLabel), ...wordsOf(check.columnName), ...titleWords()]),
      parts: lazy(() => check.addends.map((a) => wordsOf(a.label))),
      years: lazy(() => new Set([...yearsIn(check.rowLabel), ...yearsIn(check.columnName), ...titleYears()])),
    });
  }
  const columnWords = lazy(() => {
    const out = new Map<number, string[]>();
    for (const col of read.columns) if (col.kind === 'amount' && col.name) out.set(col.index, wordsOf(col.name));
    return out;
  });
  return { table, columnWords, dimension, multiplier, unitText: unit?.text, values, totals };
}

/**
 * How far a rounded table's total may be from the exact figure the text rounds: each rounded
 * addend may be off by half its last digit, and a total written as their sum adds that up. The
 * tolerance comes from the table's addends, never from how round the text's figure looks.
 */
function addedRounding(total: TableValue, addends: (TableValue | null)[]): number {
  const added = addends.reduce((sum, a) => sum + (a?.tolerance ?? 0), 0);
  return Math.max(total.tolerance, added);
}

/** Texts that name the whole table: the lines above it, its title and unit rows, the header over the labels. */
function titleTexts(read: ReadTable): string[] {
  const out: string[] = [];
  for (const h of read.table.head ?? []) out.push(h.text);
  for (const row of read.rows) {
    if (row.kind === 'title' || row.kind === 'unit') {
      for (const c of row.cells) if (c && c.text !== '') out.push(c.text);
    } else if (row.kind === 'header') {
      row.cells.forEach((c, j) => {
        if (c && c.text !== '' && read.columns[j]?.kind === 'label') out.push(c.text);
      });
    }
  }
  return out;
}

/** Texts that describe a table: the lines above it (PDF), its title, header and unit rows. */
function describingTexts(read: ReadTable): string[] {
  const out: string[] = [];
  for (const h of read.table.head ?? []) out.push(h.text);
  for (const row of read.rows) {
    if (row.kind !== 'title' && row.kind !== 'header' && row.kind !== 'unit') continue;
    for (const c of row.cells) if (c && c.text !== '') out.push(c.text);
  }
  for (const col of read.columns) if (col.name) out.push(col.name);
  return out;
}

/** Each table by the line it starts on (its first head line or row). */
function firstLines(tables: Table[]): Map<number, Table> {
  const out = new Map<number, Table>();
  for (const t of tables) {
    const lines = [...(t.head ?? []).map((h) => h.range.start.line), ...t.rows.slice(0, 1).map((r) => r.range.start.line)];
    if (lines.length > 0) out.set(Math.min(...lines), t);
  }
  return out;
}

function linesOf(tables: Table[]): Set<number> {
  const lines = new Set<number>();
  for (const t of tables) {
    for (const r of t.rows) for (let l = r.range.start.line; l <= r.range.end.line; l++) lines.add(l);
    for (const h of t.head ?? []) lines.add(h.range.start.line);
    for (const f of t.footnotes) lines.add(f.range.start.line);
  }
  return lines;
}

// ── The text ──────────────────────────────────────────────────────────────────────

/**
 * A number with its unit or the noun it counts. Not part of a longer number, a date, a
 * case number or a word. Groups: num, dec, unit (money) or noun (count).
 */
const AMOUNT = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,/\-–])(?<num>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?<dec>\d+))?(?![\p{N}]|[.,/\-–]\p{N})` +
    String.raw`(?:(?<unit>\s*(?:${moneyUnitAfterNumber({ dkk: true })}))(?!\p{L})|\s+(?<noun>\p{Ll}[\p{Ll}-]{2,}))?`,
  'gu',
);

/** Nouns after a number that make it no count to compare (units of time, percentages, words). */
const NOT_COUNTED = new Set([
  'mio', 'mia', 'millioner', 'milliarder', 'million', 'milliard', 'pct', 'procent', 'procentpoint', 'og', 'eller', 'til', 'af', 'på', 'for', 'med',
  'fra', 'om', 'ved', 'som', 'der', 'er', 'var', 'har', 'blev', 'år', 'året', 'årligt', 'årlig', 'mdr', 'timer', 'time', 'minutter', 'sekunder', 'dage', 'dag', 'uger', 'uge',
  'måneder', 'måned', 'gange', 'gang', 'kvartal', 'point', 'stk', 'nr', 'kr', 'pr', 'per', 'jf',
]);

/** Words right before the figure that make it a bound, not a total. */
const BOUND_BEFORE = /(?:^|\s)(?:over|under|mindst|højst|maksimalt|maks\.?|minimum|mere end|mindre end|op mod|op til|ikke over|ikke under|ud over|udover|op imod)\s*$/u;
/** Words right before the figure that make it approximate. */
const APPROX_BEFORE = /(?:^|\s)(?:ca\.?|cirka|omkring|knap|knapt|godt|næsten|tæt på|lige under|lige over|ca)\s*$/u;
/** The approximation word as written, to quote it. */
const APPROX_WORD = /(?:^|\s)(ca\.?|cirka|omkring|knapt?|godt|næsten|tæt på|lige under|lige over)\s*$/iu;
/** After the figure: a rate, not a total. */
const RATE_AFTER = /^\s*(?:pr\.|per\b|á\b|à\b|om ugen|pr\s)/u;
/** After the figure: a part of something ("59 mio. kr. af mindreforbruget", "27 af deltagerne"), not a total. */
const PART_AFTER = /^\s+af\s/u;
/** Words by which a sentence leads into the table under it. */
const LEADS_INTO = /:\s*$|\bfordel(?:t|es|er)\b|\bfølgende\b|\bnedenstående\b|\bnedenfor\b|\btabel(?:len)?\b/iu;

/** Words between a total word and its figure, at most. */
const REACH = 8;
/** A sentence ends between them. */
const SENTENCE_BREAK = /[.!?;:]\s+\p{Lu}/u;

function statements(item: Item, profile: Profile, tableLines: Set<number>, tableStarts: Map<number, Table>): Statement[] {
  const out: Statement[] = [];
  const marker = markerPattern(profile);
  for (const section of item.sections) {
    if (!PROSE_ROLES.has(section.role)) continue;
    section.body.forEach((ref, index) => {
      if (tableLines.has(ref.range.start.line) || ref.range.start.line !== ref.range.end.line) return;
      const text = ref.text;
      if (text.length > 5000 || !/\d/.test(text)) return;
      const markers: { start: number; end: number }[] = [];
      const fordelt: { start: number; end: number }[] = [];
      marker.lastIndex = 0;
      for (let m = marker.exec(text); m; m = marker.exec(text)) {
        (m[0].toLowerCase() === 'fordelt' ? fordelt : markers).push({ start: m.index, end: m.index + m[0].length });
      }
      if (markers.length === 0 && fordelt.length === 0) return;
      // Figures with a unit or a noun: a bare number ("pr. 30. september") is no amount.
      const amounts = [...text.matchAll(AMOUNT)].filter((a) => a.groups!.unit !== undefined || a.groups!.noun !== undefined);
      if (amounts.length === 0) return;
      const next = section.body[index + 1];
      const below = next ? tableStarts.get(next.range.start.line) : undefined;
      const chosen = new Set<RegExpMatchArray>();
      for (const w of markers) {
        const a = amounts.find((x) => x.index! >= w.end);
        if (a && near(text.slice(w.end, a.index!))) chosen.add(a);
      }
      for (const w of fordelt) {
        const before = amounts.filter((x) => x.index! + x[0].length <= w.start);
        const a = before[before.length - 1];
        if (a && near(text.slice(a.index! + a[0].length, w.start))) chosen.add(a);
      }
      for (const a of amounts) {
        if (!chosen.has(a)) continue;
        const s = statementOf(a, text, ref.range);
        if (!s) continue;
        if (below && leadsInto(text, a.index!)) s.leadsInto = below;
        out.push(s);
      }
    });
  }
  return out;
}

/**
 * The figure's sentence is the last of its paragraph and introduces what follows ("… fordelt
 * på følgende adresser:", "… jf. nedenstående tabel."): the table right under it distributes it.
 */
function leadsInto(text: string, at: number): boolean {
  const sentence = sentenceAround(text, at);
  if (!text.trimEnd().endsWith(sentence.trimEnd())) return false;
  return LEADS_INTO.test(sentence);
}

const markerPatterns = new WeakMap<Profile['tables'], RegExp>();

/**
 * The total words of the profile's table vocabulary (i alt, samlet, total, …) and
 * "fordelt", as whole words in any letter case: one pattern per vocabulary.
 */
function markerPattern(profile: Profile): RegExp {
  let re = markerPatterns.get(profile.tables);
  if (!re) {
    const words = profile.tables.totalLabels.filter((w) => /^\p{L}[\p{L} ]+$/u.test(w) && w.length >= 3);
    const alternatives = [...words, 'fordelt'].sort((a, b) => b.length - a.length).map((w) => w.replace(/ /g, '\\s+'));
    re = new RegExp(`(?<!\\p{L})(?:${alternatives.join('|')})(?!\\p{L})`, 'giu');
    markerPatterns.set(profile.tables, re);
  }
  return re;
}

function near(between: string): boolean {
  if (SENTENCE_BREAK.test(between)) return false;
  const words = between.trim() === '' ? 0 : between.trim().split(/\s+/).length;
  return words <= REACH;
}

function statementOf(a: RegExpMatchArray, text: string, line: Range): Statement | null {
  const g = a.groups!;
  const start = a.index!;
  const before = text.slice(Math.max(0, start - 30), start).toLowerCase();
  if (BOUND_BEFORE.test(before)) return null;
  const end = start + a[0].length;
  const after = text.slice(end, end + 12).toLowerCase();
  if (RATE_AFTER.test(after) || PART_AFTER.test(after)) return null;
  const decimals = g.dec ? g.dec.length : 0;
  const number = Number(g.num.replace(/\./g, '') + (g.dec ? `.${g.dec}` : ''));
  let multiplier = 1;
  let dimension: Dimension;
  if (g.unit) {
    const m = moneyMultiplier(g.unit.trim());
    if (m === null) return null;
    multiplier = m;
    dimension = 'money';
  } else if (g.noun) {
    if (NOT_COUNTED.has(g.noun) || MONTHS[g.noun] !== undefined || decimals > 0) return null;
    // "i 2021": a year, not a count.
    if (/^(?:19|20)\d\d$/.test(g.num)) return null;
    dimension = 'count';
  } else {
    return null;
  }
  const numberText = g.num + (g.dec ? `,${g.dec}` : '');
  const col = line.start.character;
  const figureEnd = end;
  return {
    text: text.slice(start, figureEnd).trim(),
    range: { start: { line: line.start.line, character: col + start }, end: { line: line.start.line, character: col + figureEnd } },
    numberRange: { start: { line: line.start.line, character: col + start }, end: { line: line.start.line, character: col + start + numberText.length } },
    numberText,
    value: number * multiplier,
    decimals,
    multiplier,
    dimension,
    approximate: APPROX_BEFORE.test(before),
    approximation: APPROX_WORD.exec(text.slice(Math.max(0, start - 30), start))?.[1] ?? '',
    words: lazy(() => contentWords(sentenceAround(text, start))),
    years: lazy(() => new Set(yearsIn(sentenceAround(text, start)))),
  };
}

/** Hoisted (see MONEY_KRONER): a year, or a range of years ("2021-2024", "2022-25"). */
const YEARS = /(?<![\p{N}.,])((?:19|20)\d\d)(?:\s?[-–]\s?((?:19|20)?\d\d))?(?![\p{N}])/gu;

/** The years a text names, ranges spelled out ("2021-2024" → 2021, 2022, 2023, 2024). */
function yearsIn(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(YEARS)) {
    const from = Number(m[1]);
    let to = m[2] ? Number(m[2].length === 2 ? m[1].slice(0, 2) + m[2] : m[2]) : from;
    if (to < from || to - from > 20) to = from;
    for (let y = from; y <= to; y++) out.push(y);
  }
  return out;
}

/** Hoisted (see MONEY_KRONER); global, so sentenceAround resets lastIndex before each use. */
const SENTENCE_BREAKS = /[.!?]\s+(?=\p{Lu})/gu;

function sentenceAround(text: string, at: number): string {
  let from = 0;
  const breaks = SENTENCE_BREAKS;
  breaks.lastIndex = 0;
  let to = text.length;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
    const end = m.index + m[0].length;
    if (end <= at) from = end;
    else {
      to = m.index + 1;
      break;
    }
  }
  return text.slice(from, to);
}

// ── Words that tie a sentence to a total ──────────────────────────────────────────

const STOP = new Set([
  'kommune', 'kommunes', 'kommunen', 'kommunens', 'udvalg', 'udvalget', 'udvalgets', 'beløb', 'beløbet', 'beløbene', 'tabel', 'tabellen', 'oversigt', 'oversigten',
  'samlet', 'samlede', 'total', 'totalt', 'totalen', 'netto', 'brutto', 'heraf', 'herunder', 'hvoraf', 'tilsammen', 'millioner', 'kroner', 'afrundet',
  'forventet', 'forventede', 'fordelt', 'fordeler', 'følgende', 'nedenstående', 'ovenstående', 'viser', 'beskrevet', 'antal', 'antallet',
]);

/** Hoisted (see MONEY_KRONER): a word of five letters or more. */
const LONG_WORD = /\p{L}{5,}/gu;

/** A value computed on first call and kept. */
function lazy<T>(compute: () => T): () => T {
  let value: T | undefined;
  let done = false;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value as T;
  };
}

/** Danish content words of a text, stemmed (genitive and common endings dropped). */
function contentWords(text: string): string[] {
  const out: string[] = [];
  const lower = (/[\u0300-\u036f]/.test(text) ? text.normalize('NFC') : text).toLowerCase();
  for (const w of lower.match(LONG_WORD) ?? []) {
    if (STOP.has(w) || MONTHS[w] !== undefined) continue;
    out.push(stem(w));
  }
  return out;
}

function stem(w: string): string {
  let s = w.endsWith('s') && w.length > 6 ? w.slice(0, -1) : w;
  for (const ending of ['erne', 'ene', 'en', 'et', 'er', 'e']) {
    if (s.endsWith(ending) && s.length - ending.length >= 5) {
      s = s.slice(0, -ending.length);
      break;
    }
  }
  return s;
}

/** One word of the sentence is, begins or ends another word of the total's context (compounds). */
function related(a: string[], b: string[]): boolean {
  for (const x of a) {
    for (const y of b) {
      const [s, l] = x.length <= y.length ? [x, y] : [y, x];
      if (s.length >= 5 && (l.startsWith(s) || l.endsWith(s))) return true;
    }
  }
  return false;
}

// ── Comparing ─────────────────────────────────────────────────────────────────────

const SAME_SIZE = 1.5;
/** How far off an approximate figure ("ca. 40") may be from the table. */
const APPROXIMATION = 0.1;

function compare(s: Statement, tables: TableFacts[]): RuleFinding | null {
  const comparable = tables.filter((t) => t.dimension === s.dimension);
  if (comparable.length === 0) return null;
  const own = 0.5 * 10 ** -s.decimals * s.multiplier;
  const tolerance = (v: TableValue) => (s.approximate ? Math.max(own, APPROXIMATION * s.value) : own) + v.tolerance + 1e-9 * Math.max(s.value, v.value);
  // The figure is in a table: it says what the table says.
  if (comparable.some((t) => t.values.some((v) => Math.abs(v.value - s.value) <= tolerance(v)))) return null;
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
  const said = s.approximation ? `${s.approximation} ${s.text}` : s.text;
  const fixes: Fix[] = [];
  if (!s.approximate && shown !== s.numberText) {
    fixes.push({
      title: message('fix', { text: equivalent }),
      edits: [{ range: s.numberRange, newText: formatNumber(inTextUnit, s.decimals, 'auto', s.numberText) }],
      safe: false,
    });
  }
  const at = {
    range: s.range,
    related: [{ range: total.cell.range, message: message('tableTotal', { label, total: total.cell.text }) }],
    fixes: fixes.length > 0 ? fixes : undefined,
    details: { stated: s.value, table: total.value, dimension: s.dimension, column: total.column },
  };
  return s.dimension === 'money'
    ? report({ messageId: 'amount', data: { said, label, total: total.cell.text, unit: unitNote, equivalent: stop(equivalent) }, ...at })
    : report({ messageId: 'count', data: { said, label, total: total.cell.text }, ...at });
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

function short(text: string, max = 50): string {
  const s = text.replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** A sentence end after a figure that may end in an abbreviation's dot ("mio. kr."). */
function stop(text: string): string {
  return text.endsWith('.') ? text : `${text}.`;
}
