/** RF210's figures in the text: the totals an item's sentences state, with their unit, rounding and context. */
import { moneyMultiplier, moneyUnitAfterNumber } from '../amounts';
import { MONTHS } from '../dates';
import type { Item, Range, SectionRole, Table } from '../model';
import type { Profile } from '../profiles/profile';
import type { Dimension, Statement } from './prose-total-types';
import { allMatches } from './matches';
import { contentWords, lazy, sentenceAround, yearsIn } from './prose-words';

/** The sections whose text states figures: summary, background, case, economy, assessment, recommendation. */
export const PROSE_ROLES = new Set<SectionRole>(['summary', 'background', 'presentation', 'economy', 'assessment', 'recommendation']);

// ── The text ──────────────────────────────────────────────────────────────────────

/**
 * A number with its unit or the noun it counts. Not part of a longer number, a date, a
 * case number or a word. Groups: num, dec, unit (money) or noun (count).
 */
export const AMOUNT = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,/\-–])(?<num>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?<dec>\d+))?(?![\p{N}]|[.,/\-–]\p{N})` +
    String.raw`(?:(?<unit>\s*(?:${moneyUnitAfterNumber({ dkk: true })}))(?!\p{L})|\s+(?<noun>\p{Ll}[\p{Ll}-]{2,}))?`,
  'gu',
);

/** Nouns after a number that make it no count to compare (units of time, percentages, words). */
export const NOT_COUNTED = new Set([
  'mio', 'mia', 'millioner', 'milliarder', 'million', 'milliard', 'pct', 'procent', 'procentpoint', 'og', 'eller', 'til', 'af', 'på', 'for', 'med',
  'fra', 'om', 'ved', 'som', 'der', 'er', 'var', 'har', 'blev', 'år', 'året', 'årligt', 'årlig', 'mdr', 'timer', 'time', 'minutter', 'sekunder', 'dage', 'dag', 'uger', 'uge',
  'måneder', 'måned', 'gange', 'gang', 'kvartal', 'point', 'stk', 'nr', 'kr', 'pr', 'per', 'jf',
]);

/** Words right before the figure that make it a bound, not a total. */
export const BOUND_BEFORE = /(?:^|\s)(?:over|under|mindst|højst|maksimalt|maks\.?|minimum|mere end|mindre end|op mod|op til|ikke over|ikke under|ud over|udover|op imod)\s*$/u;
/** Words right before the figure that make it approximate. */
export const APPROX_BEFORE = /(?:^|\s)(?:ca\.?|cirka|omkring|knap|knapt|godt|næsten|tæt på|lige under|lige over|ca)\s*$/u;
/** The approximation word as written, to quote it. */
export const APPROX_WORD = /(?:^|\s)(ca\.?|cirka|omkring|knapt?|godt|næsten|tæt på|lige under|lige over)\s*$/iu;
/** After the figure: a rate, not a total. */
export const RATE_AFTER = /^\s*(?:pr\.|per\b|á\b|à\b|om ugen|pr\s)/u;
/** After the figure: a part of something ("59 mio. kr. af mindreforbruget", "27 af deltagerne"), not a total. */
export const PART_AFTER = /^\s+af\s/u;
/** Words by which a sentence leads into the table under it. */
export const LEADS_INTO = /:\s*$|\bfordel(?:t|es|er)\b|\bfølgende\b|\bnedenstående\b|\bnedenfor\b|\btabel(?:len)?\b/iu;

/** Words between a total word and its figure, at most. */
export const REACH = 8;
/** A sentence ends between them. */
export const SENTENCE_BREAK = /[.!?;:]\s+\p{Lu}/u;

export function statements(item: Item, profile: Profile, tableLines: Set<number>, tableStarts: Map<number, Table>): Statement[] {
  const out: Statement[] = [];
  const marker = markerPattern(profile);
  const mayHoldMarker = markerWordsPattern(profile);
  for (const section of item.sections) {
    if (!PROSE_ROLES.has(section.role)) continue;
    section.body.forEach((ref, index) => {
      if (tableLines.has(ref.range.start.line) || ref.range.start.line !== ref.range.end.line) return;
      const text = ref.text;
      if (text.length > 5000 || !/\d/.test(text) || !mayHoldMarker.test(text)) return;
      const markers: { start: number; end: number }[] = [];
      const fordelt: { start: number; end: number }[] = [];
      marker.lastIndex = 0;
      for (let m = marker.exec(text); m; m = marker.exec(text)) {
        (m[0].toLowerCase() === 'fordelt' ? fordelt : markers).push({ start: m.index, end: m.index + m[0].length });
      }
      if (markers.length === 0 && fordelt.length === 0) return;
      // Figures with a unit or a noun: a bare number ("pr. 30. september") is no amount.
      const amounts = allMatches(AMOUNT, text).filter((a) => a.groups!.unit !== undefined || a.groups!.noun !== undefined);
      if (amounts.length === 0) return;
      const next = section.body[index + 1];
      const below = next ? tableStarts.get(next.range.start.line) : undefined;
      const chosen = new Set<RegExpMatchArray>();
      for (const w of markers) {
        const a = amounts.find((x) => x.index! >= w.end);
        if (a && near(text.slice(w.end, a.index!))) chosen.add(a);
      }
      for (const w of fordelt) {
        const before = amounts.filter((x) => x.index! + x[0].length <= w.start);
        const a = before[before.length - 1];
        if (a && near(text.slice(a.index! + a[0].length, w.start))) chosen.add(a);
      }
      for (const a of amounts) {
        if (!chosen.has(a)) continue;
        const s = statementOf(a, text, ref.range);
        if (!s) continue;
        if (below && leadsInto(text, a.index!)) s.leadsInto = below;
        out.push(s);
      }
    });
  }
  return out;
}

/**
 * The figure's sentence is the last of its paragraph and introduces what follows ("… fordelt
 * på følgende adresser:", "… jf. nedenstående tabel."): the table right under it distributes it.
 */
export function leadsInto(text: string, at: number): boolean {
  const sentence = sentenceAround(text, at);
  if (!text.trimEnd().endsWith(sentence.trimEnd())) return false;
  return LEADS_INTO.test(sentence);
}

export const markerPatterns = new WeakMap<Profile['tables'], { marker: RegExp; words: RegExp }>();

/**
 * The total words of the profile's table vocabulary (i alt, samlet, total, …) and
 * "fordelt", as whole words in any letter case: one pattern per vocabulary.
 */
export function markerPattern(profile: Profile): RegExp {
  return markerPatternsOf(profile).marker;
}

/**
 * The same words anywhere, whole or not: a text it does not match holds no marker. A quick test before the
 * marker pattern, whose look-arounds for letters make the engine try every position of a paragraph.
 */
function markerWordsPattern(profile: Profile): RegExp {
  return markerPatternsOf(profile).words;
}

function markerPatternsOf(profile: Profile): { marker: RegExp; words: RegExp } {
  let patterns = markerPatterns.get(profile.tables);
  if (!patterns) {
    const words = profile.tables.totalLabels.filter((w) => /^\p{L}[\p{L} ]+$/u.test(w) && w.length >= 3);
    const alternatives = [...words, 'fordelt'].sort((a, b) => b.length - a.length).map((w) => w.replace(/ /g, '\\s+'));
    patterns = {
      marker: new RegExp(`(?<!\\p{L})(?:${alternatives.join('|')})(?!\\p{L})`, 'giu'),
      words: new RegExp(`(?:${alternatives.join('|')})`, 'iu'),
    };
    markerPatterns.set(profile.tables, patterns);
  }
  return patterns;
}

export function near(between: string): boolean {
  if (SENTENCE_BREAK.test(between)) return false;
  const words = between.trim() === '' ? 0 : between.trim().split(/\s+/).length;
  return words <= REACH;
}

export function statementOf(a: RegExpMatchArray, text: string, line: Range): Statement | null {
  const g = a.groups!;
  const start = a.index!;
  const before = text.slice(Math.max(0, start - 30), start).toLowerCase();
  if (BOUND_BEFORE.test(before)) return null;
  const end = start + a[0].length;
  const after = text.slice(end, end + 12).toLowerCase();
  if (RATE_AFTER.test(after) || PART_AFTER.test(after)) return null;
  const decimals = g.dec ? g.dec.length : 0;
  const number = Number(g.num.replace(/\./g, '') + (g.dec ? `.${g.dec}` : ''));
  let multiplier = 1;
  let dimension: Dimension;
  if (g.unit) {
    const m = moneyMultiplier(g.unit.trim());
    if (m === null) return null;
    multiplier = m;
    dimension = 'money';
  } else if (g.noun) {
    if (NOT_COUNTED.has(g.noun) || MONTHS[g.noun] !== undefined || decimals > 0) return null;
    // "i 2021": a year, not a count.
    if (/^(?:19|20)\d\d$/.test(g.num)) return null;
    dimension = 'count';
  } else {
    return null;
  }
  const numberText = g.num + (g.dec ? `,${g.dec}` : '');
  const col = line.start.character;
  const figureEnd = end;
  return {
    text: text.slice(start, figureEnd).trim(),
    range: { start: { line: line.start.line, character: col + start }, end: { line: line.start.line, character: col + figureEnd } },
    numberRange: { start: { line: line.start.line, character: col + start }, end: { line: line.start.line, character: col + start + numberText.length } },
    numberText,
    value: number * multiplier,
    decimals,
    multiplier,
    dimension,
    approximate: APPROX_BEFORE.test(before),
    approximation: APPROX_WORD.exec(text.slice(Math.max(0, start - 30), start))?.[1] ?? '',
    words: lazy(() => contentWords(sentenceAround(text, start))),
    years: lazy(() => new Set(yearsIn(sentenceAround(text, start)))),
  };
}
