/**
 * Section headings come from the profile's vocabulary, each with a role. A line is a
 * section heading when, without Markdown markers, emphasis and a trailing colon, it
 * is one of the profile's headings or matches one of its heading patterns. Other
 * heading-like lines are sub-headings inside a section and are left alone.
 */
import type { TextRef } from '../model';
import type { LineIndex } from '../text/lines';
import { foldHeading, type Profile, type SectionForm } from '../profiles/profile';

export interface SectionMatch {
  form: SectionForm;
  heading: string;
  captures: Record<string, TextRef>;
  /** "Beslutning: Godkendt." — the text written on the heading's own line, after the colon. */
  inline?: TextRef;
}

// "Beslutning: Godkendt.", "**Indstilling:** Forvaltningen indstiller, at …"
const INLINE_HEADING = /^(?<head>[^:]{3,80}?)\s*:\s*(?:[*_]+\s*)?(?<rest>\S.*)$/u;

const MAX_HEADING_LENGTH = 140;
/** See SectionMatcher.measure: a line too long to be measured in a byte, or not measured. */
const NOT_A_HEADING = 255;

// Headings glued to text: "… kl. 16.30.Sagsfremstilling" (after a sentence's end) and "BeslutningGodkendt.".
/** A glued heading is at most this long. */
const GLUED_REACH = 48;
const GLUED_HEAD = /^\p{Lu}\p{Ll}+(?: \p{Ll}+){0,5}$/u;
const GLUED_BEFORE = /[\p{Ll}\d)]/u;

/** A lower-case letter: ASCII, Latin-1 and the Latin Extended letters Danish names use (æ, ø, å, é, ü …). */
function isLowerLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
}

function isUpperLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}

// The patterns of the functions below, which run for most lines of a document, made once here: a
// regular expression literal inside a function is a new object at every call (garbage to collect).
const EMPHASIS_AT_END = /^[*_]|[*_]$/;
const EMPHASIS_MARKS_AT_ENDS = /^[*_]+|[*_]+$/g;
const CAPITAL_OR_DIGIT = /[\p{Lu}\d]/u;
const STARTS_WITH_CAPITAL_OR_DIGIT = /^[\p{Lu}\d]/u;
const MARKDOWN_HEADING_MARK = /^#{1,6}\s*/;
const TRAILING_COLON = /\s*:\s*$/;

/** The heading text without Markdown heading markers, emphasis or a trailing colon. */
export function headingText(text: string): string {
  // Called for most lines of a document: each replacement runs only when it can apply.
  let s = text;
  if (s.startsWith('#')) s = s.replace(MARKDOWN_HEADING_MARK, '');
  if (EMPHASIS_AT_END.test(s)) s = s.replace(EMPHASIS_MARKS_AT_ENDS, '');
  if (s.endsWith(':') || s.endsWith(' ')) s = s.replace(TRAILING_COLON, '');
  return s.trim();
}

/** A line that starts with a lower-case letter, a dash or a bracket is no heading (cheap first check). */
function cannotBeHeading(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c === 35 /* # */ || c === 42 /* * */ || c === 95 /* _ */) return false;
  return !CAPITAL_OR_DIGIT.test(text[0]);
}

export class SectionMatcher {
  /** No heading in the vocabulary is longer than this (Markdown markers included). */
  private readonly maxHeadingLength: number;
  private readonly hasPatterns: boolean;
  /** The longest folded heading of the vocabulary. */
  private readonly maxFolded: number;

  /**
   * Headings the document itself uses across its items but the profile does not know ("Sagsprocedure",
   * "Fremstilling"), folded, learned by parse/template.ts. They are read as sections of role 'other'.
   */
  private learned: Set<string> = new Set();
  private static readonly LEARNED_FORM: SectionForm = { role: 'other', headings: new Set(), patterns: [], group: false };

  constructor(private readonly profile: Profile) {
    let longest = 0;
    for (const f of profile.sections) for (const h of f.headings) longest = Math.max(longest, h.length);
    this.maxHeadingLength = longest + 16;
    this.hasPatterns = profile.sections.some((f) => f.patterns.length > 0);
    // The vocabulary's headings are stored folded, so the longest of them is also the longest folded heading.
    this.maxFolded = longest;
    for (const f of profile.sections) for (const h of f.headings) this.vocabularyLengths.add(h.length);
  }

