/**
 * CPR numbers (Danish personal identity numbers) written anywhere in the text: the
 * header, item bodies, tables. RF200 reads the collection (model.personalNumbers) to
 * stop minutes with one from being published.
 *
 * A CPR number is six digits of a birth date (DDMMYY), an optional hyphen, and four
 * digits ("010203-1234", "0102031234"). The date must exist, with the century the
 * seventh digit gives (CPR rules: 0-3 → 1900s; 4 and 9 → 2000s up to 36, else 1900s;
 * 5-8 → 2000s up to 57, else 1800s). The modulus 11 check is not used: numbers issued
 * since 2007 need not pass it.
 *
 * Not CPR numbers, though they have ten digits or a hyphen:
 *  - phone numbers ("45 12 34 56", "4512 3456", "+45 4512 3456", "+4545123456");
 *  - amounts ("1.234.567", "1201234567 kr.", a column of amounts in a table);
 *  - account, P-, EAN, invoice, case and reference numbers, named just before the number
 *    ("Konto 1234567890", "kontonr. …", "P-nr. …");
 *  - a date and its year written as a code ("010221-2021");
 *  - anything in a web address, an e-mail address or a file name.
 * A number with a space instead of a hyphen ("010203 1234") counts only right after
 * "CPR" or "personnummer".
 */
import type { PersonalNumber, Row, Table } from '../model';
import type { LineIndex } from '../text/lines';
import { inNameOrAddress } from './tokens';

/** A line longer than this is not prose (binary data, a minified blob): it is not searched. */
const MAX_LINE = 50_000;

/**
 * Six digits, an optional separator (hyphen, en dash, non-breaking hyphen or one space),
 * four digits. Not inside a longer number or an identifier: no digit, letter, "+", "/",
 * "\", "_" or "@" before it, no grouped or decimal number ("1.0102031234"), no minus sign
 * of an amount; no digit, letter or further number part after it.
 */
const CANDIDATE =
  /(?<![\p{L}\p{N}+/\\_@])(?<!\d[.,])(?<!(?:^|[\s(\d])[-–−÷])(?<dd>\d\d)(?<mm>\d\d)(?<yy>\d\d)(?<sep>[-–‑ ]?)(?<serial>\d{4})(?![\p{L}\p{N}]|[.,\-–/]\p{N})/gu;

/** Words right before the number that say what it is not: account, P-, EAN, invoice, case, phone numbers. */
const NOT_CPR_BEFORE = new RegExp(
  '(?:^|[^\\p{L}])(?:' +
    // Words that name a number on their own ("Konto 1234567890", "kontonr. …", "Tlf. …").
    '(?:konto\\p{L}*|bankkonto\\p{L}*|registreringsnummer|iban|produktionsenhed\\p{L}*|ean|gln|cvr|isbn|issn|faktura\\p{L}*|ordre\\p{L}*|sagsnummer|journal\\p{L}*|' +
    'tlf|telefon\\p{L}*|mobil\\p{L}*|fax|kvittering\\p{L}*|reference\\p{L}*|matrikel\\p{L}*|kundenummer|dokument\\p{L}*|version|lokalplan\\p{L}*|løbenummer)' +
    '\\.?(?:[\\s-]*(?:nr|nummer)\\.?)?' +
    // Short words that do so only with "nr." ("P-nr.", "Reg. nr.", "J.nr.", "SE-nr."): "se" alone is "see".
    '|(?:reg|p|se|j|sags|ref|id|kunde|medlems|bilags|løbe|matr)[.\\s-]*(?:nr|nummer)\\.?' +
    '|id' +
    ')\\s*[:#]?\\s*$',
  'u',
);

/** Words right before the number that say it is one. */
const CPR_BEFORE = /(?:^|[^\p{L}])(?:cpr|cpr-nr|cprnr|personnummer|personnr|person-nr)\.?\s*(?:nr\.?|nummer)?\s*[.:]?\s*$/u;

/**
 * Units after a number that make it an amount or a quantity. Local, not the amount grammar
 * (core/amounts.ts): this only decides that a CPR-shaped number is not a personal number, so it
 * takes the beginning of any unit word, with or without its dot ("mio", "stk"), and ",-".
 */
const AMOUNT_AFTER = /^\s*(?:kr\b|kr\.|dkk\b|,-|mio\b|mio\.|mia\b|mia\.|t\.\s?kr|tkr\b|pct\b|pct\.|%|stk\b|stk\.)/iu;
/** "kr. 1201234567": a currency before the number. */
const AMOUNT_BEFORE = /(?:^|[^\p{L}])(?:kr\.?|dkk)\s*$/iu;

/** How far before a number its context words are looked for. */
const CONTEXT = 40;
/** How far around a match to look for the rest of a file name or an address. */

/** CPR numbers on lines [from, until), in document order. `tables` tells amounts in a table column apart. */
export function findPersonalNumbers(lines: LineIndex, from: number, until: number, tables: readonly Table[]): PersonalNumber[] {
  const out: PersonalNumber[] = [];
  let rowsByLine: Map<number, { table: Table; row: Row }> | undefined;
  for (let i = from; i < until; i++) {
    const clean = lines.line(i).clean;
    if (clean.length < 10 || clean.length > MAX_LINE) continue;
    // Most lines have no run of six digits: they are passed over here.
    if (!SIX_DIGITS.test(clean)) continue;
    CANDIDATE.lastIndex = 0;
    for (let m = CANDIDATE.exec(clean); m; m = CANDIDATE.exec(clean)) {
      const g = m.groups!;
      const start = m.index;
      const end = start + m[0].length;
      const birthDate = birthDateOf(Number(g.dd), Number(g.mm), Number(g.yy), Number(g.serial[0]));
      if (birthDate === null) continue;
      const before = clean.slice(Math.max(0, start - CONTEXT), start).toLowerCase();
      const named = CPR_BEFORE.test(before);
      if (g.sep === ' ' && !named) continue;
      if (!named) {
        if (NOT_CPR_BEFORE.test(before) || AMOUNT_BEFORE.test(before) || AMOUNT_AFTER.test(clean.slice(end, end + 12))) continue;
        // "010221-2021": a date followed by its own year is a code, not a serial number.
        if (g.sep !== '' && (g.serial === `19${g.yy}` || g.serial === `20${g.yy}`)) continue;
        if (inNameOrAddress(clean, start, end)) continue;
        if (g.sep === '') {
          rowsByLine ??= indexRows(tables);
          const at = rowsByLine.get(i);
          if (at && inAmountColumn(at.table, at.row, start)) continue;
        }
      }
      const removal = removalSpan(clean, start, end, named);
      out.push({
        text: lines.line(i).raw.slice(start, end),
        range: lines.span(i, start, end),
        removal: lines.span(i, removal.from, removal.to),
        birthDate,
        masked: `${g.dd}${g.mm}${g.yy}-xxxx`,
      });
    }
  }
  return out;
}

const SIX_DIGITS = /\d{6}/;

/** The "CPR-nr." written right before a number, as a match whose index is where the label begins. */
const CPR_LABEL = /(?:cpr|cpr-nr|cprnr|personnummer|personnr|person-nr)\.?\s*(?:nr\.?|nummer)?\s*[.:]?\s*$/iu;

/**
 * What the removal fix deletes on the line, so that no stub is left: the number with the
 * "CPR-nr." that names it, a parenthesis that holds nothing else (with the space before
 * it), and one of the spaces around it ("med CPR-nr. 010203-1234 har" → "med har").
 */
function removalSpan(line: string, start: number, end: number, named: boolean): { from: number; to: number } {
  let from = start;
  let to = end;
  if (named) {
    const label = CPR_LABEL.exec(line.slice(Math.max(0, start - CONTEXT), start));
    if (label) from = start - (label[0].length);
  }
  if (line[from - 1] === '(' && line[to] === ')') {
    from--;
    to++;
    while (from > 0 && line[from - 1] === ' ') from--;
    return { from, to };
  }
  if (line[to] === ' ' && (from === 0 || line[from - 1] === ' ' || line[from - 1] === '\t')) to++;
  else if (line[from - 1] === ' ' && (to === line.length || /[.,;:)]/.test(line[to]))) from--;
  return { from, to };
}

