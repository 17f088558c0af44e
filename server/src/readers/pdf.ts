/**
 * The PDF reader: a published PDF in Referat's text form, by pdf.js (pdfjs-dist's legacy build, loaded on the
 * first PDF: pdf-load.ts). Each page is read by its structure tree when it is tagged, else by the positions of
 * its text (pdf-page.ts); running headers, footers and page marks are recognised by recurrence and left out
 * (pdf-furniture.ts); a blank line separates blocks. The source map gives each line its page and the place of
 * its first text on it (PDF points from the top left).
 *
 * An encrypted PDF is refused with a clear message; a damaged one gives the pages that can be read and one
 * problem naming those that cannot; a PDF with more pages than the limit is read up to it, and says so.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { furnitureOf } from './pdf-furniture';
import { lineText } from './pdf-lines';
import { loadPdfJs, type PdfLib } from './pdf-load';
import { readPage, type ReadPage } from './pdf-page';
import { withTrailer } from './pdf-repair';
import { refuseTooLarge, spansOf, tableMap, UnreadableInputError, type InputReader, type Message, type ReadDocument, type ReadLimits, type SourcePlace } from './reader';

export const pdfReader: InputReader = {
  format: 'pdf',
  read: async (bytes, limits): Promise<ReadDocument> => {
    refuseTooLarge(bytes, limits);
    const lib = await loadPdfJs();
    const { doc, repaired } = await openOrRepair(lib, bytes);
    try {
      const read = await readPages(lib, doc, limits, repaired);
      if (repaired) read.problems.unshift(TRUNCATED);
      return read;
    } finally {
      await doc.destroy().catch(() => undefined);
    }
  },
};

/** The document; a file cut short whose catalog came before the cut is opened with a trailer added (pdf-repair.ts). */
async function openOrRepair(lib: PdfLib, bytes: Uint8Array): Promise<{ doc: PDFDocumentProxy; repaired: boolean }> {
  try {
    return { doc: await open(lib, bytes), repaired: false };
  } catch (e) {
    const repaired = cutShort(bytes) ? withTrailer(bytes) : undefined;
    if (!repaired) throw e;
    const doc = await open(lib, repaired).catch(() => {
      throw e;
    });
    return { doc, repaired: true };
  }
}

async function open(lib: PdfLib, bytes: Uint8Array): Promise<PDFDocumentProxy> {
  // pdf.js takes over the buffer it is given and refuses a Buffer: it gets a plain copy.
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    verbosity: lib.VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
  });
  try {
    return await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    throw refusal(e, bytes);
  }
}

/** A file that begins as a PDF does, yet has no end of file mark in its last kilobyte, was cut short. */
function cutShort(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 5));
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 1024)));
  return head === '%PDF-' && !tail.includes('%%EOF');
}

function truncatedRefusal(): UnreadableInputError {
  return new UnreadableInputError({
    da: 'er en afkortet PDF (filen slutter midt i; en afbrudt download?), og dens sider kan ikke findes. Hent filen igen',
    en: 'is a truncated PDF (the file ends midway; an interrupted download?), and its pages cannot be found. Download it again',
  });
}

function refusal(e: unknown, bytes: Uint8Array): UnreadableInputError {
  const name = (e as { name?: string } | null)?.name;
  if (name === 'PasswordException') {
    return new UnreadableInputError({
      da: 'er en krypteret PDF, der kræver en adgangskode; Referat læser ikke krypterede filer. Gem en udgave uden adgangskode',
      en: 'is an encrypted PDF that needs a password; Referat does not read encrypted files. Save a copy without a password',
    });
  }
  if (name === 'InvalidPDFException' && cutShort(bytes)) return truncatedRefusal();
  if (name === 'InvalidPDFException') {
    return new UnreadableInputError({
      da: 'er ikke en PDF, Referat kan læse (filen er beskadiget eller ikke en PDF)',
      en: 'is not a PDF Referat can read (the file is damaged or not a PDF)',
    });
  }
  const reason = e instanceof Error ? e.message : String(e);
  return new UnreadableInputError({ da: `kunne ikke åbnes som PDF (${reason})`, en: `could not be opened as a PDF (${reason})` });
}

