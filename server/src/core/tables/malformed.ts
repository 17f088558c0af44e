/**
 * Malformed numbers in a table's amount columns ("500.00 kr."), for RF104: the cells the
 * number grammar read as malformed, less account codes, dates and version-like numbers, with the
 * number read with a decimal comma as the suggestion when that is a reading.
 */
import type { MalformedNumber } from './check-common';
import type { CheckState } from './check-state';

export function malformedNumbers(state: CheckState): MalformedNumber[] {
  const out: MalformedNumber[] = [];
  for (const row of state.rows) {
    row.cells.forEach((c, j) => {
      if (!c?.malformed) return;
      const column = state.read.columns[j];
      // Account codes ("1.01"), dates ("30.6.21") and version-like numbers are not amounts.
      // The cell's text, not its unit: parseDanishNumber reads no unit for a malformed number.
      if (column?.kind !== 'amount' && !/kr/i.test(c.text)) return;
      if (row.kind === 'header' || row.kind === 'title') return;
      const digits = /^[-–−÷]?\s?[\d.,]+/.exec(c.text)?.[0] ?? c.text;
      if ((digits.match(/\./g) ?? []).length > 1) return;
      const m = /^([-–−÷]?\s?\d{1,3})\.(\d{1,2})(\s*\S.*)?$/.exec(c.text);
      const entry: MalformedNumber = { row: row.index, col: j, cell: c };
      if (m) entry.suggestion = `${m[1]},${m[2]}${m[3] ?? ''}`;
      out.push(entry);
    });
  }
  return out;
}
