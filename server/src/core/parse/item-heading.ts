/** An item's heading as found in the text (parse/headings.ts finds them; the stages after read them). */
import type { Range, TextRef } from '../model';

export interface ItemHeading {
  /** First and last line of the heading (a wrapped title spans several). */
  firstLine: number;
  lastLine: number;
  number: number;
  numberRange: Range;
  title: string;
  titleRange: Range;
  category?: TextRef;
}
