/** The PDF reader: written in the archives issue (issue 25). Until then it refuses with a clear message. */
import { UnreadableInputError, type InputReader } from './reader';

export const pdfReader: InputReader = {
  format: 'pdf',
  read: async () => {
    throw new UnreadableInputError({
      da: 'kan Referat ikke læse endnu (PDF). Gem dokumentet som tekst (.txt) eller Markdown (.md).',
      en: 'cannot be read by Referat yet (PDF). Save the document as text (.txt) or Markdown (.md).',
    });
  },
};
