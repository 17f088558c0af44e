/**
 * Page furniture: running headers and footers, page numbers and print marks (`1 of 5`, `Side 2 af 7`). A line
 * in a page's top or bottom margin band is furniture when the same text, digits aside, stands at about the same
 * height on most pages; a line there that is nothing but a page number or mark is furniture on any page (a
 * one-page file has no recurrence to go by). Lines elsewhere are never furniture: the body is kept whole.
 */
import { lineText, type PdfLine } from './pdf-lines';

/** The margin bands: this share of the page's height at the top and at the bottom. */
const BAND = 0.2;
/** The same furniture stands within this many points of the same height on each page. */
const SAME_HEIGHT = 4;

/** A page number or print mark by itself: `Side 3`, `Page 3`, `3 af 7`, `1 of 5`, `3/7`, `- 3 -` (a bare number only recurs). */
const PAGE_MARK = /^(?:(?:side|page)\s*\d{1,4}(?:\s*(?:af|of|\/)\s*\d{1,4})?|\d{1,4}\s*(?:af|of|\/)\s*\d{1,4}|[-–]\s*\d{1,4}\s*[-–])$/i;

/** The key of a line's text with its digits folded (the page number changes from page to page). */
const folded = (line: PdfLine) => lineText(line).replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();

export interface PageLines {
  page: number;
  height: number;
  lines: PdfLine[];
}

/** The lines that are furniture (by identity), given every page read. */
export function furnitureOf(pages: readonly PageLines[]): Set<PdfLine> {
  const inBand = (line: PdfLine, height: number) => line.y < BAND * height || line.y > (1 - BAND) * height;
  const seen = new Map<string, { page: number; y: number }[]>();
  for (const { page, height, lines } of pages) {
    for (const line of lines) {
      if (!inBand(line, height)) continue;
      const key = folded(line);
      const places = seen.get(key) ?? [];
      places.push({ page, y: line.y });
      seen.set(key, places);
    }
  }
  // "Most pages": at least half of them, and at least two.
  const needed = Math.max(2, Math.ceil(pages.length / 2));
  const furniture = new Set<PdfLine>();
  for (const { height, lines } of pages) {
    for (const line of lines) {
      if (!inBand(line, height)) continue;
      if (PAGE_MARK.test(lineText(line).replace(/\t/g, ' ').trim())) {
        furniture.add(line);
        continue;
      }
      const samePlace = new Set((seen.get(folded(line)) ?? []).filter((p) => Math.abs(p.y - line.y) <= SAME_HEIGHT).map((p) => p.page));
      if (samePlace.size >= needed) furniture.add(line);
    }
  }
  return furniture;
}
