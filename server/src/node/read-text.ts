/**
 * Reading a document file as text, for the CLI and the language server alike: the bytes from disk, decoded by
 * the text reader (readers/text.ts: UTF-8, UTF-16 by its BOM, else Windows-1252, reported as RF098); formats
 * Referat cannot read yet are refused by name (decode.ts, shared with the web worker). And back: a fixed text written in the encoding it was read in.
 */
import iconv from 'iconv-lite';
import { readFile, readFileSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { decodeBytes as decodeWith, readError, refuseUnsupportedFormat, type DecodedFile, type Message } from './decode';

export { readError, refuseUnsupportedFormat, UnreadableFileError, type DecodedFile, type Message } from './decode';

/** Reads a file as text: UTF-8 (with or without BOM), else Windows-1252; binary is refused. */
export function readText(file: string): DecodedFile {
  refuseUnsupportedFormat(file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw readError(e as NodeJS.ErrnoException);
  }
  return decodeBytes(bytes);
}

/**
 * A file's bytes, read in this thread: the CLI's threads each read the files they check (one read of a
 * small file costs less than the four callbacks of an asynchronous one). Throws UnreadableFileError as readText does.
 */
export function readBytesSync(file: string, options: { published?: boolean } = {}): Uint8Array {
  refuseUnsupportedFormat(file, options);
  try {
    return readFileSync(file);
  } catch (e) {
    throw readError(e as NodeJS.ErrnoException);
  }
}

/**
 * A file's bytes, read without blocking: the CLI reads the next files while the ones
 * before them are analysed. Throws UnreadableFileError as readText does.
 */
export function readBytes(file: string, options: { published?: boolean } = {}): Promise<Uint8Array> {
  try {
    refuseUnsupportedFormat(file, options);
  } catch (e) {
    return Promise.reject(e);
  }
  // The callback readFile does its work off the main thread; fs/promises' is several times slower here.
  return new Promise((resolve, reject) => readFile(file, (e, bytes) => (e ? reject(readError(e)) : resolve(bytes))));
}

/** The bytes as text (decode.ts), with node:buffer's fast UTF-8 check; UnreadableFileError for binary bytes. */
export function decodeBytes(bytes: Uint8Array): DecodedFile {
  return decodeWith(bytes, (b) => isUtf8(b));
}

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
