/**
 * The DOCX reader: a Word document in Referat's text form. Its XML parts are unpacked within the limit
 * (docx-parts.ts, zip-limits.ts: a zip bomb is refused, a file cut short is read as far as it is whole), made
 * HTML by mammoth (docx-html.ts) and read by the HTML reader's walk: headings, paragraphs, and each table row
 * a line of tab-separated cells.
 *
 * The source map gives each line the Word paragraph it came from: `paragraph`, the 0-based index among the
 * main document's paragraphs in document order (the paragraphs of table cells included; a row's line has its
 * first cell's). Lines mammoth writes after the body (footnotes) keep the last paragraph before them.
 */
import { wordHtml, paragraphMarks } from './docx-html';
import { wordParts } from './docx-parts';
import { htmlLines, joinLines, refuseTooLarge } from './html';
import { tableMap, UnreadableInputError, type InputReader, type ReadDocument, type SourcePlace } from './reader';

const BODY_MISSING = {
  da: 'er afkortet, så selve dokumentets tekst (word/document.xml) mangler: hent filen igen',
  en: 'is truncated, so the document\'s text itself (word/document.xml) is missing: download the file again',
};

export const docxReader: InputReader = {
  format: 'docx',
  read: async (bytes, limits): Promise<ReadDocument> => {
    refuseTooLarge(bytes, limits);
    const parts = await wordParts(bytes, limits);
    if (parts.bodyMissing) throw new UnreadableInputError(BODY_MISSING);
    let html: string;
    try {
      html = await wordHtml(parts.files);
    } catch (e) {
      // mammoth finds no main document part, or one it cannot parse.
      if (parts.problem) throw new UnreadableInputError(BODY_MISSING);
      const detail = e instanceof Error ? e.message : String(e);
      throw new UnreadableInputError({
        da: `er ikke et Word-dokument, Referat kan læse (${detail})`,
        en: `is not a Word document Referat can read (${detail})`,
      });
    }
    const { text, places } = joinLines(htmlLines(html, paragraphMarks));
    let last = 0;
    const paragraphs: SourcePlace[] = places.map((place) => {
      if (place.paragraph !== undefined) last = place.paragraph;
      return { paragraph: last };
    });
    return { format: 'docx', text, sourceMap: tableMap(paragraphs), problems: parts.problem ? [parts.problem] : [] };
  },
};