  /**
   * What foldHeading makes of a line, told without folding it, for the heading lines of `matchedLines` (see
   * match): how many characters of it surely stay, and whether lower case alone folds it (`simple`).
   * Every character below U+0300 other than a blank, '*', '_', '#' or ':' stays at least one character through
   * foldHeading (combining marks only join a letter, lower case never drops one), so their number is a lower
   * bound of the folded length: most prose lines are longer than every heading looked up, and are not folded.
   * A line of characters below U+0300 with single spaces, no emphasis, no '#', no colon at its end and no 'İ'
   * (lower-cased to two characters) is folded by lower case alone: its folded length is its length, so a line
   * whose length no looked-up heading has is not folded at all (no string to allocate).
   */
  private measure(index: number, text: string): void {
    const shape = foldShape(text);
    this.keptLength[index] = Math.min(shape >> 1, NOT_A_HEADING - 1);
    this.simpleFold[index] = shape & 1;
  }

  /** The line folded (see measure), or null when it surely is none of the headings of these lengths. */
  private foldedIfListed(index: number, text: string, longest: number, lengths: Set<number>): string | null {
    if (this.keptLength[index] > longest) return null;
    if (this.simpleFold[index] === 0) return foldHeading(text);
    return lengths.has(text.length) ? text.toLowerCase() : null;
  }

  /** Per line of `matchedLines`: see measure; NOT_A_HEADING for a line no heading line can be (or not measured). */
  private keptLength = new Uint8Array(0);
  private simpleFold = new Uint8Array(0);
  /** The lengths of the vocabulary's headings and of the learned ones, folded. */
  private readonly vocabularyLengths = new Set<number>();
  private learnedLengths = new Set<number>();

  private tooLong(text: string): boolean {
    return text.length > MAX_HEADING_LENGTH || (!this.hasPatterns && text.length > this.maxHeadingLength);
  }

  /** Reads these folded headings as sections too (the document's own vocabulary). */
  learn(folded: Iterable<string>): void {
    this.learned = new Set(folded);
    this.maxLearned = Math.max(0, ...[...this.learned].map((h) => h.length));
    this.learnedLengths = new Set([...this.learned].map((h) => h.length));
  }

  /** The longest learned heading (folded): a line surely longer after folding is not looked up. */
  private maxLearned = 0;

  /** Whether the line is a heading of the profile's vocabulary (not only a learned one). */
  knows(lines: LineIndex, index: number): boolean {
    const m = this.match(lines, index);
    return m !== null && m.form !== SectionMatcher.LEARNED_FORM;
  }

  /** True when the text alone (without looking at the next line) could be a section heading. */
  isHeadingText(text: string): boolean {
    if (this.tooLong(text) || cannotBeHeading(text)) return false;
    const plain = headingText(text);
    if (!startsLikeHeading(plain)) return false;
    const folded = foldHeading(text);
    return this.profile.sections.some((f) => f.headings.has(folded) || f.patterns.some((p) => p.test(plain)));
  }

  /**
   * What the vocabulary alone makes of each line of `matchedLines`, found once per line: the learning step
   * (template.ts) asks about the short lines of every item and the lines above them, and parseItem asks about
   * every line again. Learned headings are left out of it, as they are learned between those two steps.
   */
  private matchedLines: LineIndex | null = null;
  /** Per line: 0 before it is matched, 1 for a heading line of the vocabulary, 2 for anything else (see matched). */
  private matchedHow = new Uint8Array(0);
  /** Per line: the heading line of the vocabulary, else the inline or glued heading, else null. */
  private matched: (SectionMatch | null)[] = [];

  match(lines: LineIndex, index: number): SectionMatch | null {
    if (lines !== this.matchedLines) {
      this.matchedLines = lines;
      this.matchedHow = new Uint8Array(lines.lineCount);
      this.matched = new Array<SectionMatch | null>(lines.lineCount).fill(null);
      this.keptLength = new Uint8Array(lines.lineCount).fill(NOT_A_HEADING);
      this.simpleFold = new Uint8Array(lines.lineCount);
    }
    let how = this.matchedHow[index];
    if (how === 0) {
      const heading = this.matchLine(lines, index);
      this.matched[index] = heading ?? this.matchInline(lines, index) ?? this.matchGluedToText(lines, index);
      this.matchedHow[index] = how = heading ? 1 : 2;
    }
    // A learned heading comes after the vocabulary's heading lines and before its inline and glued headings.
    if (how === 2 && this.learned.size > 0) {
      const learned = this.matchLearned(lines, index);
      if (learned) return learned;
    }
    return this.matched[index];
  }

