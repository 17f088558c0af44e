/**
 * Every match of a global pattern in a text, what `[...text.matchAll(pattern)]` gives, without the copy of the
 * pattern that matchAll makes on each call (a new RegExp object for every line the text rules read, about twice
 * the time of the search itself on a line). The pattern's lastIndex is 0 before and after.
 */
export function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    out.push(m);
    // An empty match moves on by one character, as matchAll does (by a code point in a Unicode pattern).
    if (m[0] === '') pattern.lastIndex = nextIndex(text, pattern.lastIndex, pattern.unicode);
  }
  return out;
}

function nextIndex(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const code = text.charCodeAt(index);
  const next = text.charCodeAt(index + 1);
  return code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? index + 2 : index + 1;
}
