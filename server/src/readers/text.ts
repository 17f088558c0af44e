/**
 * The text reader: a document's bytes as text. UTF-8 (with or without BOM) or UTF-16 by its BOM, else the
 * legacy Danish encoding Windows-1252 (reported as RF098 by the adapters); binary bytes are refused. Pure:
 * the Node adapters pass their faster UTF-8 check (node:buffer's isUtf8); elsewhere a strict TextDecoder
 * decides.
 */
import { IDENTITY_MAP, UnreadableInputError, type InputReader, type ReadDocument } from './reader';

export interface DecodedText extends ReadDocument {
  /** 'utf-8' unless a UTF-16 BOM says otherwise or the bytes were not UTF-8 and a legacy encoding was assumed. */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  /** The bytes began with a byte order mark (the decoded text does not): `--fix` writes it back. */
  bom?: boolean;
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** Whether the bytes are valid UTF-8 (a strict decoder: the fallback where no faster check is given). */
function strictUtf8(bytes: Uint8Array): boolean {
  try {
    STRICT_UTF8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function decodeText(bytes: Uint8Array, isUtf8: (bytes: Uint8Array) => boolean = strictUtf8): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decoded(new TextDecoder('utf-16le').decode(bytes), 'utf-16le', true);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decoded(new TextDecoder('utf-16be').decode(bytes), 'utf-16be', true);
  if (looksBinary(bytes)) throw new UnreadableInputError({ da: 'er en binær fil, ikke tekst', en: 'is a binary file, not text' });
  if (isUtf8(bytes)) {
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    return decoded(UTF8.decode(bom ? bytes.subarray(3) : bytes), 'utf-8', bom);
  }
  return decoded(decodeWindows1252(bytes), 'windows-1252');
}

function decoded(text: string, encoding: DecodedText['encoding'], bom?: boolean): DecodedText {
  return { format: 'text', text, sourceMap: IDENTITY_MAP, problems: [], encoding, ...(bom !== undefined ? { bom } : {}) };
}

/** The text reader as an InputReader (the adapters call decodeText directly, with their faster UTF-8 check). */
export const textReader: InputReader = {
  format: 'text',
  read: async (bytes) => decodeText(bytes),
};

/**
 * Windows-1252 is ISO-8859-1 but for 0x80–0x9F, where it has the curly quotes, dashes, € and the like (the
 * code page's table; its five unassigned bytes are read as U+FFFD, the replacement character, as iconv-lite
 * reads them when the text is written back). Old Danish minutes are Windows-1252 or ISO-8859-1; the former
 * is a superset for text.
 */
const HIGH_CONTROLS = '€\uFFFD‚ƒ„…†‡ˆ‰Š‹Œ\uFFFDŽ\uFFFD\uFFFD‘’“”•–—˜™š›œ\uFFFDžŸ';

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes: number[] = [];
    for (const b of bytes.subarray(start, start + CHUNK)) codes.push(b >= 0x80 && b <= 0x9f ? HIGH_CONTROLS.charCodeAt(b - 0x80) : b);
    out += String.fromCharCode(...codes);
  }
  return out;
}

/**
 * A NUL, or more than a tenth control bytes, in the first 8 KB. Indexed, not `for…of` over a subarray: the bytes
 * come as Node Buffers and as plain Uint8Arrays, and the iterator over both kinds had V8 throw this function's
 * optimised code away some 30 times in a CLI run ("wrong map"); the indexed loop also allocates nothing.
 */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let k = 0; k < n; k++) {
    const b = bytes[k]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.1;
}
