/**
 * The little the HTML reader needs of parse5's tree: element tests, attributes, and where an element starts
 * in the page (0-based line and column, as the text reader's lines and LSP positions are).
 */
import type { DefaultTreeAdapterTypes } from 'parse5';
import type { SourcePlace } from './reader';

export type Node = DefaultTreeAdapterTypes.Node;
export type Element = DefaultTreeAdapterTypes.Element;
export type TextNode = DefaultTreeAdapterTypes.TextNode;
export type ParentNode = DefaultTreeAdapterTypes.ParentNode;

export function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

export function isText(node: Node): node is TextNode {
  return node.nodeName === '#text';
}

export function childrenOf(node: Node): readonly Node[] {
  return 'childNodes' in node ? node.childNodes : [];
}

export function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

/** An integer attribute (colspan, start), or the fallback when absent or not a number. */
export function intAttr(el: Element, name: string, fallback: number): number {
  const n = Number.parseInt(attr(el, name) ?? '', 10);
  return Number.isFinite(n) ? n : fallback;
}

/** Where the element's start tag begins: 0-based line and column (parse5 counts from 1). */
export function placeOf(node: Node): SourcePlace | undefined {
  const loc = (node as { sourceCodeLocation?: { startLine: number; startCol: number } | null }).sourceCodeLocation;
  return loc ? { line: loc.startLine - 1, column: loc.startCol - 1 } : undefined;
}

/** Whether some element below `root` passes the test (an explicit stack: a hostile page may nest deeply). */
export function hasDescendant(root: Node, test: (el: Element) => boolean, prune?: (el: Element) => boolean): boolean {
  const stack: Node[] = [];
  for (const child of childrenOf(root)) stack.push(child);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    if (test(node)) return true;
    if (!prune?.(node)) for (const child of childrenOf(node)) stack.push(child);
  }
  return false;
}
