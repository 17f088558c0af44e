import { ruleMessages, type Rule, type RuleFinding } from './rule';
import { added, explainedSentence, num, short, tablesOf, totalFinding } from './table-common';

const { messages, report } = ruleMessages({
  total: {
    da: '{row}{column} {stated}, men {added} giver {computed} (en forskel på {difference}).{note}',
    en: '{row}{column} {stated}, but {added} add up to {computed} (a difference of {difference}).{note}',
  },
});

/**
 * RF102: a total column ("I alt", "Total" in the header) whose cell in some row does not
 * equal the sum across that row (the columns since the previous total column, all columns
 * to its left, a running total, or the columns after a total written first).
 */
export const rowTotal: Rule = {
  code: 'RF102',
  name: 'row-total',
  defaultSeverity: 'error',
  tags: ['tables'],
  fixable: true,
  description: {
    da: 'En rækketotal (kolonnen »I alt«) passer ikke med summen af kolonnerne.',
    en: 'A row total (the "Total" column) does not equal the sum across the row.',
  },
  messages,
  check({ model, profile }) {
    const out: RuleFinding[] = [];
    for (const analysis of tablesOf(model, profile)) {
      for (const check of analysis.checks) {
        if (check.kind !== 'row' || check.ok || check.repair || !check.reportable) continue;
        const row = short(check.rowLabel);
        const col = short(check.columnName, 40) || 'I alt';
        const data = {
          row: row ? `${row}: ` : '',
          column: col,
          stated: check.cell.text,
          added: added(check.reading),
          computed: num(check, check.computed),
          difference: num(check, check.difference),
          note: explainedSentence(check),
        };
        out.push(totalFinding(check, (at) => report({ messageId: 'total', data, ...at })));
      }
    }
    return out;
  },
};
