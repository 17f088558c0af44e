/**
 * RF210's reading of a table without a total under a sentence that leads into it ("… i alt 4,2 mio.
 * kr., som fordeles således:"): the rows share out the sentence's figure, so their sum is the total
 * to compare with. Any table form; the reading is the table analysis's (core/tables).
 */
import { moneyMultiplier } from '../amounts';
import type { Cell } from '../model';
import { columnName, type ReadTable } from '../tables/read';
import type { Distribution, TableValue } from './prose-total-types';

/** More rows than this are a list of figures (a data dump), not a figure shared out. */
const MAX_PARTS = 200;

/**
 * Each amount column of the table as a distribution of its data rows. None when the table has
 * rows that cannot be placed (a PDF row short of cells), may lack its first rows (`cut`), or has a
 * total row: then its total is what the text is compared with. A column with a negative amount
 * (a saving, a transfer) shares out no figure and is left out, as are totals, parts ("Heraf …")
 * and averages: only rows of kind 'data' are parts.
 */
export function distributionsOf(read: ReadTable, valueOf: (c: Cell) => TableValue | null, tableMultiplier: number): Distribution[] {
  if (read.table.cut || read.rows.some((r) => r.kind === 'unaligned' || r.kind === 'total')) return [];
  const out: Distribution[] = [];
  for (const col of read.columns) {
    if (col.kind !== 'amount' || col.total || col.part || col.difference) continue;
    const parts: TableValue[] = [];
    let negative = false;
    for (const row of read.rows) {
      if (row.kind !== 'data') continue;
      const c = row.cells[col.index];
      const v = c ? valueOf(c) : null;
      if (!v) continue;
      if ((c!.value as number) < 0) negative = true;
      parts.push(v);
    }
    if (negative || parts.length < 2 || parts.length > MAX_PARTS) continue;
    // "A total row included": a last row that is the sum of the rows above, without a label that says so.
    const above = parts.slice(0, -1);
    if (above.length >= 2 && Math.abs(sum(above) - parts[parts.length - 1].value) <= rounding(above) + 1e-9 * sum(above)) parts.pop();
    const shown = display(parts, tableMultiplier);
    out.push({ col: col.index, column: columnName(read, col.index, 0), parts, value: sum(parts), tolerance: rounding(parts), ...shown });
  }
  return out;
}

/**
 * Whether a run of consecutive rows adds up to the figure (`matches` with the run's sum and rounding):
 * the whole column, or the part of it the text is about ("til skolerne" over the first rows).
 */
export function explainedByRun(d: Distribution, matches: (value: number, tolerance: number) => boolean): boolean {
  const p = d.parts;
  for (let i = 0; i < p.length; i++) {
    let value = 0;
    let tolerance = 0;
    for (let j = i; j < p.length; j++) {
      value += p[j].value;
      tolerance += p[j].tolerance;
      if (matches(value, tolerance)) return true;
    }
  }
  return false;
}

function sum(parts: TableValue[]): number {
  return parts.reduce((s, p) => s + p.value, 0);
}

/** Each rounded amount may be off by half its last digit: the sum by all of that together. */
function rounding(parts: TableValue[]): number {
  return parts.reduce((s, p) => s + p.tolerance, 0);
}

/** The unit the cells all write ("1,5 mio. kr."), or the table's, and the decimals shown. */
function display(parts: TableValue[], tableMultiplier: number): Pick<Distribution, 'multiplier' | 'unit' | 'decimals'> {
  const decimals = Math.max(0, ...parts.map((p) => p.cell.decimals ?? 0));
  const unit = parts[0].cell.unit ?? '';
  const own = unit !== '' && parts.every((p) => p.cell.unit === unit) ? moneyMultiplier(unit) : null;
  return own !== null ? { multiplier: own, unit, decimals } : { multiplier: tableMultiplier, unit: '', decimals };
}
