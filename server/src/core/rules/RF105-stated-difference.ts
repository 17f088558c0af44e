import { ruleMessages, type Rule } from './rule';
import { checkData, explainedSentence, layoutNote, num, relatedAddends, reportedFailures, short, withLayoutConfidence } from './table-common';

const { messages, report } = ruleMessages({
  difference: {
    da: '{where}{label} {stated}, men {formula} giver {operands} = {computed} (en forskel på {difference}).{note}{layout}',
    en: '{where}{label} {stated}, but {formula} gives {operands} = {computed} (off by {difference}).{note}{layout}',
  },
});

const SEVERITY = 'error';

/**
 * RF105: a difference the table states that does not hold: a row or column "Forskel",
 * "Overskud", "Nettotilflytning" … that is not the difference of the two rows or columns
 * it is taken of (named by the profile's pairs such as Indtægter/Udgifter,
 * Tilflyttere/Fraflyttere, or found by the arithmetic of the other rows).
 */
export const statedDifference: Rule = {
  code: 'RF105',
  name: 'stated-difference',
  defaultSeverity: SEVERITY,
  tags: ['tables'],
  fixable: false,
  description: {
    da: 'En forskel i en tabel (Forskel, Overskud, Netto…) passer ikke med tallene, den er regnet af.',
    en: 'A difference stated in a table (difference, surplus, net …) does not match the numbers it is taken of.',
  },
  messages,
  check({ model, profile }) {
    return reportedFailures(model, profile, 'difference').map(({ analysis, check }) => {
      const label = check.addends[0]?.row === check.row ? short(check.columnName, 40) || short(check.rowLabel) : short(check.rowLabel);
      const where = check.addends[0]?.row === check.row && check.rowLabel ? `${short(check.rowLabel)}: ` : '';
      // "1.303 − (-29.599)": a negative operand in parentheses.
      const operand = (text: string, k: number) => (k > 0 && /^[-–−÷]/.test(text) ? `(${text})` : text);
      const operands = check.addends.map((a, k) => `${k === 0 ? (a.sign < 0 ? '−' : '') : a.sign < 0 ? ' − ' : ' + '}${operand(a.cell.text, k)}`).join('');
      const finding = report({
        messageId: 'difference',
        data: {
          where,
          label,
          stated: check.cell.text,
          formula: check.formula ?? '',
          operands,
          computed: num(check, check.computed),
          difference: num(check, check.difference),
          note: explainedSentence(check),
          layout: layoutNote(model, analysis.read.table),
        },
        range: check.cell.range,
        related: relatedAddends(check),
        details: checkData(check),
        severity: check.explainedBy ? 'information' : undefined,
      });
      return withLayoutConfidence(finding, model, analysis.read.table, SEVERITY);
    });
  },
};
