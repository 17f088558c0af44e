/**
 * Reading a document's bytes as text, for the CLI and the language server alike: UTF-8
 * (with or without BOM) or UTF-16 by its BOM, else a legacy Danish encoding (Windows-1252,
 * reported as RF098); binary files and formats Referat cannot read are refused by name.
 * And back: a fixed text written in the encoding it was read in.
 */
import iconv from 'iconv-lite';
import { readFile, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { isUtf8 } from 'node:buffer';

/** A message in both languages, as findings have. */
export interface Message {
  da: string;
  en: string;
}

export interface DecodedFile {
  text: string;
  /** 'utf-8' unless a UTF-16 BOM says otherwise or the bytes were not UTF-8 and a legacy encoding was assumed. */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  /** The file began with a byte order mark (the decoded text does not): `--fix` writes it back. */
  bom?: boolean;
}

/** Why a file could not be read, in both languages (`message` is the English one). */
export class UnreadableFileError extends Error {
  constructor(readonly text: Message) {
    super(text.en);
  }
}

/**
 * Document formats Referat cannot read yet, by extension: reported as such rather than
 * as "a binary file", so the user knows to export the text.
 */
const UNSUPPORTED_FORMATS: Record<string, string> = {
  '.pdf': 'PDF',
  '.docx': 'Word (.docx)',
  '.doc': 'Word (.doc)',
  '.odt': 'OpenDocument (.odt)',
  '.rtf': 'RTF',
};

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
 * A file's bytes, read without blocking: the CLI reads the next files while the ones
 * before them are analysed. Throws UnreadableFileError as readText does.
 */
export function readBytes(file: string): Promise<Uint8Array> {
  try {
    refuseUnsupportedFormat(file);
  } catch (e) {
    return Promise.reject(e);
  }
  // The callback readFile does its work off the main thread; fs/promises' is several times slower here.
  return new Promise((resolve, reject) => readFile(file, (e, bytes) => (e ? reject(readError(e)) : resolve(bytes))));
}

export function refuseUnsupportedFormat(file: string): void {
  const format = UNSUPPORTED_FORMATS[path.extname(file).toLowerCase()];
  if (format) {
    throw new UnreadableFileError({
      da: `er en ${format}-fil; det format kan Referat ikke læse endnu. Gem dokumentet som tekst (.txt) eller Markdown (.md).`,
      en: `is a ${format} file; Referat cannot read that format yet. Save the document as text (.txt) or Markdown (.md).`,
    });
  }
}

export function readError(e: NodeJS.ErrnoException): UnreadableFileError {
  if (e.code === 'EISDIR') return new UnreadableFileError({ da: 'er en mappe', en: 'is a folder' });
  if (e.code === 'EACCES' || e.code === 'EPERM') return new UnreadableFileError({ da: 'kan ikke læses: adgang nægtet', en: 'cannot be read: permission denied' });
  return new UnreadableFileError({ da: `kan ikke læses: ${e.message}`, en: `cannot be read: ${e.message}` });
}

export function decodeBytes(bytes: Uint8Array): DecodedFile {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be', bom: true };
  if (looksBinary(bytes)) throw new UnreadableFileError({ da: 'er en binær fil, ikke tekst', en: 'is a binary file, not text' });
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // isUtf8 + toString is several times faster than a fatal TextDecoder on a large archive.
  if (isUtf8(buffer)) {
    const bom = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf;
    return { text: buffer.toString('utf8', bom ? 3 : 0), encoding: 'utf-8', bom };
  }
  // Old Danish minutes are Windows-1252 or ISO-8859-1; the former is a superset for text. Node's own
  // TextDecoder('windows-1252') reads bytes 0x80–0x9F as Latin-1 control characters (curly quotes and dashes
  // came out as U+0093, U+0096), so iconv-lite reads them.
  return { text: iconv.decode(buffer, 'win1252'), encoding: 'windows-1252' };
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

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}
