/**
 * No CPR number leaves Referat through its own output. A message, a hover, an overview,
 * a log line or a report that quotes the text (an item title, a cell, a changed
 * recommendation) could carry one; these helpers replace it with "[CPR-nummer]" before
 * the text goes out. The first six digits are a birth date, so none of the digits stay.
 *
 * Two nets: the numbers the parser found in the document (model.personalNumbers, any
 * form), and, for text whose document is not at hand (CLI formats, LSP diagnostics), any
 * "DDMMYY-XXXX" whose first six digits are a real date. Over-redacting a phone number in
 * a message costs little; publishing a CPR number cannot be undone.
 */
import type { Finding } from './model';
import { birthDateOf } from './parse/cpr';

export const CPR_PLACEHOLDER = '[CPR-nummer]';

/** A hyphenated CPR-like number not inside a longer number. */
const HYPHENATED = /(?<![\p{N}])(\d\d)(\d\d)(\d\d)[-–‑](\d)\d{3}(?![\p{N}])/gu;

/** `text` with the given numbers (as written anywhere: with or without separator) and hyphenated CPR-like numbers replaced. */
export function redactCpr(text: string, known: readonly { text: string }[] = []): string {
  if (!/\d{6}/.test(text)) return text;
  let out = text;
  for (const n of known) {
    const digits = n.text.replace(/\D/g, '');
    if (digits.length !== 10) continue;
    const any = new RegExp(`(?<!\\d)${digits.slice(0, 6)}[-–‑ ]?${digits.slice(6)}(?!\\d)`, 'g');
    out = out.replace(any, CPR_PLACEHOLDER);
  }
  return out.replace(HYPHENATED, (whole, dd, mm, yy, seventh) =>
    birthDateOf(Number(dd), Number(mm), Number(yy), Number(seventh)) ? CPR_PLACEHOLDER : whole,
  );
}

const redactPair = (m: { da: string; en: string }, known: readonly { text: string }[]) => ({ da: redactCpr(m.da, known), en: redactCpr(m.en, known) });

/**
 * A finding whose message, related messages and fix titles carry no CPR number. Fix edits
 * are left as they are: they write into the document itself, never into a report.
 */
export function redactFinding(f: Finding, known: readonly { text: string }[] = []): Finding {
  const out: Finding = { ...f, message: redactPair(f.message, known) };
  if (f.related) out.related = f.related.map((r) => ({ ...r, message: redactPair(r.message, known) }));
  if (f.fixes) out.fixes = f.fixes.map((x) => ({ ...x, title: redactPair(x.title, known) }));
  return out;
}
