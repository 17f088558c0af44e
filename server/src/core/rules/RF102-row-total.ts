import { ruleMessages, type Rule } from './rule';
import { short, wrongTotalFindings } from './table-common';

const { messages, report } = ruleMessages({
  total: {
    da: '{row}{column} {stated}, men {added} giver {computed} (en forskel på {difference}).{note}{layout}',
    en: '{row}{column} {stated}, but {added} add up to {computed} (a difference of {difference}).{note}{layout}',
  },
});

const SEVERITY = 'error';

/**
 * RF102: a total column ("I alt", "Total" in the header) whose cell in some row does not
 * equal the sum across that row (the columns since the previous total column, all columns
 * to its left, a running total, or the columns after a total written first).
 */
export const rowTotal: Rule = {
  code: 'RF102',
  name: 'row-total',
  defaultSeverity: SEVERITY,
  tags: ['tables'],
  fixable: true,
  description: {
    da: 'En rækketotal (kolonnen »I alt«) passer ikke med summen af kolonnerne.',
    en: 'A row total (the "Total" column) does not equal the sum across the row.',
  },
  messages,
  check({ model, profile }) {
    return wrongTotalFindings(
      model,
      profile,
      'row',
      SEVERITY,
      (check) => {
        const row = short(check.rowLabel);
        return { row: row ? `${row}: ` : '', column: short(check.columnName, 40) || 'I alt' };
      },
      (data, at) => report({ messageId: 'total', data, ...at }),
    );
  },
};
