/**
 * Writing a fixed text back in the encoding its file was read in (read-text.ts reads it): only the CLI's --fix
 * writes, so iconv-lite and its code pages stay out of the language server's bundle.
 */
import iconv from 'iconv-lite';
import type { DecodedFile, Message } from './decode';

/** Why a fixed text cannot be written back in the file's own encoding. */
export class UnencodableTextError extends Error {
  constructor(readonly text: Message) {
    super(text.en);
  }
}

/**
 * The bytes of `text` in the encoding the file was read in (its byte order mark kept), so
 * that `--fix` never turns an old Windows-1252 file into UTF-8 behind the user's back.
 * Throws UnencodableTextError when a character has no Windows-1252 byte.
 */
export function encodeText(text: string, as: Pick<DecodedFile, 'encoding' | 'bom'>): Uint8Array {
  switch (as.encoding) {
    case 'utf-8':
      return Buffer.from(as.bom ? `\uFEFF${text}` : text, 'utf8');
    case 'utf-16le':
      return Buffer.from(`\uFEFF${text}`, 'utf16le');
    case 'utf-16be':
      return Buffer.from(`\uFEFF${text}`, 'utf16le').swap16();
    case 'windows-1252':
      return encodeWindows1252(text);
  }
}

/** The text as Windows-1252 bytes; a character the encoding lacks is refused, never replaced by "?". */
function encodeWindows1252(text: string): Uint8Array {
  const bytes = iconv.encode(text, 'win1252');
  const back = iconv.decode(bytes, 'win1252');
  if (back !== text) {
    let k = 0;
    while (k < text.length && text[k] === back[k]) k++;
    const ch = String.fromCodePoint(text.codePointAt(k)!);
    throw new UnencodableTextError({
      da: `kan ikke gemmes som windows-1252 (filens tegnsæt): tegnet "${ch}" findes ikke i det`,
      en: `cannot be saved as windows-1252 (the file's encoding): it has no "${ch}"`,
    });
  }
  return bytes;
}
