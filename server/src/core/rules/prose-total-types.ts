/** RF210's view of figures: a figure stated in the text, and the values and totals of the item's tables. */
import type { Cell, Range, Table } from '../model';

export type Dimension = 'money' | 'count';

export interface Statement {
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

export interface TableValue {
  cell: Cell;
  value: number;
  tolerance: number;
}

export interface TableTotal extends TableValue {
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

/**
 * A table without a total, read as sharing out the figure of the sentence that leads into it
 * ("Der er i alt afsat 4,2 mio. kr., som fordeles således:"): the rows of one amount column.
 */
export interface Distribution {
  /** Index and name of the amount column. */
  col: number;
  column: string;
  /** The rows' amounts in order; a last row that is the sum of those above is their total and left out. */
  parts: TableValue[];
  /** The parts' sum (kroner or units) and their rounding together. */
  value: number;
  tolerance: number;
  /** How to show the sum: in the cells' own unit ("mio. kr.") when they all write one, else in the table's. */
  multiplier: number;
  unit: string;
  decimals: number;
}

export interface TableFacts {
  table: Table;
  /** Words of each amount column's name, by column index. */
  columnWords: () => Map<number, string[]>;
  dimension: Dimension;
  multiplier: number;
  /** The text that states the unit ("Beløb i 1.000 kr."), if any. */
  unitText?: string;
  values: TableValue[];
  totals: TableTotal[];
  /** Each amount column as a distribution (read on first use); none when the table has a total. */
  distributions: () => Distribution[];
}