async function readPages(lib: PdfLib, doc: PDFDocumentProxy, limits: ReadLimits, repaired: boolean): Promise<ReadDocument> {
  const count = Math.min(doc.numPages, limits.maxPages);
  const pages: ReadPage[] = [];
  const failed: number[] = [];
  let blocks = 0;
  const nextBlock = () => blocks++;
  for (let n = 1; n <= count; n++) {
    try {
      const proxy = await doc.getPage(n);
      pages.push(await readPage(lib, proxy, n, nextBlock));
      proxy.cleanup();
    } catch {
      failed.push(n);
    }
  }
  const problems: Message[] = [];
  if (failed.length > 0) problems.push(unreadablePages(failed, doc.numPages));
  if (doc.numPages > limits.maxPages) problems.push(pastPageLimit(limits.maxPages, doc.numPages));
  const { text, places, byPosition } = assemble(pages);
  // A file cut short whose text went with its end (its fonts' maps) has nothing to give.
  if (text.trim() === '' && repaired) throw truncatedRefusal();
  if (text.trim() === '' && failed.length < count) problems.push(NO_TEXT);
  if (pages.length === 0) {
    throw new UnreadableInputError({ da: 'er en beskadiget PDF: ingen af dens sider kunne læses', en: 'is a damaged PDF: none of its pages could be read' });
  }
  const laidOut = spansOf(byPosition);
  return { format: 'pdf', text, sourceMap: tableMap(places), problems, ...(laidOut.length > 0 ? { laidOut } : {}) };
}

/**
 * The pages' lines as one text: furniture left out, a blank line between blocks; `byPosition` says of each
 * line whether it was laid out from the text's positions (a blank line between two such lines is too).
 */
function assemble(pages: readonly ReadPage[]): { text: string; places: SourcePlace[]; byPosition: boolean[] } {
  const furniture = furnitureOf(pages.map((p) => ({ page: p.page, height: p.height, lines: p.lines.map((l) => l.line) })));
  const out: string[] = [];
  const places: SourcePlace[] = [];
  const byPosition: boolean[] = [];
  let block: number | undefined;
  let previousByPosition = false;
  for (const page of pages) {
    for (const { line, block: id, byPosition: laidOut = false } of page.lines) {
      if (furniture.has(line)) continue;
      const place: SourcePlace = { page: line.page, x: round(line.cells[0]!.left), y: round(line.y) };
      if (block !== undefined && id !== block) {
        out.push('');
        places.push(place);
        byPosition.push(laidOut && previousByPosition);
      }
      block = id;
      out.push(lineText(line));
      places.push(place);
      byPosition.push(laidOut);
      previousByPosition = laidOut;
    }
  }
  return { text: out.join('\n'), places: places.length > 0 ? places : [{ page: 1 }], byPosition };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** "3, 5 og 7" (Danish) and "3, 5 and 7". */
function list(pages: readonly number[], and: string): string {
  return pages.length === 1 ? String(pages[0]) : `${pages.slice(0, -1).join(', ')} ${and} ${pages[pages.length - 1]}`;
}

function unreadablePages(failed: readonly number[], total: number): Message {
  return {
    da: `PDF'en er beskadiget: side ${list(failed, 'og')} af ${total} kunne ikke læses; resten er læst`,
    en: `the PDF is damaged: page ${list(failed, 'and')} of ${total} could not be read; the rest was read`,
  };
}

function pastPageLimit(max: number, total: number): Message {
  return {
    da: `kun de første ${max} af ${total} sider er læst (grænsen for sider)`,
    en: `only the first ${max} of ${total} pages were read (the page limit)`,
  };
}

const TRUNCATED: Message = {
  da: 'PDF\'en er afkortet (filen slutter midt i; en afbrudt download?): det, der var helt, er læst',
  en: 'the PDF is truncated (the file ends midway; an interrupted download?): what was whole has been read',
};

const NO_TEXT: Message = {
  da: 'PDF\'en har ingen tekst at læse (er siderne scannede billeder?); kør tekstgenkendelse (OCR) på den først',
  en: 'the PDF has no text to read (are its pages scanned images?); run text recognition (OCR) on it first',
};
