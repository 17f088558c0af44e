/**
 * A Word document as HTML, by mammoth (convertToHtml keeps the tables as tables and the headings as h1–h6;
 * extractRawText would flatten the tables), with each Word paragraph marked in the text so the HTML reader can
 * tell which paragraph a line came from. A mark is two Unicode noncharacters around the paragraph's index
 * (U+FDD0 n U+FDD1): they never occur in interchanged text, mammoth and parse5 pass them through, and the HTML
 * walk removes them (paragraphMarks).
 *
 * mammoth opens the archive with JSZip. It is given a stored archive (zip-store.ts) of the parts already
 * unpacked within the budget, so JSZip inflates nothing. In Node mammoth's package also loads fs, path, os and
 * url (for linked images, which are left off here); a browser bundle takes its "browser" files instead.
 */
import mammoth from 'mammoth';
import type { PlaceMarks } from './html-blocks';
import { storedZip, type StoredFile } from './zip-store';

const OPEN = '\uFDD0';
const CLOSE = '\uFDD1';
const MARK = /\uFDD0(\d+)\uFDD1/g;

/** The marks of docx-html.ts read back: removed from the text, the first one's paragraph is the place. */
export const paragraphMarks: PlaceMarks = (text) => {
  if (!text.includes(OPEN)) return { text };
  let paragraph: number | undefined;
  const clean = text.replace(MARK, (_, n: string) => {
    paragraph ??= Number(n);
    return '';
  });
  return paragraph === undefined ? { text: clean } : { text: clean, place: { paragraph } };
};

/** The part of mammoth's document model the marking needs. */
interface WordElement {
  type: string;
  value?: string;
  children?: WordElement[];
}

/** The paragraph's first text, not looking into paragraphs inside it. */
function firstText(paragraph: WordElement): WordElement | undefined {
  const stack = [...(paragraph.children ?? [])].reverse();
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (el.type === 'text' && typeof el.value === 'string') return el;
    if (el.type !== 'paragraph' && el.children) for (let k = el.children.length - 1; k >= 0; k--) stack.push(el.children[k]!);
  }
  return undefined;
}

/**
 * Puts each paragraph's index (0-based, in document order, table cells' paragraphs included) in front of its
 * first text. A paragraph without text gets no mark (mammoth leaves it out of the HTML anyway).
 */
function markParagraphs(document: WordElement): WordElement {
  let index = 0;
  const stack: WordElement[] = [document];
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (el.type === 'paragraph') {
      const text = firstText(el);
      if (text) text.value = `${OPEN}${index}${CLOSE}${text.value}`;
      index++;
    }
    if (el.children) for (let k = el.children.length - 1; k >= 0; k--) stack.push(el.children[k]!);
  }
  return document;
}

type MammothInput = Parameters<typeof mammoth.convertToHtml>[0];

/** The document's HTML; mammoth's own error when it finds no document in the parts. */
export async function wordHtml(files: readonly StoredFile[]): Promise<string> {
  const zip = storedZip(files);
  // Node's mammoth takes `buffer` (JSZip reads a Uint8Array), the browser build `arrayBuffer`.
  const arrayBuffer = zip.buffer.slice(zip.byteOffset, zip.byteOffset + zip.byteLength);
  const input = { buffer: zip, arrayBuffer } as unknown as MammothInput;
  const result = await mammoth.convertToHtml(input, {
    transformDocument: markParagraphs,
    // Images are not text: their bytes are never read (and were not unpacked).
    convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
  });
  return result.value;
}
