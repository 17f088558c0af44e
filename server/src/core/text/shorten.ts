/** Text quoted in a message: its spaces and line breaks folded to one space, and cut with "…" when longer than `max`. */
export function shorten(text: string, max: number): string {
  const s = text.replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