  /** A line that is one of the learned headings (see learn), as a section of role 'other'. */
  private matchLearned(lines: LineIndex, index: number): SectionMatch | null {
    // matchLine measured every line that may be a heading line (and left the others NOT_A_HEADING).
    if (this.keptLength[index] === NOT_A_HEADING) return null;
    const text = lines.line(index).text;
    const folded = this.foldedIfListed(index, text, this.maxLearned, this.learnedLengths);
    if (folded === null || !this.learned.has(folded)) return null;
    return { form: SectionMatcher.LEARNED_FORM, heading: headingText(text), captures: {} };
  }

  /**
   * A heading of the vocabulary glued to the end of the paragraph before it, as text copied from a web page
   * writes it ("… kl. 16.30.Sagsfremstilling"): the heading and the column where it starts. Only a heading
   * after the end of a sentence, written with its capital, counts.
   */
  matchGluedAtEnd(lines: LineIndex, index: number): { match: SectionMatch; column: number } | null {
    const line = lines.line(index);
    const text = line.text;
    // Read from the end, without a regular expression (this runs for every line of an item's text): the
    // heading is at most GLUED_REACH characters, ends in a letter, and follows a full stop after a word.
    if (text.length < 8 || !isLowerLetter(text.charCodeAt(text.length - 1))) return null;
    const from = Math.max(1, text.length - GLUED_REACH);
    let at = -1;
    for (let k = text.length - 2; k >= from; k--) {
      const c = text.charCodeAt(k);
      if (c === 46 /* . */ || c === 33 /* ! */ || c === 63 /* ? */) {
        at = k + 1;
        break;
      }
    }
    if (at < 0) return null;
    const head = text.slice(at);
    if (!GLUED_HEAD.test(head) || !GLUED_BEFORE.test(text.charAt(at - 2))) return null;
    const folded = foldHeading(head);
    // A heading told by its first line ("Bilag" over "1 bilag") is judged by the line after this one.
    let next: string | undefined;
    const form = this.profile.sections.find((f) => {
      if (!f.headings.has(folded)) return false;
      if (!f.firstLine) return true;
      next ??= nextNonBlankText(lines, index);
      return f.firstLine.test(next);
    });
    if (!form) return null;
    const column = line.indent + at;
    return { match: { form, heading: head, captures: {} }, column };
  }

  /** A heading glued to its text ("BeslutningGodkendt."): the heading, then a capital that starts the text. */
  private matchGluedToText(lines: LineIndex, index: number): SectionMatch | null {
    const line = lines.line(index);
    const text = line.text;
    // The first capital after a lower-case letter within the reach of a heading ("Beslutning|Godkendt.").
    if (!isUpperLetter(text.charCodeAt(0))) return null;
    let at = -1;
    const reach = Math.min(text.length - 1, GLUED_REACH);
    for (let k = 4; k < reach; k++) {
      const c = text.charCodeAt(k);
      if (c === 32) continue;
      if (isUpperLetter(c) && isLowerLetter(text.charCodeAt(k - 1))) {
        at = k;
        break;
      }
      if (!isLowerLetter(c)) return null;
    }
    if (at < 0) return null;
    const head = text.slice(0, at);
    const form = this.profile.sections.find((f) => !f.firstLine && f.headings.has(foldHeading(head)));
    if (!form) return null;
    const col = line.indent + head.length;
    const rest = text.slice(head.length);
    return { form, heading: head, captures: {}, inline: { text: rest, range: lines.span(index, col, col + rest.length) } };
  }


