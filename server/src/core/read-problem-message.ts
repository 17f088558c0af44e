/**
 * RF097's message: a published file (PDF, Word, web page) that could be read only in part (a damaged or
 * truncated download). The adapters read files, so they report it; the words are data here like every rule's.
 */
import { formatMessage, type Localized } from './messages';

export const READ_PROBLEM_MESSAGES = {
  partlyRead: {
    da: 'Filen kunne kun læses delvis, og det manglende er ikke kontrolleret: {problem}',
    en: 'The file could be read only in part, and what is missing was not checked: {problem}',
  },
};

/** The message of an RF097 finding: what the reader could not read. */
export function partlyReadMessage(problem: Localized): Localized {
  return formatMessage(READ_PROBLEM_MESSAGES.partlyRead, { problem });
}
