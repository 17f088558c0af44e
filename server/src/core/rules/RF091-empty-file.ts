import { ruleMessages, type Rule } from './rule';

const { messages, report } = ruleMessages({
  empty: {
    da: 'Filen er tom: der er intet referat eller nogen dagsorden at kontrollere. Mislykkedes eksporten?',
    en: 'The file is empty: there are no minutes or agenda to check. Did the export fail?',
  },
});

/**
 * RF091: the file is empty (or holds only spaces and line breaks). An error, so that a CI
 * gate stops it: an empty referat that is published, or an export that failed and left an
 * empty file, must not pass as a clean document.
 */
export const emptyFile: Rule = {
  code: 'RF091',
  name: 'empty-file',
  defaultSeverity: 'error',
  tags: ['document'],
  fixable: false,
  description: {
    da: 'Filen er tom.',
    en: 'The file is empty.',
  },
  messages,
  check({ model }) {
    if (!model.blank) return [];
    return [report({ messageId: 'empty', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } })];
  },
};
