/**
 * A stable fingerprint of a finding: the same problem in the same document keeps it when
 * lines are added or removed elsewhere, so that code scanning (SARIF partialFingerprints)
 * tracks an alert across commits and an ignore entry in .referat.json (core/ignore.ts)
 * keeps matching.
 *
 * It is a hash of the rule code, the item the finding stands in (number and title), the
 * text the finding marks, and how many equal findings come before it. Any CPR number in
 * that text is replaced first (core/redact.ts): a fingerprint of a CPR number could be
 * reversed by trying the few million valid numbers, so it is never derived from one.
 */
import { createHash } from 'node:crypto';
import type { Finding, Range } from '../core/model';
import { redactCpr } from '../core/redact';
import type { LineIndex } from '../core/text/lines';

/** The version of the recipe, part of the SARIF key: a new recipe is a new key, never a silent change. */
export const FINGERPRINT_KEY = 'referatFinding/v1';

/** How much of the marked text goes into the hash: enough to tell findings apart. */
const MAX_TEXT = 200;

/**
 * What a fingerprint is made of: the document's items and CPR numbers (a MinutesDocument
 * or an IndexedMeeting), and its lines when at hand. Without the lines (findings between
 * agenda and minutes, made from the index) the message stands for the marked text.
 */
export interface FingerprintContext {
  items: readonly { number: number; title: string; range: Range }[];
  personalNumbers: readonly { text: string }[];
  lines?: LineIndex;
}

/** `findings` with `fingerprint` set, in the same order. */
export function withFingerprints(findings: readonly Finding[], doc: FingerprintContext): Finding[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const item = doc.items.find((it) => f.range.start.line >= it.range.start.line && f.range.start.line <= it.range.end.line);
    const where = item ? `${item.number} ${item.title}` : '';
    const marked = doc.lines ? markedText(doc.lines, f.range) : f.message.da;
    const base = [f.code, redactCpr(where, doc.personalNumbers), redactCpr(marked, doc.personalNumbers)].join('\u0000');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return { ...f, fingerprint: hash(`${base}\u0000${n}`) };
  });
}

function markedText(lines: LineIndex, range: Range): string {
  const parts: string[] = [];
  for (let l = range.start.line; l <= range.end.line && l < lines.lineCount; l++) {
    const raw = lines.line(l).raw;
    const from = l === range.start.line ? range.start.character : 0;
    const to = l === range.end.line ? range.end.character : raw.length;
    parts.push(raw.slice(from, to));
    if (parts.join(' ').length > MAX_TEXT) break;
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);
}

function hash(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 32);
}
