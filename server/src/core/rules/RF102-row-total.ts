import type { Rule, RuleFinding } from './rule';
import { added, explainedSentence, num, short, tablesOf, totalFinding } from './table-common';

/**
 * RF102: a total column ("I alt", "Total" in the header) whose cell in some row does not
 * equal the sum across that row (the columns since the previous total column, all columns
 * to its left, a running total, or the columns after a total written first).
 */
export const rowTotal: Rule = {
  code: 'RF102',
  name: 'row-total',
  defaultSeverity: 'error',
  description: {
    da: 'En rækketotal (kolonnen "I alt") passer ikke med summen af kolonnerne.',
    en: 'A row total (the "Total" column) does not equal the sum across the row.',
  },
  check({ model, profile }) {
    const out: RuleFinding[] = [];
    for (const analysis of tablesOf(model, profile)) {
      for (const check of analysis.checks) {
        if (check.kind !== 'row' || check.ok || check.repair || !check.reportable) continue;
        const row = short(check.rowLabel);
        const col = short(check.columnName, 40) || 'I alt';
        const what = added(check.reading);
        const note = explainedSentence(check);
        out.push(
          totalFinding(check, {
            da: `${row ? `${row}: ` : ''}${col} ${check.cell.text}, men ${what.da} giver ${num(check, check.computed)} (forskel ${num(check, check.difference)}).${note.da}`,
            en: `${row ? `${row}: ` : ''}${col} ${check.cell.text}, but ${what.en} add up to ${num(check, check.computed)} (a difference of ${num(check, check.difference)}).${note.en}`,
          }),
        );
      }
    }
    return out;
  },
};
