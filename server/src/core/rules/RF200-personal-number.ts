import { danishDate } from '../dates';
import type { Rule } from './rule';

/**
 * RF200: a CPR number (Danish personal identity number) in the text. Minutes and agendas
 * are published; a CPR number in them is a breach of the data protection rules, whether it
 * stands in the header, in an item's text or in a table. The parser collects the numbers
 * (parse/cpr.ts: a real birth date, not a phone number, amount, case, account or P-number);
 * the rule reports each one on the number itself.
 *
 * The message names the number only masked, so that reports (SARIF, CSV, logs) do not
 * spread it further. The quick fix masks the last four digits ("010203-xxxx"). It changes the text, so it is
 * not applied by "fix all": the clerk decides whether to mask or to remove the number.
 */
export const personalNumber: Rule = {
  code: 'RF200',
  name: 'personal-number',
  defaultSeverity: 'error',
  description: {
    da: 'Teksten indeholder et CPR-nummer.',
    en: 'The text contains a CPR number (Danish personal identity number).',
  },
  check({ model }) {
    return model.personalNumbers.map((p) => ({
      range: p.range,
      message: {
        da: `Her står et CPR-nummer (${p.masked}, fødselsdato ${danishDate(p.birthDate)}). CPR-numre må ikke stå i et referat eller en dagsorden, der offentliggøres: fjern nummeret, eller maskér de sidste fire cifre (${p.masked}).`,
        en: `This is a CPR number (a Danish personal identity number: ${p.masked}, date of birth ${englishDate(p.birthDate)}). CPR numbers must not appear in published minutes or agendas: remove the number, or mask its last four digits (${p.masked}).`,
      },
      fixes: [
        {
          title: { da: `Maskér CPR-nummeret (${p.masked})`, en: `Mask the CPR number (${p.masked})` },
          edits: [{ range: p.range, newText: p.masked }],
          safe: false,
        },
      ],
      data: { masked: p.masked, birthDate: p.birthDate },
    }));
  },
};

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function englishDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${EN_MONTHS[m - 1]} ${y}`;
}
