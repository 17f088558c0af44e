/**
 * The arithmetic of a table: every total (a row of column totals, a column of row totals,
 * a total-first row, a stated difference) is checked under each reasonable reading of the
 * table, and only what no reading explains is a defect. A number whose last digits are a
 * footnote marker under the table ("751" over "1 Heraf …") is found here too (repair.ts).
 *
 * Readings of a total row, tried in this order (column-pass.ts):
 *  - block: the data rows since the previous total;
 *  - blockWithParts: the same with its "Heraf …"/"- …" rows (when the parts are the addends);
 *  - all: every data row above it (a grand total);
 *  - subtotals: the totals above it plus the rows no total covers (a "Hovedtotal");
 *  - cumulative: the previous total plus the rows since (a running total);
 *  - sinceBalance / subtotalsSinceBalance: the rows (or subtotals) since a balance above it, the
 *    balance left out (tried first when the balance opens the block; balances.ts);
 *  - closingBalance: for a balance under another, that balance plus the movements between;
 *  - below / belowWithParts: the rows under it (a total written first).
 * A labelled total that totals nothing may be an addend of the next total (addends.ts).
 *
 * The check is a fixed order of passes over one state (check-state.ts), each in a module of its
 * own; a later pass reads what the earlier ones found (a stated difference is not read in a column
 * explained as a closing balance, a cell reported as a wrong total gets no difference check).
 */
import type { TableVocabulary } from '../profiles/profile';
import { closingBalanceColumns } from './balances';
import type { TableAnalysis } from './check-common';
import { checkState, segmentsOf } from './check-state';
import { columnTotals } from './column-totals';
import { differenceColumns } from './difference-columns';
import { differenceRows } from './difference-rows';
import { indentedTotals, inferredRowTotals } from './inferred-totals';
import { malformedNumbers } from './malformed';
import { readTable, type ReadTable } from './read';
import { suppressFollowOn, uncertainWhenCut } from './reportable';
import { rowTotals } from './row-totals';
import type { Strength } from './words';

export type { Addend, MalformedNumber, Reading, Repair, TableAnalysis, TotalCheck } from './check-common';
export { round } from './check-common';
export { type Strength };

export function analyzeTable(table: ReadTable['table'], vocab: TableVocabulary): TableAnalysis {
  const state = checkState(readTable(table, vocab), vocab.differencePairs);
  const segments = segmentsOf(state);
  // Down the columns, segment by segment: the unlabelled totals over indented rows, then the total rows.
  for (const seg of segments) {
    indentedTotals(state, seg);
    columnTotals(state, seg);
  }
  // Across the rows: the total columns, the closing balance columns, an unnamed column that sums others.
  rowTotals(state);
  closingBalanceColumns(state);
  inferredRowTotals(state);
  // Stated differences, across and then down, after the sums they may withdraw or leave alone.
  differenceColumns(state);
  for (const seg of segments) differenceRows(state, seg);
  // What of the failures is reported.
  suppressFollowOn(state);
  uncertainWhenCut(state);
  return { read: state.read, checks: state.checks, malformed: malformedNumbers(state) };
}
