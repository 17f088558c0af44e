/** Small text helpers the rule tests share: ranges, the text under a range, applying edits. */
import * as assert from 'node:assert/strict';
import type { Range, TextEdit } from '../../../server/src/core/model';
import { LineIndex } from '../../../server/src/core/text/lines';

/** A range on one line, [from, to). */
export const range = (line: number, from: number, to: number): Range => ({ start: { line, character: from }, end: { line, character: to } });

/** The text a one-line range covers. */
export const textAt = (text: string, r: Range): string => new LineIndex(text).line(r.start.line).raw.slice(r.start.character, r.end.character);

/** Applies non-overlapping edits, last first, as an editor does. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = new LineIndex(text);
  const sorted = [...edits].sort((a, b) => lines.offsetAt(b.range.start) - lines.offsetAt(a.range.start));
  for (const e of sorted) text = text.slice(0, lines.offsetAt(e.range.start)) + e.newText + text.slice(lines.offsetAt(e.range.end));
  return text;
}

/**
 * A finding reported with this message id and (at least) this placeholder data: what a rule
 * test asserts instead of the prose, which the catalogue owns (test/unit/messages.test.ts).
 */
export function assertReported(
  f: { messageId?: string; messageData?: Record<string, unknown> } | undefined,
  messageId: string,
  data: Record<string, unknown> = {},
): void {
  assert.ok(f, `a finding reported as ${messageId}`);
  assert.equal(f.messageId, messageId);
  for (const [key, value] of Object.entries(data)) assert.deepEqual(f.messageData?.[key], value, `${messageId}: ${key}`);
}
