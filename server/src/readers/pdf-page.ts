/**
 * One PDF page as lines: pdf.js's text items placed on the page (PDF points from the top left, whatever the
 * page's rotation), then read by the structure tree when the page is tagged (pdf-structure.ts), else by
 * position (pdf-lines.ts: baselines, gaps as cell breaks; pdf-columns.ts: table rows in columns;
 * pdf-paragraphs.ts: a paragraph's wrapped lines joined). Each line
 * belongs to a block: a tagged element, or for an untagged page the lines between two wider vertical gaps.
 */
import type { PDFPageProxy } from 'pdfjs-dist';
import type { PdfLib } from './pdf-load';
import { alignTables, ROW_STEP } from './pdf-columns';
import { rejoinCentredLabels } from './pdf-centred';
import { joinHeaderBands } from './pdf-header-band';
import { bodySize, joinWrappedHeadings } from './pdf-headings';
import { joinParagraphLines } from './pdf-paragraphs';
import { rowsOfBlocks } from './pdf-rows';
import { bottomOf, groupLines, type PdfLine, type PdfPiece } from './pdf-lines';
import { piecesByContent, structureLines, type BlockLine, type MarkedItem, type StructNode } from './pdf-structure';

/** A vertical gap wider than this (times the font size) between two lines ends a block (a paragraph break). */
const BLOCK_GAP = 1.6;

export interface ReadPage {
  page: number;
  height: number;
  lines: BlockLine[];
  tagged: boolean;
}

interface TextItemLike {
  str?: string;
  transform?: number[];
  width?: number;
  type?: string;
  id?: string | null;
  tag?: string;
}

export async function readPage(lib: PdfLib, proxy: PDFPageProxy, page: number, nextBlock: () => number): Promise<ReadPage> {
  const viewport = proxy.getViewport({ scale: 1 });
  const content = await proxy.getTextContent({ includeMarkedContent: true });
  const items: MarkedItem[] = (content.items as TextItemLike[]).map((item) => {
    if (item.type) return { type: item.type, id: item.id ?? null, tag: item.tag };
    return { piece: placed(lib, viewport.transform, item) };
  });
  const tree = await proxy.getStructTree().catch(() => null);
  const tagged = tree !== null && (tree as StructNode).children !== undefined && (tree as StructNode).children!.length > 0;
  const height = viewport.height;
  if (!tagged) {
    const pieces = items.flatMap((i) => (i.piece ? [i.piece] : []));
    const lines = joinHeaderBands(alignTables(rejoinCentredLabels(groupLines(pieces, page))));
    const paragraphs = joinParagraphLines(joinWrappedHeadings(lines), bodySize(lines));
    return { page, height, lines: blocksByGaps(paragraphs, nextBlock), tagged };
  }
  const { byId, loose } = piecesByContent(items);
  const read = structureLines(tree as StructNode, byId, page, nextBlock);
  const outside = blocksByGaps(alignTables(groupLines([...loose, ...read.unreferenced], page)), nextBlock);
  return { page, height, lines: mergeByHeight(rowsOfBlocks(read.lines), outside), tagged };
}

/** A text item where the page shows it; a piece of vertical or rotated text has width 0 across the line. */
function placed(lib: PdfLib, view: number[], item: TextItemLike): PdfPiece | undefined {
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = lib.Util.transform(view, item.transform ?? [1, 0, 0, 1, 0, 0]) as number[];
  const size = Math.hypot(c, d) || Math.hypot(a, b);
  // Text running other than left to right (a rotated stamp, a vertical margin note) is not a line of the body.
  if (Math.abs(b) > 0.1 * Math.abs(a) || a <= 0) return undefined;
  return { text: item.str ?? '', x: e, y: f, width: (item.width ?? 0) * (Math.abs(view[0]!) || Math.abs(view[1]!) || 1), size };
}

/** Untagged lines in blocks: a new block after a vertical gap wider than a line's spacing. */
function blocksByGaps(lines: readonly PdfLine[], nextBlock: () => number): BlockLine[] {
  const out: BlockLine[] = [];
  let block = -1;
  let previous: PdfLine | undefined;
  for (const line of lines) {
    const step = previous ? line.y - bottomOf(previous) : 0;
    // Rows of one table stay one block however tall a row is.
    const rows = previous !== undefined && line.cells.length > 1 && previous.cells.length > 1;
    const gap = (rows ? ROW_STEP : BLOCK_GAP) * Math.max(line.size, previous?.size ?? 0);
    if (!previous || step > gap) block = nextBlock();
    out.push({ line, block, byPosition: true });
    previous = line;
  }
  return out;
}

/** Lines read outside the structure tree put among the tagged ones by their height on the page. */
function mergeByHeight(tagged: BlockLine[], outside: BlockLine[]): BlockLine[] {
  if (outside.length === 0) return tagged;
  const out = [...tagged];
  for (const extra of outside) {
    const at = out.findIndex((l) => l.line.y > extra.line.y);
    out.splice(at < 0 ? out.length : at, 0, extra);
  }
  return out;
}
