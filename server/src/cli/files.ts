/**
 * Turning the CLI's arguments into documents: files, folders (searched for minutes
 * files) and globs; reading bytes as text, recognising legacy Danish encodings and
 * refusing binary files by name.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';

/** Files a folder search looks at. */
export const MINUTES_EXTENSIONS = ['.referat', '.txt', '.md'];

/** A message in both languages, as findings have. */
export interface Message {
  da: string;
  en: string;
}

export interface InputError {
  path: string;
  message: Message;
}

export interface ExpandedInputs {
  files: string[];
  errors: InputError[];
}

export function expandInputs(args: string[], cwd = process.cwd()): ExpandedInputs {
  const files: string[] = [];
  const errors: InputError[] = [];
  const seen = new Set<string>();
  const add = (f: string) => {
    const abs = path.resolve(cwd, f);
    if (!seen.has(abs)) {
      seen.add(abs);
      files.push(path.relative(cwd, abs) || abs);
    }
  };
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    if (existsSync(abs)) {
      let st;
      try {
        st = statSync(abs);
      } catch (e) {
        errors.push({ path: arg, message: { da: `kan ikke læses: ${(e as Error).message}`, en: `cannot be read: ${(e as Error).message}` } });
        continue;
      }
      if (st.isDirectory()) {
        const found = globSync(MINUTES_EXTENSIONS.map((ext) => `**/*${ext}`), {
          cwd: abs,
          ignore: ['**/node_modules/**', '**/.git/**'],
          absolute: true,
        }).sort();
        for (const f of found) add(f);
      } else {
        add(abs);
      }
      continue;
    }
    if (isDynamicPattern(arg)) {
      const found = globSync(arg, { cwd, ignore: ['**/node_modules/**'], absolute: true }).sort();
      if (found.length === 0) errors.push({ path: arg, message: { da: 'mønsteret passer ikke på nogen fil', en: 'the pattern matches no file' } });
      for (const f of found) add(f);
      continue;
    }
    errors.push({ path: arg, message: { da: 'filen eller mappen findes ikke', en: 'no such file or folder' } });
  }
  return { files, errors };
}

export interface DecodedFile {
  text: string;
  /** 'utf-8' unless a UTF-16 BOM says otherwise or the bytes were not UTF-8 and a legacy encoding was assumed. */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
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
  const format = UNSUPPORTED_FORMATS[path.extname(file).toLowerCase()];
  if (format) {
    throw new UnreadableFileError({
      da: `er en ${format}-fil; det format kan Referat ikke læse endnu. Gem dokumentet som tekst (.txt) eller Markdown (.md).`,
      en: `is a ${format} file; Referat cannot read that format yet. Save the document as text (.txt) or Markdown (.md).`,
    });
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw new UnreadableFileError({ da: 'er en mappe', en: 'is a folder' });
    if (code === 'EACCES' || code === 'EPERM') throw new UnreadableFileError({ da: 'kan ikke læses: adgang nægtet', en: 'cannot be read: permission denied' });
    throw new UnreadableFileError({ da: `kan ikke læses: ${(e as Error).message}`, en: `cannot be read: ${(e as Error).message}` });
  }
  return decodeBytes(bytes);
}

export function decodeBytes(bytes: Uint8Array): DecodedFile {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  if (looksBinary(bytes)) throw new UnreadableFileError({ da: 'er en binær fil, ikke tekst', en: 'is a binary file, not text' });
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Old Danish minutes are Windows-1252 or ISO-8859-1; the former is a superset for text.
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
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
