/**
 * Which fixes "fix all" applies, the same in the editor (source.fixAll.referat) and the CLI (`--fix`): the
 * first safe fix of each finding (one that cannot change what the document means), leaving out a fix whose
 * edits overlap one already taken (a next pass takes it, against the text as it then is).
 */
import type { Finding, Range, TextEdit } from './model';

const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character < b.character);

/** Ranges that touch count as overlapping: two inserts at one place would fight too. */
export const overlaps = (a: Range, b: Range) => !(before(a.end, b.start) || before(b.end, a.start));

export function safeEdits(findings: readonly Finding[]): { edits: TextEdit[]; fixes: number } {
  const edits: TextEdit[] = [];
  let fixes = 0;
  for (const f of findings) {
    for (const fix of f.fixes ?? []) {
      if (!fix.safe) continue;
      if (fix.edits.some((e) => edits.some((x) => overlaps(x.range, e.range)))) continue;
      edits.push(...fix.edits);
      fixes++;
      break;
    }
  }
  return { edits, fixes };
}
