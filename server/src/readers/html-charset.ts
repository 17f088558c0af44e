/**
 * A web page's bytes as a string. A byte order mark wins; then the charset a <meta> in the first 1,024 bytes
 * declares (the HTML standard's prescan, simplified to one pattern); else UTF-8, with the text reader's
 * Windows-1252 fallback for bytes that are not UTF-8 (old Danish sites). Labels of the Latin-1 family are read
 * as Windows-1252, as browsers read them; another label is given to TextDecoder when it knows it.
 */
import { decodeText, decodeWindows1252 } from './text';

/** The WHATWG encoding standard's labels of windows-1252 (ISO-8859-1 and ASCII are read as it). */
const WINDOWS_1252 = new Set([
  'windows-1252', 'cp1252', 'x-cp1252', 'iso-8859-1', 'iso8859-1', 'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'latin1', 'l1',
  'us-ascii', 'ascii', 'ansi_x3.4-1968', 'cp819', 'ibm819', 'iso-ir-100', 'csisolatin1',
]);

const META_CHARSET = /<meta\b[^>]*?charset\s*=\s*["']?\s*([^\s"'/>;]+)/i;

/** The charset a <meta charset> or <meta http-equiv="Content-Type" content="…; charset=…"> declares, lower case. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  let head = '';
  for (const b of bytes.subarray(0, 1024)) head += String.fromCharCode(b);
  return META_CHARSET.exec(head)?.[1]?.toLowerCase();
}

function hasBom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** The page as text; UnreadableInputError (from the text reader) for binary bytes. */
export function decodeHtml(bytes: Uint8Array): string {
  if (hasBom(bytes)) return decodeText(bytes).text;
  const label = declaredCharset(bytes);
  if (label !== undefined && WINDOWS_1252.has(label)) return decodeWindows1252(bytes);
  // A page that says UTF-16 without a byte order mark is read as UTF-8 (the standard's rule); utf-8 itself and
  // no label are the text reader's (UTF-8, else Windows-1252).
  if (label !== undefined && label !== 'utf-8' && label !== 'utf8' && !label.startsWith('utf-16')) {
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // A label TextDecoder does not know: read as if none were given.
    }
  }
  return decodeText(bytes).text;
}
