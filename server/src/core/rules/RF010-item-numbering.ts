import type { Fix, Item, TextEdit } from '../model';
import type { Rule, RuleFinding } from './rule';

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
  description: {
    da: 'Punkternes numre springer over, gentages eller står i forkert rækkefølge.',
    en: 'Item numbers have a gap, a repeat or are out of order.',
  },
  check({ model }) {
    const items = model.items;
    if (!model.kind || items.length < 2) return [];
    const present = new Set(items.map((i) => i.number));
    const out: RuleFinding[] = [];
    let fix: Fix[] | undefined;
    const fixes = () => (fix ??= renumberFix(items));
    for (let k = 1; k < items.length; k++) {
      const prev = items[k - 1];
      const item = items[k];
      const n = item.number;
      const p = prev.number;
      if (n === p + 1) continue;
      const related = [{ range: prev.numberRange, message: { da: `Punkt ${p}`, en: `Item ${p}` } }];
      if (n === p) {
        out.push({
          range: item.numberRange,
          message: {
            da: `Punkt ${n} forekommer to gange: punktet efter Punkt ${p} skulle have nummer ${p + 1}.`,
            en: `Item number ${n} occurs twice: the item after item ${p} should be number ${p + 1}.`,
          },
          related,
          fixes: fixes(),
        });
      } else if (n < p) {
        out.push({
          range: item.numberRange,
          message: {
            da: `Punkt ${n} står efter Punkt ${p}: punkterne står ikke i nummerorden.`,
            en: `Item ${n} comes after item ${p}: the items are not in numerical order.`,
          },
          related,
          fixes: fixes(),
        });
      } else {
        const missing = missingBetween(p, n, present);
        if (missing === null) continue; // the numbers in between are elsewhere: an order problem, reported there
        out.push({
          range: item.numberRange,
          message: {
            da: `Nummereringen springer fra Punkt ${p} til Punkt ${n}: ${missing.da} mangler.`,
            en: `The numbering jumps from item ${p} to item ${n}: ${missing.en} missing.`,
          },
          related,
          fixes: fixes(),
        });
      }
    }
    return out;
  },
};

/** The numbers strictly between p and n that occur nowhere, as words; null when every one occurs. */
function missingBetween(p: number, n: number, present: Set<number>): { da: string; en: string } | null {
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
  if (first === last) return { da: `Punkt ${first}`, en: `item ${first} is` };
  return { da: `Punkt ${first}–${last}`, en: `items ${first}–${last} are` };
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
      title: { da: `Omnummerér punkterne fra ${start} til ${start + items.length - 1}`, en: `Renumber the items from ${start} to ${start + items.length - 1}` },
      edits,
      safe: true,
    },
  ];
}
