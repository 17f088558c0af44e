import type { Fix, PersonalNumber } from '../model';
import { publicationOf } from '../publication';
import { ruleMessages, type Rule } from './rule';

const { messages, message, report } = ruleMessages({
  internal: {
    da: 'Her står et CPR-nummer. Fjern nummeret, før dokumentet deles; i et internt dokument kan de sidste fire cifre maskeres, men fødselsdatoen står så stadig.',
    en: 'This is a CPR number (a Danish personal identity number). Remove it before the document is shared; in an internal document its last four digits can be masked, but the date of birth then remains.',
  },
  published: {
    da: 'Her står et CPR-nummer. CPR-numre må ikke stå i et referat eller en dagsorden, der offentliggøres: fjern nummeret.',
    en: 'This is a CPR number (a Danish personal identity number). CPR numbers must not appear in published minutes or agendas: remove the number.',
  },
  remove: { da: 'Fjern CPR-nummeret', en: 'Remove the CPR number' },
  mask: { da: 'Maskér de sidste fire cifre (internt dokument)', en: 'Mask the last four digits (internal document)' },
});

/**
 * RF200: a CPR number (Danish personal identity number) in the text. Minutes and agendas
 * are published; a CPR number in them is a breach of the data protection rules, whether it
 * stands in the header, in an item's text or in a table. The parser collects the numbers
 * (parse/cpr.ts: a real birth date, not a phone number, amount, case, account or P-number);
 * the rule reports each one on the number itself.
 *
 * The message, the fix titles and the finding's data hold no digit of the number: the
 * first six digits are a birth date, and messages go into SARIF, code-scanning alerts,
 * logs and exports. The preferred fix removes the number (with its "CPR-nr." label);
 * masking the last four digits keeps the birth date, so it is offered only for a document
 * that is not published (`"publication": "internal"`). Neither is applied by "fix all".
 */
export const personalNumber: Rule = {
  code: 'RF200',
  name: 'personal-number',
  defaultSeverity: 'error',
  tags: ['publication'],
  fixable: true,
  description: {
    da: 'Teksten indeholder et CPR-nummer.',
    en: 'The text contains a CPR number (Danish personal identity number).',
  },
  messages,
  check({ model, config }) {
    const internal = publicationOf(model, config) === 'internal';
    return model.personalNumbers.map((p) =>
      report({ messageId: internal ? 'internal' : 'published', range: p.range, fixes: internal ? [removal(p), mask(p)] : [removal(p)] }),
    );
  },
};

function removal(p: PersonalNumber): Fix {
  return {
    title: message('remove'),
    edits: [{ range: p.removal, newText: '' }],
    safe: false,
  };
}

/** Keeps the birth date: only for documents that are not published. */
function mask(p: PersonalNumber): Fix {
  return {
    title: message('mask'),
    edits: [{ range: p.range, newText: p.masked }],
    safe: false,
  };
}
