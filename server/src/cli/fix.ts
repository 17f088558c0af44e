/**
 * `referat check --fix`: the safe fixes only (those marked `safe`, which cannot change what
 * the document means: a weekday that does not match its date, item numbers out of
 * sequence), chosen as the editor's "fix all" (source.fixAll.referat) chooses them.
 */
import type { TextEdit } from '../core/model';
import type { LineIndex } from '../core/text/lines';

/** Passes of fix → re-check at most; a fix that makes room for another is taken on the next pass. */
export const MAX_FIX_PASSES = 10;

export { safeEdits } from '../core/fixes';

/** `text` with non-overlapping edits applied (LSP positions, as `lines` reads them). */
export function applyEdits(text: string, lines: LineIndex, edits: readonly TextEdit[]): string {
  const at = edits.map((e) => ({ from: lines.offsetAt(e.range.start), to: lines.offsetAt(e.range.end), newText: e.newText }));
  at.sort((a, b) => a.from - b.from || a.to - b.to);
  const parts: string[] = [];
  let done = 0;
  for (const e of at) {
    parts.push(text.slice(done, e.from), e.newText);
    done = e.to;
  }
  parts.push(text.slice(done));
  return parts.join('');
}
