import { ruleMessages, type Rule } from './rule';

const { messages, report } = ruleMessages({
  notMinutes: {
    da: 'Teksten blev ikke genkendt som et referat eller en dagsorden: ingen punkter (fx »Punkt 1: Titel«) med kendte afsnit og ingen overskrift som »Referat« eller »Dagsorden«.',
    en: 'The text was not recognised as minutes or an agenda: no items (e.g. "Punkt 1: Title") with known sections and no heading such as "Referat" or "Dagsorden".',
  },
});

/**
 * RF090: the parser found no meeting structure. Information only: `referat check`
 * on a folder says which files it could not read as minutes, instead of passing
 * over them in silence.
 */
export const notMinutes: Rule = {
  code: 'RF090',
  name: 'not-minutes',
  defaultSeverity: 'information',
  tags: ['document'],
  fixable: false,
  description: {
    da: 'Teksten blev ikke genkendt som et referat eller en dagsorden.',
    en: 'The text was not recognised as minutes or an agenda.',
  },
  messages,
  check({ model }) {
    // An empty file is RF091's: an error, not a note.
    if (model.kind !== null || model.blank) return [];
    return [report({ messageId: 'notMinutes', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } })];
  },
};
