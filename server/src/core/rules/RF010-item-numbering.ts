import type { Fix, Item, TextEdit } from '../model';
import { ruleMessages, type Rule, type RuleFinding } from './rule';

const { messages, message, report } = ruleMessages({
  repeated: {
    da: 'Punkt {number} forekommer to gange: punktet efter Punkt {previous} skulle have nummer {expected}.',
    en: 'Item number {number} occurs twice: the item after item {previous} should be number {expected}.',
  },
  outOfOrder: {
    da: 'Punkt {number} står efter Punkt {previous}: punkterne står ikke i nummerorden.',
    en: 'Item {number} comes after item {previous}: the items are not in numerical order.',
  },
  gap: {
    da: 'Nummereringen springer fra Punkt {previous} til Punkt {number}: {missing} mangler.',
    en: 'The numbering jumps from item {previous} to item {number}: {missing} missing.',
  },
  missingOne: { da: 'Punkt {first}', en: 'item {first} is' },
  missingRange: { da: 'Punkt {first}–{last}', en: 'items {first}–{last} are' },
  previous: { da: 'Punkt {number}', en: 'Item {number}' },
  renumber: { da: 'Omnummerér punkterne fra {first} til {last}', en: 'Renumber the items from {first} to {last}' },
});

/**
 * RF010: Punkt numbers that do not run consecutively: a gap, a repeat, or a number
 * lower than the one before. Numbering may start above 1 (councils that number their
 * items through the year: 715, 716, …). One finding per break, on the item number.
 * A gap whose numbers occur elsewhere in the document is an order problem, reported
 * once where the order breaks. The fix renumbers every item from the start that
 * keeps the most numbers as they are.
 */
export const itemNumbering: Rule = {
  code: 'RF010',
  name: 'item-numbering',
  defaultSeverity: 'warning',
  tags: ['structure'],
  fixable: true,
  readsStructure: true,
  description: {
    da: 'Punkternes numre springer over, gentages eller står i forkert rækkefølge.',
    en: 'Item numbers have a gap, a repeat or are out of order.',
  },
  messages,
  check({ model }) {
    const items = model.items;
    if (!model.kind || items.length < 2) return [];
    const present = new Set(items.map((i) => i.number));
    const out: RuleFinding[] = [];
    let fix: Fix[] | undefined;
    const fixes = () => (fix ??= renumberFix(items));
    // The closed items of a meeting may be numbered apart, from 1 again (InferredTemplate.numbering.restarts).
    const restarts = new Set(model.template?.numbering?.restarts ?? []);
    for (let k = 1; k < items.length; k++) {
      if (restarts.has(k)) continue;
      const prev = items[k - 1];
      const item = items[k];
      const n = item.number;
      const p = prev.number;
      if (n === p + 1) continue;
      const related = [{ range: prev.numberRange, message: message('previous', { number: p }) }];
      const at = { range: item.numberRange, related, fixes: fixes() };
      if (n === p) {
        out.push(report({ messageId: 'repeated', data: { number: n, previous: p, expected: p + 1 }, ...at }));
      } else if (n < p) {
        out.push(report({ messageId: 'outOfOrder', data: { number: n, previous: p }, ...at }));
      } else {
        const missing = missingBetween(p, n, present);
        if (missing === null) continue; // the numbers in between are elsewhere: an order problem, reported there
        out.push(report({ messageId: 'gap', data: { previous: p, number: n, missing }, ...at }));
      }
    }
    return out;
  },
};

/** The numbers strictly between p and n that occur nowhere, as words; null when every one occurs. */
function missingBetween(p: number, n: number, present: Set<number>): ReturnType<typeof message> | null {
  const span = n - p - 1;
  let first = -1;
  let last = -1;
  let count = 0;
  if (span > present.size) {
    // More numbers than items: some are missing for certain; name the whole range.
    first = p + 1;
    last = n - 1;
    count = 2;
  } else {
    for (let m = p + 1; m < n; m++) {
      if (present.has(m)) continue;
      if (first < 0) first = m;
      last = m;
      count++;
    }
  }
  if (count === 0) return null;
  if (first === last) return message('missingOne', { first });
  return message('missingRange', { first, last });
}

/** Renumber from the start that keeps the most numbers (ties: the lowest start). */
function renumberFix(items: readonly Item[]): Fix[] {
  const votes = new Map<number, number>();
  let start = items[0].number;
  let best = 0;
  items.forEach((item, k) => {
    const s = item.number - k;
    const v = (votes.get(s) ?? 0) + 1;
    votes.set(s, v);
    if (s >= 0 && (v > best || (v === best && s < start))) {
      best = v;
      start = s;
    }
  });
  if (start < 1) start = 1;
  const edits: TextEdit[] = [];
  items.forEach((item, k) => {
    if (item.number !== start + k) edits.push({ range: item.numberRange, newText: String(start + k) });
  });
  if (edits.length === 0) return [];
  return [
    {
      title: message('renumber', { first: start, last: start + items.length - 1 }),
      edits,
      safe: true,
    },
  ];
}
