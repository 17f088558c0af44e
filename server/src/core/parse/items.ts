/**
 * One item (Punkt): its metadata lines, sections, decision, attachments and tables.
 */
import { committeeKey, namesCommittee } from '../committee';
import { findDates } from '../dates';
import type {
  Attachment,
  AttachmentCount,
  Decision,
  EarlierTreatment,
  Item,
  Outcome,
  Section,
  TextRef,
} from '../model';
import type { Profile } from '../profiles/profile';
import { isSwitchLine } from '../text/switch-lines';
import { damerauDistance } from '../text/distance';
import { foldTitle, type LineIndex } from '../text/lines';
import type { ItemHeading } from './headings';
import type { SectionMatcher } from './sections';
import { findTables } from './tables/index';

/** Lines before the first section that belong to the item's metadata. */
const METADATA_LINES = 6;

/** "3. Text": a numbered sub-point of an item (made once: parseItem tries it on every line). */
const SUB_POINT = /^(\d{1,2})\.\s+\S/;

export function parseItem(
  lines: LineIndex,
  profile: Profile,
  matcher: SectionMatcher,
  heading: ItemHeading,
  endLine: number,
  committee?: string,
  meetingIso?: string | null,
): Item {
  let lastNonBlank = heading.lastLine;
  for (let j = endLine - 1; j > heading.lastLine; j--) {
    if (lines.line(j).text !== '') {
      lastNonBlank = j;
      break;
    }
  }
  const item: Item = {
    number: heading.number,
    numberRange: heading.numberRange,
    title: heading.title,
    titleRange: heading.titleRange,
    headingRange: lines.linesRange(heading.firstLine, heading.lastLine),
    range: lines.linesRange(heading.firstLine, lastNonBlank),
    earlierTreatments: [],
    sections: [],
    decision: null,
    attachmentCounts: [],
    attachments: [],
    tables: [],
    exempt: false,
    looseText: [],
  };
  // The title folded once, for the exempt and closed patterns and for the title written again below it.
  const foldedTitle = foldTitle(heading.title);
  item.exempt = profile.exemptItems.some((p) => p.test(foldedTitle));
  if (heading.category) item.category = heading.category;
  // A closed item: its title says so ("Lukket punkt: …", "… (FOR LUKKEDE DØRE)"); a metadata line may say so below.
  if (profile.closedItems.some((p) => p.test(foldedTitle))) item.closed = { text: heading.title, range: heading.titleRange };

  let current: Section | null = null;
  /** The last line of the current section's body so far, -1 before its first. */
  let currentEnd = -1;
  const closeSection = (section: Section | null, end: number) => {
    if (section && end >= 0) section.range = { start: section.headingRange.start, end: { line: end, character: lines.line(end).raw.length } };
  };
  let metadataSeen = 0;
  let subPoint: number | null = null;
  for (let i = heading.lastLine + 1; i <= lastNonBlank; i++) {
    const line = lines.line(i);
    if (line.text === '') continue;
    const match = matcher.match(lines, i);
    // "… kl. 16.30.Sagsfremstilling": the paragraph's text belongs to the section before, the heading starts one.
    const glued = match ? null : matcher.matchGluedAtEnd(lines, i);
    if (glued) {
      const before: TextRef = { text: line.clean.slice(line.indent, glued.column).trimEnd(), range: lines.span(i, line.indent, glued.column) };
      if (current) {
        current.body.push(before);
        // The section before ends where the glued heading starts, not at the end of the line.
        current.range = { start: current.headingRange.start, end: before.range.end };
      } else item.looseText.push(before);
      currentEnd = -1;
      current = {
        heading: glued.match.heading,
        role: glued.match.form.role,
        headingRange: lines.span(i, glued.column, glued.column + glued.match.heading.length),
        range: lines.span(i, glued.column, glued.column + glued.match.heading.length),
        body: [],
        captures: {},
      };
      item.sections.push(current);
      continue;
    }
    if (match) {
      closeSection(current, currentEnd);
      currentEnd = -1;
      const headingRange = match.inline
        ? lines.span(i, line.indent, match.inline.range.start.character)
        : lines.textRange(i);
      current = {
        heading: match.heading,
        role: match.form.role,
        headingRange,
        range: lines.textRange(i),
        body: match.inline ? [match.inline] : [],
        captures: match.captures,
      };
      const decoration = match.inline ? undefined : headingDecoration(line.text, match.heading);
      if (decoration) current.decoration = decoration;
      item.sections.push(current);
      continue;
    }
    let metadata = false;
    if (!current && metadataSeen < METADATA_LINES) {
      metadataSeen++;
      if (!item.caseNumber) {
        item.caseNumber = matchCaseNumber(lines, i, profile);
        metadata = item.caseNumber !== undefined;
      }
      // "Sagstype: Lukket", "LUKKET PUNKT" under the heading: a closed item (RF201).
      if (!item.closed && line.text.length <= 80 && matchesFolded(profile.closedItems, line.text)) {
        item.closed = { text: line.text, range: lines.textRange(i) };
      }
    }
    if (!current && !metadata && !isMetadataLine(line.text, foldedTitle)) item.looseText.push({ text: line.text, range: lines.textRange(i) });
    // A numbered sub-point ("2. …"): only a line starting with a digit is tried.
    const first = line.text.charCodeAt(0);
    const sub = first >= 48 && first <= 57 ? SUB_POINT.exec(line.text) : null;
    if (sub) subPoint = Number(sub[1]);
    if (current) {
      current.body.push({ text: line.text, range: lines.textRange(i) });
      // The section's range is set once it ends (see closeSection), not again on every line.
      currentEnd = i;
      if (current.role === 'attachmentCount' || current.role === 'attachmentList') {
        const count = matchCount(lines, i, profile, subPoint);
        if (count) {
          item.attachmentCounts.push(count);
          continue;
        }
      }
      // A switch such as "referat-disable-next-line RF030" above an attachment is not an attachment.
      if (current.role === 'attachmentList' && !isSwitchLine(line.text)) item.attachments.push(parseAttachment(lines, i, profile));
      if (current.role === 'earlierTreatment') item.earlierTreatments.push(parseEarlierTreatment(lines, i));
    }
  }
  closeSection(current, currentEnd);
  // Tables once the section headings are known: a heading right above a stacked table's labels is not one of them.
  item.tables = findTables(lines, heading.lastLine + 1, lastNonBlank + 1, profile.tables, new Set(item.sections.map((s) => s.headingRange.start.line)));
  // A closed item shows only its title and decision in public: it needs no other section (RF001–RF006).
  if (item.closed) item.exempt = true;
  const decisionIndex = chooseDecision(item.sections, committee, meetingIso ?? null);
  if (decisionIndex >= 0) item.decision = makeDecision(profile, item.sections[decisionIndex]);
  return item;
}

