import type { Rule, RuleFinding } from './rule';
import { added, explainedSentence, num, short, tablesOf, totalFinding } from './table-common';

/**
 * RF101: a total row ("I alt", "Total", "Samlet …", a row labelled like the header's first
 * cell) whose cell does not equal the sum of its rows under any reasonable reading of the
 * table (block, grand total, subtotals, running total, total written first), beyond rounding.
 */
export const columnTotal: Rule = {
  code: 'RF101',
  name: 'column-total',
  defaultSeverity: 'error',
  description: {
    da: 'En total i en tabel passer ikke med summen af rækkerne.',
    en: 'A total in a table does not equal the sum of its rows.',
  },
  check({ model, profile }) {
    const out: RuleFinding[] = [];
    for (const analysis of tablesOf(model, profile)) {
      const multi = analysis.read.columns.filter((c) => c.kind === 'amount').length > 1;
      for (const check of analysis.checks) {
        if (check.kind !== 'column' || check.ok || check.repair || !check.reportable) continue;
        const label = short(check.rowLabel) || 'Totalen';
        const column = multi && check.columnName ? { da: ` i kolonnen "${short(check.columnName, 40)}"`, en: ` in the column "${short(check.columnName, 40)}"` } : { da: '', en: '' };
        const what = added(check.reading);
        const note = explainedSentence(check);
        out.push(
          totalFinding(check, {
            da: `${label} ${check.cell.text}${column.da}, men ${what.da} giver ${num(check, check.computed)} (forskel ${num(check, check.difference)}).${note.da}`,
            en: `${label} ${check.cell.text}${column.en}, but ${what.en} add up to ${num(check, check.computed)} (a difference of ${num(check, check.difference)}).${note.en}`,
          }),
        );
      }
    }
    return out;
  },
};
