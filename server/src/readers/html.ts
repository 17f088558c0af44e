/**
 * The HTML reader: a published web page (a municipality's minutes as its site shows them) in Referat's text
 * form. The bytes are decoded by their BOM or <meta charset> (html-charset.ts), parsed by parse5 as a browser
 * would (entities decoded, broken markup repaired), and walked into lines (html-blocks.ts). The DOCX reader
 * reads Word documents through it, from the HTML mammoth makes of them.
 *
 * The source map gives each line of the text the place of the element it came from in the page: `line` and
 * `column`, both 0-based (as the text reader's lines and LSP positions; a column counts UTF-16 code units),
 * of the block's start tag, of the <br> that began the line, or of the table row.
 */
import { parse } from 'parse5';
import { decodeHtml } from './html-charset';
import { pageLines, type PlaceMarks, type TextLine } from './html-blocks';
import { refuseTooLarge, tableMap, type InputReader, type ReadDocument, type SourcePlace } from './reader';

/** The lines as one text, a blank line between blocks, and the place of each line (a blank one has the line before's). */
export function joinLines(lines: readonly TextLine[]): { text: string; places: SourcePlace[] } {
  const out: string[] = [];
  const places: SourcePlace[] = [];
  for (const line of lines) {
    if (out.length > 0 && !line.joined) {
      out.push('');
      places.push(places[places.length - 1]!);
    }
    out.push(line.text);
    places.push(line.place);
  }
  return { text: out.join('\n'), places: places.length > 0 ? places : [{ line: 0, column: 0 }] };
}

/** The lines of an HTML string (the page, or the HTML mammoth made of a Word document). */
export function htmlLines(html: string, marks?: PlaceMarks): TextLine[] {
  return pageLines(parse(html, { sourceCodeLocationInfo: true }), marks);
}

export { refuseTooLarge } from './reader';

export const htmlReader: InputReader = {
  format: 'html',
  read: async (bytes, limits): Promise<ReadDocument> => {
    refuseTooLarge(bytes, limits);
    const { text, places } = joinLines(htmlLines(decodeHtml(bytes)));
    return { format: 'html', text, sourceMap: tableMap(places), problems: [] };
  },
};
