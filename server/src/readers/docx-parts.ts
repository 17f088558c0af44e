/**
 * The XML parts of a Word document (.docx, a zip archive), unpacked within the budget (zip-limits.ts), and
 * what could not be read of them. A file that is no zip is refused by what it is instead (plain text, an old
 * .doc, a PDF); a zip without its central directory (a download cut short) is read from its local headers as
 * far as they are whole, with one problem saying so. Images and the like are not unpacked: Referat reads text.
 */
import { UnreadableInputError, type Message, type ReadLimits } from './reader';
import { decodeText } from './text';
import { listZip, looksLikeZip, type ZipEntry } from './zip-entries';
import { EntryError, InflateBudget, unpack } from './zip-limits';
import type { StoredFile } from './zip-store';

export interface WordParts {
  files: StoredFile[];
  /** What could not be read (one message), when something could not. */
  problem?: Message;
  /** The main document part (word/document.xml) is among what could not be read. */
  bodyMissing: boolean;
}

const SAVE_AS = { da: 'Åbn den i Word, og gem den som Word-dokument (.docx) eller tekst (.txt).', en: 'Open it in Word and save it as a Word document (.docx) or as text (.txt).' };

function startsWith(bytes: Uint8Array, ...prefix: number[]): boolean {
  return prefix.every((b, k) => bytes[k] === b);
}

/** Bytes that are no zip archive, refused by what they are. */
function refuseNotZip(bytes: Uint8Array): never {
  if (bytes.length === 0) throw new UnreadableInputError({ da: 'er tom (0 byte), ikke et Word-dokument', en: 'is empty (0 bytes), not a Word document' });
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
    throw new UnreadableInputError({
      da: `er et ældre Word-dokument (.doc, Word 97–2003) eller et adgangskodebeskyttet dokument, ikke en .docx-fil. ${SAVE_AS.da}`,
      en: `is an older Word document (.doc, Word 97–2003) or a password-protected one, not a .docx file. ${SAVE_AS.en}`,
    });
  }
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) {
    throw new UnreadableInputError({ da: 'er en PDF-fil, ikke et Word-dokument: omdøb den til .pdf', en: 'is a PDF file, not a Word document: rename it to .pdf' });
  }
  let text = false;
  try {
    decodeText(bytes.subarray(0, 8192));
    text = true;
  } catch {
    // binary bytes: not text either
  }
  if (text) {
    throw new UnreadableInputError({
      da: 'er almindelig tekst, ikke et Word-dokument (en .docx-fil er et zip-arkiv): omdøb den til .txt',
      en: 'is plain text, not a Word document (a .docx file is a zip archive): rename it to .txt',
    });
  }
  throw new UnreadableInputError({
    da: `er ikke et Word-dokument: en .docx-fil er et zip-arkiv, og det er denne fil ikke. ${SAVE_AS.da}`,
    en: `is not a Word document: a .docx file is a zip archive, and this file is not one. ${SAVE_AS.en}`,
  });
}

/** The parts mammoth reads: the XML and relationship parts, not the document's properties or custom data. */
function isTextPart(entry: ZipEntry): boolean {
  const name = entry.name.toLowerCase();
  if (name.endsWith('/') || name.startsWith('docprops/') || name.startsWith('customxml/')) return false;
  return name.endsWith('.xml') || name.endsWith('.rels');
}

const MAIN_DOCUMENT = 'word/document.xml';

function listNames(names: readonly string[]): string {
  return names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} (+${names.length - 3})`;
}

/** The one message on what could not be read: a cut file, or damaged parts. */
function problemOf(fromLocalHeaders: boolean, read: number, unread: readonly string[]): Message | undefined {
  const names = listNames(unread);
  if (fromLocalHeaders) {
    return {
      da: `Filen er afkortet: zip-arkivets indholdsfortegnelse (det centrale katalog) mangler, som efter en afbrudt download. Referat har læst de ${read} tekstdele, der var hele${unread.length > 0 ? `; ${names} er skåret over og ikke læst` : ''}. Det, der stod efter bruddet, mangler: hent filen igen.`,
      en: `The file is truncated: the zip archive's central directory is missing, as after an interrupted download. Referat read the ${read} text parts that were whole${unread.length > 0 ? `; ${names} ${unread.length === 1 ? 'is' : 'are'} cut off and not read` : ''}. Whatever followed the break is missing: download the file again.`,
    };
  }
  if (unread.length === 0) return undefined;
  return {
    da: `Dele af Word-dokumentet kunne ikke pakkes ud (beskadiget eller ukendt komprimering): ${names}. Resten er læst.`,
    en: `Parts of the Word document could not be unpacked (damaged or an unknown compression): ${names}. The rest was read.`,
  };
}

/** The document's XML parts; UnreadableInputError for what is no Word document or unpacks past the limit. */
export async function wordParts(bytes: Uint8Array, limits: ReadLimits): Promise<WordParts> {
  if (!looksLikeZip(bytes)) refuseNotZip(bytes);
  const listing = listZip(bytes);
  const budget = new InflateBudget(limits.maxInflatedBytes);
  const files: StoredFile[] = [];
  const unread = [...listing.cut];
  const seen = new Set<string>();
  for (const entry of listing.entries) {
    if (!isTextPart(entry) || seen.has(entry.name)) continue;
    seen.add(entry.name);
    try {
      files.push({ name: entry.name, data: await unpack(bytes, entry, budget) });
    } catch (e) {
      if (!(e instanceof EntryError)) throw e;
      unread.push(entry.name);
    }
  }
  if (files.length === 0 && unread.length === 0) {
    throw new UnreadableInputError({
      da: 'er et tomt zip-arkiv eller et uden tekstdele, ikke et Word-dokument',
      en: 'is an empty zip archive or one without text parts, not a Word document',
    });
  }
  const problem = problemOf(listing.fromLocalHeaders, files.length, unread);
  const bodyMissing = unread.some((n) => n.toLowerCase() === MAIN_DOCUMENT);
  return problem ? { files, problem, bodyMissing } : { files, bodyMissing };
}