// A case, journal or document number, with or without its label: "21-014448", "Sagsnr.: 2011-29298",
// "00.15.25-P05-1-20", "Dok.nr.: 2012-202935".
const NUMBER_LINE = /^(?:[\p{L}][\p{L}. -]{0,23}:?\s*)?\d[\d\s./-]*(?:-[\p{Lu}]\d+[\d-]*)?$/u;
// A short "Label: value" line ("Sagstype: Lukket", "Type: A", "Afbud: …"): metadata, not prose.
const LABEL_LINE = /^[\p{L}][\p{L} ./-]{0,29}:\s*\S.{0,70}$/u;

/** A line under an item's heading that records facts about the item rather than saying anything. */
function isMetadataLine(text: string, foldedTitle: string): boolean {
  if (text.length <= 80 && (NUMBER_LINE.test(text) || LABEL_LINE.test(text))) return true;
  if (isSwitchLine(text)) return true;
  // Some exports write the title again under the heading.
  return foldTitle(text) === foldedTitle;
}

/** Whether one of the patterns matches the folded text, folded once (not once per pattern). */
function matchesFolded(patterns: RegExp[], text: string): boolean {
  if (patterns.length === 0) return false;
  const folded = foldTitle(text);
  return patterns.some((p) => p.test(folded));
}

/** What is written around the plain heading on its line ("### **" … "**"), if anything. */
function headingDecoration(text: string, plain: string): Section['decoration'] {
  const at = text.indexOf(plain);
  if (at < 0) return undefined;
  const before = text.slice(0, at);
  const after = text.slice(at + plain.length);
  return before === '' && after === '' ? undefined : { before, after };
}

