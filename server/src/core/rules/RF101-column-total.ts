import { ruleMessages, type Rule } from './rule';
import { short, wrongTotalFindings } from './table-common';

const { messages, message, report } = ruleMessages({
  total: {
    da: '{label} {stated}{column}, men {added} giver {computed} (en forskel på {difference}).{note}{layout}',
    en: '{label} {stated}{column}, but {added} add up to {computed} (a difference of {difference}).{note}{layout}',
  },
  inColumn: { da: ' i kolonnen »{column}«', en: ' in the column "{column}"' },
});

const SEVERITY = 'error';

/**
 * RF101: a total row ("I alt", "Total", "Samlet …", a row labelled like the header's first
 * cell) whose cell does not equal the sum of its rows under any reasonable reading of the
 * table (block, grand total, subtotals, running total, total written first), beyond rounding.
 */
export const columnTotal: Rule = {
  code: 'RF101',
  name: 'column-total',
  defaultSeverity: SEVERITY,
  tags: ['tables'],
  fixable: true,
  description: {
    da: 'En total i en tabel passer ikke med summen af rækkerne.',
    en: 'A total in a table does not equal the sum of its rows.',
  },
  messages,
  check({ model, profile }) {
    return wrongTotalFindings(
      model,
      profile,
      'column',
      SEVERITY,
      (check, analysis) => {
        const multi = analysis.read.columns.filter((c) => c.kind === 'amount').length > 1;
        const column = multi && check.columnName ? message('inColumn', { column: short(check.columnName, 40) }) : '';
        return { label: short(check.rowLabel) || 'Totalen', column };
      },
      (data, at) => report({ messageId: 'total', data, ...at }),
    );
  },
};
