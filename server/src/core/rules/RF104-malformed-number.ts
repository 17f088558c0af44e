import type { Rule, RuleFinding } from './rule';
import { tablesOf } from './table-common';

/**
 * RF104: a number in a table written with a grouping dot that does not group three digits
 * ("500.00 kr.", "14.35", "1.3034"): a decimal point in English style, or a typo. Its value
 * is a guess, so the sums around it cannot be trusted. Account codes ("1.01"), dates and
 * columns of codes are not amounts and are not reported.
 */
export const malformedNumber: Rule = {
  code: 'RF104',
  name: 'malformed-number',
  defaultSeverity: 'warning',
  description: {
    da: 'Et tal i en tabel er ikke skrevet som et dansk tal (500.00 kr.).',
    en: 'A number in a table is not written as a Danish number (500.00 kr.).',
  },
  check({ model, profile }) {
    const out: RuleFinding[] = [];
    for (const analysis of tablesOf(model, profile)) {
      for (const m of analysis.malformed) {
        const guess = m.suggestion ? { da: ` Mente du ${m.suggestion}?`, en: ` Did you mean ${m.suggestion}?` } : { da: '', en: '' };
        const finding: RuleFinding = {
          range: m.cell.range,
          message: {
            da: `${m.cell.text} er ikke et dansk tal: punktum adskiller tusinder i grupper af tre cifre, og komma er decimaltegn.${guess.da}`,
            en: `${m.cell.text} is not a Danish number: a dot groups thousands in threes and a comma is the decimal mark.${guess.en}`,
          },
          data: { written: m.cell.text, suggestion: m.suggestion ?? null },
        };
        if (m.suggestion) {
          finding.fixes = [
            {
              title: { da: `Skriv ${m.suggestion}`, en: `Write ${m.suggestion}` },
              edits: [{ range: m.cell.range, newText: m.suggestion }],
              safe: false,
            },
          ];
        }
        out.push(finding);
      }
    }
    return out;
  },
};