/**
 * The item's decision. Where several bodies' decisions stand in one item ("Vedtagelse i
 * Økonomiudvalget den …", then "Vedtagelse i Kommunalbestyrelsen den …"), the one of
 * the meeting's own committee; failing that the last, the most recent step. Plain
 * repeated "Beslutning" headings keep the first (RF006 reports the repeat).
 * An earlier meeting's decision quoted in the item's history ("Kulturudvalget, 03-03-2024, pkt. 12",
 * another body, dated before this meeting) is not this meeting's decision.
 */
function chooseDecision(sections: Section[], committee: string | undefined, meetingIso: string | null): number {
  const decisions = sections
    .map((s, k) => [s, k] as const)
    .filter(([s]) => s.role === 'decision' && !isEarlierDecision(s, committee, meetingIso));
  if (decisions.length <= 1) return decisions[0]?.[1] ?? -1;
  // "Beslutning" over "Udvalgets beslutning den …" and its text: the heading with the text is the decision.
  const written = decisions.filter(([s]) => s.body.length > 0);
  if (written.length === 1) return written[0][1];
  const withBody = decisions.filter(([s]) => s.captures.body);
  if (withBody.length < 2) return decisions[0][1];
  if (committee) {
    const key = committeeKey(committee);
    const own = withBody.find(([s]) => namesCommittee(s.captures.body!.text, key));
    if (own) return own[1];
  }
  return withBody[withBody.length - 1][1];
}

/**
 * A decision heading of another body than the meeting's committee, dated before the meeting: the item's history.
 * Judged only when the committee and the meeting's date are both known, so an unsure reading keeps the decision.
 */
function isEarlierDecision(section: Section, committee: string | undefined, meetingIso: string | null): boolean {
  const { body, date } = section.captures;
  if (!committee || !meetingIso || !body || !date) return false;
  if (namesCommittee(body.text, committeeKey(committee))) return false;
  const iso = findDates(date.text, date.range.start.line, date.range.start.character)[0]?.iso;
  return iso != null && iso < meetingIso;
}

function matchCaseNumber(lines: LineIndex, i: number, profile: Profile): TextRef | undefined {
  const line = lines.line(i);
  if (line.text.length > 80) return undefined;
  for (const pattern of profile.caseNumbers) {
    const m = pattern.exec(line.text);
    const value = m?.groups?.case?.trim();
    if (value) {
      const col = line.clean.lastIndexOf(value);
      return { text: value, range: lines.span(i, col, col + value.length) };
    }
  }
  return undefined;
}

function matchCount(lines: LineIndex, i: number, profile: Profile, subPoint: number | null): AttachmentCount | null {
  const line = lines.line(i);
  const m = profile.countPattern.exec(line.text);
  if (!m?.groups) return null;
  const recommended = m.groups.recommended;
  return {
    text: line.text,
    range: lines.textRange(i),
    total: Number(m.groups.total),
    recommended: recommended === undefined ? null : Number(recommended),
    subPoint,
  };
}

const NUMBERED_ATTACHMENT = /^(?<number>\d+(?:\.\d+)*\.?)\s+/u;
const MARKER_WORD = /^(?<word>\p{Lu}{4,})(?=\s|$)/u;

/** An attachment title, its number ("1.4") and its recommendation marker, even a misspelt one. */
function parseAttachment(lines: LineIndex, i: number, profile: Profile): Attachment {
  const line = lines.line(i);
  let col = line.indent;
  let rest = line.text;
  const attachment: Attachment = { text: line.text, range: lines.textRange(i), title: rest };
  const num = NUMBERED_ATTACHMENT.exec(rest);
  if (num?.groups) {
    attachment.number = { text: num.groups.number, range: lines.span(i, col, col + num.groups.number.length) };
    col += num[0].length;
    rest = rest.slice(num[0].length);
  }
  const marker = MARKER_WORD.exec(rest);
  if (marker?.groups && isMarker(marker.groups.word, profile.marker)) {
    attachment.marker = { text: marker.groups.word, range: lines.span(i, col, col + marker.groups.word.length) };
    rest = rest.slice(marker[0].length).trimStart();
  }
  attachment.title = rest;
  return attachment;
}

