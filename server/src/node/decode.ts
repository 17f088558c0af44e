/**
 * A document file's bytes as text, with no Node-only module, so the Node adapters and the web worker's
 * server share it: the text reader's decoding (readers/text.ts: UTF-8, UTF-16 by its BOM, else
 * Windows-1252, reported as RF098), the formats Referat cannot read refused by name, and why a file
 * could not be read in both languages. read-text.ts adds the disk and node:buffer's faster UTF-8 check.
 */
import { UnreadableInputError } from '../readers/reader';
import { decodeText, type DecodedText } from '../readers/text';

export type { Message } from '../readers/reader';

/** A file's text as the text reader decoded it (its encoding and byte order mark, for writing it back). */
export type DecodedFile = Pick<DecodedText, 'text' | 'encoding' | 'bom'>;

/** Why a file could not be read, in both languages (`message` is the English one). */
export class UnreadableFileError extends UnreadableInputError {}

/**
 * Document formats Referat cannot read, by extension: reported as such rather than as "a binary file", so
 * the user knows to export the text. PDF and Word (.docx) are read by the CLI (readers/, `published`).
 */
const UNSUPPORTED_FORMATS: Record<string, string> = {
  '.doc': 'Word 97-2003 (.doc)',
  '.odt': 'OpenDocument (.odt)',
  '.rtf': 'RTF',
};
const PUBLISHED_FORMATS: Record<string, string> = {
  '.pdf': 'PDF',
  '.docx': 'Word (.docx)',
};

/** A file name's extension in lower case (".pdf"), as path.extname gives it; "" when it has none. */
function extensionOf(file: string): string {
  const name = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

/** Throws UnreadableFileError for a format Referat cannot read (PDF and Word too, unless `published`: the CLI reads them). */
export function refuseUnsupportedFormat(file: string, options: { published?: boolean } = {}): void {
  const extension = extensionOf(file);
  const format = UNSUPPORTED_FORMATS[extension] ?? (options.published ? undefined : PUBLISHED_FORMATS[extension]);
  if (format) {
    throw new UnreadableFileError({
      da: `er en ${format}-fil; det format kan Referat ikke læse endnu. Gem dokumentet som Word (.docx), PDF eller tekst (.txt).`,
      en: `is a ${format} file; Referat cannot read that format yet. Save the document as Word (.docx), PDF or text (.txt).`,
    });
  }
}

/** An errno error of a file system call (Node's, or one a web worker's file system gives the same codes) in both languages. */
export function readError(e: { code?: string; message: string }): UnreadableFileError {
  if (e.code === 'EISDIR') return new UnreadableFileError({ da: 'er en mappe', en: 'is a folder' });
  if (e.code === 'EACCES' || e.code === 'EPERM') return new UnreadableFileError({ da: 'kan ikke læses: adgang nægtet', en: 'cannot be read: permission denied' });
  return new UnreadableFileError({ da: `kan ikke læses: ${e.message}`, en: `cannot be read: ${e.message}` });
}

/** The bytes as text (readers/text.ts); `isUtf8` is a faster UTF-8 check when the platform has one. UnreadableFileError for binary bytes. */
export function decodeBytes(bytes: Uint8Array, isUtf8?: (bytes: Uint8Array) => boolean): DecodedFile {
  try {
    const { text, encoding, bom } = decodeText(bytes, isUtf8);
    return bom === undefined ? { text, encoding } : { text, encoding, bom };
  } catch (e) {
    throw e instanceof UnreadableInputError ? new UnreadableFileError(e.text) : e;
  }
}
