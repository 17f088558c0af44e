/**
 * RF098's message: a file that is not UTF-8 and was read in a legacy encoding. The
 * adapters read files, so they report it; the words are data here like every rule's.
 */
import { formatMessage, type Localized } from './messages';

export const ENCODING_MESSAGES = {
  legacyEncoding: {
    da: 'Filen er ikke UTF-8; den blev læst som {encoding}. Gem den som UTF-8 for at være sikker på æ, ø og å.',
    en: 'The file is not UTF-8; it was read as {encoding}. Save it as UTF-8 to be sure of æ, ø and å.',
  },
};

/** The message of an RF098 finding for a file read as `encoding`. */
export function legacyEncodingMessage(encoding: string): Localized {
  return formatMessage(ENCODING_MESSAGES.legacyEncoding, { encoding });
}