/** The marker itself, or a near miss of it (ANBEALES, ANBEFALS, ANEBFALES). */
export function isMarker(word: string, marker: string): boolean {
  // Two edits change the length by at most two: a longer word (a megabyte of capitals) is no
  // near miss, and is not measured letter by letter against the marker.
  return word === marker || (Math.abs(word.length - marker.length) <= 2 && damerauDistance(word, marker) <= 2);
}

// parseEarlierTreatment's patterns, made once (a literal inside it is a new object at every line).
const DEN_AT_END = /\s+den\s*$/i;
const PUNKT_NUMBER = /\bPunkt\s+(\d+)\b/i;

function parseEarlierTreatment(lines: LineIndex, i: number): EarlierTreatment {
  const line = lines.line(i);
  const entry: EarlierTreatment = { text: line.text, range: lines.textRange(i) };
  const dates = findDates(line.clean, i);
  if (dates.length > 0) {
    entry.date = dates[0];
    const body = line.clean.slice(line.indent, dates[0].range.start.character).replace(DEN_AT_END, '').trim();
    if (body) entry.body = body;
  }
  const punkt = PUNKT_NUMBER.exec(line.text);
  if (punkt) entry.itemNumber = Number(punkt[1]);
  return entry;
}

/** The text of some lines: lines next to each other are one paragraph (PDF text wraps them); a blank line separates paragraphs. */
function paragraphs(body: TextRef[]): string {
  let text = '';
  let previous = -2;
  for (const { text: t, range } of body) {
    const j = range.start.line;
    text += previous < 0 ? t : j === previous + 1 ? ` ${t}` : `\n\n${t}`;
    previous = j;
  }
  return text;
}

/** A decision written without a heading: the item's loose text (see Item.looseText). */
export function unlabelledDecision(profile: Profile, body: TextRef[]): Decision {
  const text = paragraphs(body);
  return { text, outcome: text ? classifyOutcome(text, profile) : null, labelled: false, body };
}

function makeDecision(profile: Profile, section: Section): Decision {
  const text = paragraphs(section.body);
  const decision: Decision = { text, outcome: text ? classifyOutcome(text, profile) : null, labelled: true, section, body: section.body };
  const date = section.captures.date;
  if (date) {
    const found = findDates(date.text, date.range.start.line, date.range.start.character);
    if (found.length > 0) decision.date = found[0];
  }
  return decision;
}

const OUTCOME_SCAN_LENGTH = 4000;
const SPACE_RUNS = /\s+/g;

/** The first outcome (in the profile's order) one of whose phrases occurs in the decision. */
export function classifyOutcome(text: string, profile: Profile): Outcome {
  // The outcome is stated at the start; a decision of megabytes is not searched through.
  text = text.slice(0, OUTCOME_SCAN_LENGTH);
  // Danish lower-cases the same in every locale (no special rules as Turkish or Lithuanian have): the
  // locale-free call gives the same string, without resolving the locale at every call.
  const fold = (s: string) => s.toLowerCase().replace(SPACE_RUNS, ' ');
  const folded = fold(text);
  // Most decisions are one paragraph: then it is the whole text, folded already.
  const paragraphEnd = text.indexOf('\n\n');
  const firstParagraph = paragraphEnd < 0 ? folded : fold(text.slice(0, paragraphEnd));
  const outcomes = foldedOutcomes(profile);
  for (const scope of [firstParagraph, folded]) {
    for (const { outcome, phrases } of outcomes) {
      if (phrases.some((p) => scope.includes(p))) return outcome;
    }
  }
  return 'other';
}

/** The profile's outcome phrases in lower case, folded once per profile rather than once per decision. */
const outcomePhrases = new WeakMap<Profile['outcomes'], Profile['outcomes']>();

export function foldedOutcomes(profile: Profile): Profile['outcomes'] {
  let folded = outcomePhrases.get(profile.outcomes);
  if (!folded) {
    folded = profile.outcomes.map(({ outcome, phrases }) => ({ outcome, phrases: phrases.map((p) => p.toLocaleLowerCase('da')) }));
    outcomePhrases.set(profile.outcomes, folded);
  }
  return folded;
}
