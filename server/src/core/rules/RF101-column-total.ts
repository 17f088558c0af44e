import { ruleMessages, type Rule, type RuleFinding } from './rule';
import { added, explainedSentence, num, short, tablesOf, totalFinding } from './table-common';

const { messages, message, report } = ruleMessages({
  total: {
    da: '{label} {stated}{column}, men {added} giver {computed} (en forskel på {difference}).{note}',
    en: '{label} {stated}{column}, but {added} add up to {computed} (a difference of {difference}).{note}',
  },
  inColumn: { da: ' i kolonnen »{column}«', en: ' in the column "{column}"' },
});

/**
 * RF101: a total row ("I alt", "Total", "Samlet …", a row labelled like the header's first
 * cell) whose cell does not equal the sum of its rows under any reasonable reading of the
 * table (block, grand total, subtotals, running total, total written first), beyond rounding.
 */
export const columnTotal: Rule = {
  code: 'RF101',
  name: 'column-total',
  defaultSeverity: 'error',
  tags: ['tables'],
  fixable: true,
  description: {
    da: 'En total i en tabel passer ikke med summen af rækkerne.',
    en: 'A total in a table does not equal the sum of its rows.',
  },
  messages,
  check({ model, profile }) {
    const out: RuleFinding[] = [];
    for (const analysis of tablesOf(model, profile)) {
      const multi = analysis.read.columns.filter((c) => c.kind === 'amount').length > 1;
      for (const check of analysis.checks) {
        if (check.kind !== 'column' || check.ok || check.repair || !check.reportable) continue;
        const label = short(check.rowLabel) || 'Totalen';
        const column = multi && check.columnName ? message('inColumn', { column: short(check.columnName, 40) }) : '';
        const data = {
          label,
          stated: check.cell.text,
          column,
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
