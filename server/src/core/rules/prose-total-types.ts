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
}
