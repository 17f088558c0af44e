/**
 * A tagged page read by its structure tree (pdf.js `getStructTree` and the marked content of
 * `getTextContent({ includeMarkedContent: true })`): each block element (a paragraph, a heading, a list item,
 * a caption …) one line, its wrapped lines joined with a space; each table row (TR) one line of its cells
 * (TD, TH) separated by tabs, a wrapped cell joined with a space, the cells a PDF leaves out for empty table
 * cells put back by the columns they stand in (pdf-columns.ts). Artifacts (what the producer marked as page
 * furniture) are left out; text outside the tree is read by its position.
 */
import { alignRun } from './pdf-columns';
import { groupLines, type PdfCell, type PdfLine, type PdfPiece } from './pdf-lines';

/** A node of pdf.js's structure tree, or a reference to marked content (`type: 'content'`) or an object. */
export interface StructNode {
  role?: string;
  type?: string;
  id?: string;
  children?: StructNode[];
}

/** What pdf.js's text content gives: text items, and the start and end of marked content. */
export interface MarkedItem {
  type?: string;
  id?: string | null;
  tag?: string;
  piece?: PdfPiece;
}

/** A tagged line: a line of the page, and the block (element) it belongs to. */
export interface BlockLine {
  line: PdfLine;
  block: number;
  /** Laid out from the text's positions (an untagged page, or text outside the structure tree): its cells are a guess. */
  byPosition?: boolean;
}

/** Roles that only group blocks: walked into, never read as one block. */
const GROUPING = new Set([
  'Root', 'StructTreeRoot', 'Document', 'DocumentFragment', 'Part', 'Art', 'Sect', 'Div', 'NonStruct', 'Private',
  'L', 'TOC', 'Index', 'Aside', 'Form', 'THead', 'TBody', 'TFoot', 'Figure',
]);
const TABLE = 'Table';
const ROW = 'TR';
const CELLS = new Set(['TD', 'TH']);

/** The pieces of each marked content id, and the pieces outside any (artifacts left out). */
export function piecesByContent(items: readonly MarkedItem[]): { byId: Map<string, PdfPiece[]>; loose: PdfPiece[] } {
  const byId = new Map<string, PdfPiece[]>();
  const loose: PdfPiece[] = [];
  const stack: { id: string | null; artifact: boolean }[] = [];
  for (const item of items) {
    if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') {
      const outer = stack[stack.length - 1];
      stack.push({ id: item.id ?? outer?.id ?? null, artifact: item.tag === 'Artifact' || (outer?.artifact ?? false) });
    } else if (item.type === 'endMarkedContent') {
      stack.pop();
    } else if (item.piece) {
      const open = stack[stack.length - 1];
      if (open?.artifact) continue;
      if (open?.id) {
        const list = byId.get(open.id) ?? [];
        list.push(item.piece);
        byId.set(open.id, list);
      } else loose.push(item.piece);
    }
  }
  return { byId, loose };
}

/** The lines of a tagged page in the order of its structure tree; `nextBlock` numbers the blocks across pages. */
export function structureLines(
  root: StructNode,
  byId: Map<string, PdfPiece[]>,
  page: number,
  nextBlock: () => number,
): { lines: BlockLine[]; unreferenced: PdfPiece[] } {
  const out: BlockLine[] = [];
  const used = new Set<string>();
  const contentOf = (node: StructNode): PdfPiece[] => {
    if (node.type === 'content' && node.id) {
      used.add(node.id);
      return byId.get(node.id) ?? [];
    }
    return (node.children ?? []).flatMap(contentOf);
  };
  const block = (pieces: PdfPiece[]) => {
    const lines = paragraph(groupLines(pieces, page));
    if (lines.length === 0) return;
    const id = nextBlock();
    for (const line of lines) out.push({ line, block: id });
  };
  const walk = (node: StructNode): void => {
    if (node.type === 'content') return block(contentOf(node));
    if (node.type === 'object') return;
    if (node.role === TABLE) {
      const id = nextBlock();
      for (const line of tableLines(node, contentOf, page)) out.push({ line, block: id });
      return;
    }
    if (node.role === undefined || GROUPING.has(node.role) || node.role === ROW || CELLS.has(node.role)) {
      for (const child of node.children ?? []) walk(child);
      return;
    }
    block(contentOf(node));
  };
  walk(root);
  const unreferenced = [...byId].filter(([id]) => !used.has(id)).flatMap(([, pieces]) => pieces);
  return { lines: out, unreferenced };
}

/** A block's lines as one paragraph line when none of them has cells; as they stand otherwise. */
function paragraph(lines: PdfLine[]): PdfLine[] {
  if (lines.length <= 1 || lines.some((l) => l.cells.length > 1)) return lines;
  const text = lines.map((l) => l.cells[0]!.text).join(' ');
  const cell: PdfCell = { text, left: Math.min(...lines.map((l) => l.cells[0]!.left)), right: Math.max(...lines.map((l) => l.cells[0]!.right)) };
  return [{ ...lines[0]!, cells: [cell] }];
}

/** A table's rows, one line each, cells in their columns. */
function tableLines(table: StructNode, contentOf: (node: StructNode) => PdfPiece[], page: number): PdfLine[] {
  const rows: PdfLine[] = [];
  const walk = (node: StructNode): void => {
    if (node.role === ROW) {
      const row = rowLine(node, contentOf, page);
      if (row) rows.push(row);
      return;
    }
    if (node.role === TABLE && node !== table) {
      rows.push(...tableLines(node, contentOf, page));
      return;
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(table);
  return rows.length > 1 ? alignRun(rows) : rows;
}

function rowLine(row: StructNode, contentOf: (node: StructNode) => PdfPiece[], page: number): PdfLine | undefined {
  const cellNodes = (row.children ?? []).filter((c) => c.role !== undefined && CELLS.has(c.role));
  const cells: { cell: PdfCell; line: PdfLine }[] = [];
  for (const node of cellNodes.length > 0 ? cellNodes : [row]) {
    const lines = groupLines(contentOf(node), page);
    if (lines.length === 0) continue;
    const pieces = lines.flatMap((l) => l.cells);
    const cell = { text: pieces.map((c) => c.text).join(' '), left: Math.min(...pieces.map((c) => c.left)), right: Math.max(...pieces.map((c) => c.right)) };
    cells.push({ cell, line: lines[0]! });
  }
  if (cells.length === 0) return undefined;
  return { page, y: Math.min(...cells.map((c) => c.line.y)), size: Math.max(...cells.map((c) => c.line.size)), cells: cells.map((c) => c.cell) };
}