/** The birth date of a CPR number, or null when its six digits are no date. */
export function birthDateOf(day: number, month: number, yy: number, seventh: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  let century: number;
  if (seventh <= 3) century = 1900;
  else if (seventh === 4 || seventh === 9) century = yy <= 36 ? 2000 : 1900;
  else century = yy <= 57 ? 2000 : 1800;
  const year = century + yy;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function indexRows(tables: readonly Table[]): Map<number, { table: Table; row: Row }> {
  const map = new Map<number, { table: Table; row: Row }>();
  for (const table of tables) for (const row of table.rows) map.set(row.line, { table, row });
  return map;
}

/**
 * True when the number at `column` is a cell of a table column of other numbers: a column
 * that holds numbers which are no CPR numbers (amounts: "1201234567" among "45.000" and
 * "1.250"), or whose heading names account, P-, case numbers or amounts ("Konto",
 * "Beløb (kr.)"). A column of CPR numbers only is still reported.
 */
function inAmountColumn(table: Table, row: Row, column: number): boolean {
  const index = row.cells.findIndex((c) => c.range.start.line === row.line && c.range.start.character <= column && column < c.range.end.character);
  if (index < 0) return false;
  for (const other of table.rows) {
    if (other === row) continue;
    const cell = other.cells[index];
    if (!cell) continue;
    const text = cell.text.trim();
    if (typeof cell.value === 'number') {
      if (!/^\d{10}$/.test(text)) return true;
    } else if (text !== '' && text.length <= 40) {
      const lower = text.toLowerCase();
      if (NOT_CPR_BEFORE.test(lower) || AMOUNT_HEADING.test(lower)) return true;
    }
  }
  return false;
}

/** A column heading of amounts. */
const AMOUNT_HEADING = /(?:^|[^\p{L}])(?:beløb\p{L}*|kr\.?|kroner|dkk|udgift\p{L}*|indtægt\p{L}*|budget\p{L}*|tilskud\p{L}*)(?![\p{L}])/u;

