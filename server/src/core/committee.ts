/**
 * Names of political bodies (committees, the council) compared as clerks write them:
 * "Erhvervs- og Beskæftigelsesudvalget", "Erhvervs- og beskæftigelsesudvalget" and
 * "Erhvervs-og Beskæftigelsesudvalget" are one committee. Used by RF211 (who decides)
 * and by the cross-document links (crossdoc.ts).
 */

/** A committee name folded for comparison: case, spaces, dashes, emphasis and trailing punctuation left out. */
export function committeeKey(name: string): string {
  let s = name;
  if (/[\u0300-\u036f]/.test(s)) s = s.normalize('NFC');
  return s
    .toLowerCase()
    .replace(/[*_]+/g, ' ')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    // "Erhvervs-og", "Erhvervs -og", "Erhvervs - og" → "erhvervs- og"
    .replace(/\s?-\s?(og|eller|samt)\s/g, '- $1 ')
    .replace(/[\s.:;,]+$/, '')
    .trim();
}

/** Words that name "the committee" without saying which: no comparison can be made. */
const GENERIC = new Set(['udvalget', 'udvalg', 'fagudvalget', 'fagudvalg', 'det stående udvalg', 'stående udvalg', 'det politiske udvalg']);

/** True when the name says nothing about which body it is ("Udvalget"). */
export function isGenericBody(name: string): boolean {
  return GENERIC.has(committeeKey(name));
}

/**
 * True when `text` (a "Beslutningen træffes af" line, a heading) names the committee `key`
 * (a committeeKey), alone or among other bodies.
 */
export function namesCommittee(text: string, key: string): boolean {
  if (key === '') return false;
  const t = committeeKey(text);
  return t === key || t.includes(key);
}
