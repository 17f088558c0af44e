/**
 * Fenced code blocks are not the document. A Markdown page that shows an example of
 * minutes in a ``` block (this repository's rule pages, a README) is documentation, not
 * minutes: the lines of a closed fenced block (``` or ~~~, three or more) are blanked
 * before parsing, so nothing in them is read as an item, a header or a table, and no
 * finding can stand on them. Only the lines' content goes: the line count and every
 * position outside the blocks stay as they were.
 *
 * Plain-text minutes do not contain fence lines; an unclosed fence is not taken as one,
 * so a stray ``` in a text file blanks nothing.
 */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export function blankFencedCodeBlocks(text: string): string {
  if (!text.includes('```') && !text.includes('~~~')) return text;
  const parts = text.split(/(\r\n|\r|\n)/);
  // parts: line, terminator, line, terminator, …
  let open: { marker: string; at: number } | null = null;
  const blank: [number, number][] = [];
  for (let k = 0; k < parts.length; k += 2) {
    const m = FENCE.exec(parts[k]);
    if (!open) {
      if (m && !(m[1][0] === '`' && parts[k].slice(m[0].length).includes('`'))) open = { marker: m[1], at: k };
    } else if (m && m[1][0] === open.marker[0] && m[1].length >= open.marker.length && parts[k].trim() === m[1]) {
      blank.push([open.at, k]);
      open = null;
    }
  }
  if (blank.length === 0) return text;
  for (const [from, to] of blank) for (let k = from; k <= to; k += 2) parts[k] = '';
  return parts.join('');
}
