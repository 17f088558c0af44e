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
  const itemAt = itemFinder(doc.items);
  return findings.map((f) => {
    const item = itemAt(f.range.start.line);
    const where = item ? `${item.number} ${item.title}` : '';
    const marked = doc.lines ? markedText(doc.lines, f.range) : f.message.da;
    const base = [f.code, redactCpr(where, doc.personalNumbers), redactCpr(marked, doc.personalNumbers)].join('\u0000');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return { ...f, fingerprint: hash(`${base}\u0000${n}`) };
  });
}

/**
 * A function giving the first item whose lines hold a line, as items.find would. Items in document
 * order that do not overlap (as the parser makes them) are found by binary search: a 20 MB document
 * has thousands of items and of findings, and a linear search per finding made that quadratic.
 */
function itemFinder<T extends { range: Range }>(items: readonly T[]): (line: number) => T | undefined {
  const holds = (it: T, line: number) => line >= it.range.start.line && line <= it.range.end.line;
  const ordered = items.every((it, k) => k === 0 || items[k - 1].range.end.line < it.range.start.line);
  if (!ordered) return (line) => items.find((it) => holds(it, line));
  return (line) => {
    // The last item starting at or before the line: the only one that can hold it.
    let lo = 0;
    let hi = items.length - 1;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (items[mid].range.start.line <= line) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return at >= 0 && holds(items[at], line) ? items[at] : undefined;
  };
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