  /**
   * A heading with its text on the same line ("Beslutning: Godkendt."), as many
   * municipalities write short sections. Only the part before the colon must be a
   * heading of the vocabulary.
   */
  private matchInline(lines: LineIndex, index: number): SectionMatch | null {
    const line = lines.line(index);
    const text = line.text;
    // The head is what stands before the first colon (it has none), of three characters at least, and some
    // text follows the colon: a line without that is tried no further (most lines with a colon end in it).
    const colon = text.indexOf(':');
    if (colon < 3 || colon === text.length - 1) return null;
    const m = INLINE_HEADING.exec(text);
    if (!m?.groups) return null;
    const head = m.groups.head;
    const plain = headingText(head);
    // What isHeadingText(head) asks besides the form found below (which it implies): the head's first character and length.
    if (!startsLikeHeading(plain) || this.tooLong(head) || cannotBeHeading(head)) return null;
    // Folded only when the head may be a heading of the vocabulary (see measure).
    const shape = foldShape(head);
    const folded =
      shape >> 1 > this.maxFolded ? null : (shape & 1) === 0 ? foldHeading(head) : this.vocabularyLengths.has(head.length) ? head.toLowerCase() : null;
    const form = this.profile.sections.find((f) => !f.firstLine && ((folded !== null && f.headings.has(folded)) || f.patterns.some((p) => p.test(plain))));
    if (!form) return null;
    let captures: Record<string, TextRef> = {};
    for (const pattern of form.patterns) {
      const pm = pattern.exec(plain);
      if (pm) {
        captures = captureRefs(lines, index, plain, pm);
        break;
      }
    }
    const rest = m.groups.rest.replace(/^[*_]+\s*/, '');
    const col = line.clean.lastIndexOf(rest);
    return { form, heading: plain, captures, inline: { text: rest, range: lines.span(index, col, col + rest.length) } };
  }

  /** A heading line of the vocabulary (learned headings are matched apart, see matchLearned). */
  private matchLine(lines: LineIndex, index: number): SectionMatch | null {
    const line = lines.line(index);
    const text = line.text;
    if (text === '' || this.tooLong(text) || cannotBeHeading(text)) return null;
    const plain = headingText(text);
    if (!startsLikeHeading(plain)) return null;
    this.measure(index, text);
    // Folded only when the line may be a heading of the vocabulary (most prose lines are not).
    const folded = this.foldedIfListed(index, text, this.maxFolded, this.vocabularyLengths);
    let next: string | undefined;
    // Indexed loops: this runs for most lines of a document, and for…of allocated an iterator per form.
    const forms = this.profile.sections;
    for (let f = 0; f < forms.length; f++) {
      const form = forms[f];
      let captures: Record<string, TextRef> | undefined;
      if (folded !== null && form.headings.has(folded)) {
        captures = {};
      } else {
        for (let p = 0; p < form.patterns.length; p++) {
          const pattern = form.patterns[p];
          const m = pattern.exec(plain);
          if (m) {
            captures = captureRefs(lines, index, plain, m);
            break;
          }
        }
      }
      if (!captures) continue;
      if (form.firstLine) {
        next ??= nextNonBlankText(lines, index);
        if (!form.firstLine.test(next)) continue;
      }
      return { form, heading: plain, captures };
    }
    return null;
  }
}

/** See SectionMatcher.measure: the number of characters of the text that surely stay through foldHeading, times
 * two, plus one when lower case alone folds it (no blank at its ends either). */
function foldShape(text: string): number {
  let kept = 0;
  let simple = true;
  let afterSpace = false;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 32) {
      if (afterSpace || k === 0) simple = false;
      afterSpace = true;
      continue;
    }
    afterSpace = false;
    if (c >= 0x300 || (c >= 9 && c <= 13) || c === 0xa0 || c === 42 || c === 95 || c === 35) {
      simple = false;
      continue;
    }
    if (c === 58) {
      if (k === text.length - 1) simple = false;
      continue;
    }
    if (c === 0x130) simple = false;
    kept++;
  }
  if (afterSpace) simple = false;
  return kept * 2 + (simple ? 1 : 0);
}

/** Headings start with a capital: "baggrund" on its own line is a wrapped title or sentence. */
function startsLikeHeading(plain: string): boolean {
  return STARTS_WITH_CAPITAL_OR_DIGIT.test(plain);
}

function captureRefs(lines: LineIndex, index: number, plain: string, m: RegExpExecArray): Record<string, TextRef> {
  const out: Record<string, TextRef> = {};
  const line = lines.line(index);
  const base = line.clean.indexOf(plain);
  for (const [name, value] of Object.entries(m.groups ?? {})) {
    if (value === undefined) continue;
    const col = base + plain.indexOf(value, name === 'date' ? plain.length - value.length - 1 : 0);
    out[name] = { text: value, range: lines.span(index, col, col + value.length) };
  }
  return out;
}

function nextNonBlankText(lines: LineIndex, index: number): string {
  for (let j = index + 1; j < lines.lineCount; j++) {
    const t = lines.line(j).text;
    if (t !== '') return t;
  }
  return '';
}
