/**
 * Reading a document file as text, for the CLI and the language server alike: the bytes from disk, decoded by
 * the text reader (readers/text.ts: UTF-8, UTF-16 by its BOM, else Windows-1252, reported as RF098); formats
 * Referat cannot read yet are refused by name (decode.ts, shared with the web worker). The way back (a fixed text
 * written in the encoding it was read in) is write-text.ts: only the CLI's --fix writes, so the language server's
 * bundle, which reads through this module, does not carry iconv-lite's tables (half a megabyte of source).
 */
import { readFile, readFileSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { decodeBytes as decodeWith, readError, refuseUnsupportedFormat, type DecodedFile } from './decode';

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
