/**
 * A PDF cut short (an interrupted download) has lost its end: the cross-reference table and the trailer that
 * names the document's catalog. pdf.js rebuilds a lost cross-reference table by scanning the objects, but it
 * still needs a trailer. When the catalog itself came before the cut (as in a linearized, "fast web view" PDF,
 * or one whose writer puts the catalog first), a trailer naming it is all that is missing: this adds one, so
 * the pages whose objects are whole can be read.
 */

/** `N G obj << … /Type /Catalog …`: the catalog object's number and generation. */
const CATALOG = /(\d+)\s+(\d+)\s+obj\s*<<(?:(?!endobj)[\s\S]){0,4000}?\/Type\s*\/Catalog\b/g;

/** The bytes with a trailer naming their last whole catalog, or undefined when they hold none. */
export function withTrailer(bytes: Uint8Array): Uint8Array | undefined {
  // Latin-1 keeps one character a byte, so positions in the text are positions in the file.
  const text = new TextDecoder('latin1').decode(bytes);
  let root: string | undefined;
  for (const m of text.matchAll(CATALOG)) root = `${m[1]} ${m[2]} R`;
  if (!root) return undefined;
  const trailer = new TextEncoder().encode(`\ntrailer\n<< /Root ${root} >>\n%%EOF\n`);
  const out = new Uint8Array(bytes.length + trailer.length);
  out.set(bytes);
  out.set(trailer, bytes.length);
  return out;
}
