/** The HTML reader: written in the archives issue (issue 25). Until then it refuses with a clear message. */
import { UnreadableInputError, type InputReader } from './reader';

export const htmlReader: InputReader = {
  format: 'html',
  read: async () => {
    throw new UnreadableInputError({
      da: 'kan Referat ikke læse endnu (HTML). Gem dokumentet som tekst (.txt) eller Markdown (.md).',
      en: 'cannot be read by Referat yet (HTML). Save the document as text (.txt) or Markdown (.md).',
    });
  },
};
