/**
 * The document header before the contents and the first item: title line (kind,
 * committee, date), municipality and committee in Markdown headings, and labelled
 * fields ("Mødedato …", "Dato: …", "Mødested …", "Medlemmer: …").
 */
import { findDates } from '../dates';
import type { DateRef, DocumentKind, Header, TextRef } from '../model';
import type { Profile } from '../profiles/profile';
import { cleanLine, type LineIndex } from '../text/lines';

/**
 * The header between `from` and `until`. `pageTitle` is the title line of the page the text was copied from
 * (a document viewer's, see parse/chrome.ts): where the header itself names no kind, that title's kind counts.
 */
export function parseHeader(
  lines: LineIndex,
  profile: Profile,
  from: number,
  until: number,
  pageTitle?: { line: number; text: string },
): Header | null {
  const header: Header = {
    range: lines.span(from, 0, 0),
    statedKind: null,
    otherDates: [],
    participants: [],
    absent: [],
  };
  let first = -1;
  let last = -1;
  const seen = (i: number) => {
    if (first < 0 || i < first) first = i;
    if (i > last) last = i;
  };
  /** A field whose label stands alone on its line ("Dato:"): its value is the next line. */
  let pendingField: HeaderFieldName | null = null;
  for (let i = from; i < until; i++) {
    const line = lines.line(i);
    const text = line.text;
    if (text === '' || text.length > 2000) continue;
    if (!header.title && matchTitle(lines, i, profile, header)) {
      seen(i);
      continue;
    }
    if (header.statedKind === null && matchKindLine(lines, i, profile, header)) {
      seen(i);
      continue;
    }
    if (pendingField !== null) {
      const field = pendingField;
      pendingField = null;
      if (!isFieldLabel(text, profile) && setField(lines, i, field, text, line.clean.indexOf(text), header)) {
        if (field === 'date') readTimeAfterDate(lines, i, findDates(line.clean, i)[0], header);
        seen(i);
        continue;
      }
    }
    const municipality = profile.municipalityPattern?.exec(text)?.groups?.municipality;
    if (municipality && !header.municipality) {
      header.municipality = ref(lines, i, municipality);
      seen(i);
      continue;
    }
    if (header.municipality && !header.committee) {
      const committee = profile.committeePattern?.exec(text)?.groups?.committee;
      if (committee && !/^(indholdsfortegnelse|dagsorden|referat)$/i.test(committee.trim())) {
        header.committee = ref(lines, i, committee.trim());
        seen(i);
        continue;
      }
    }
    const field = matchField(lines, i, profile, header);
    if (field) {
      if (field.empty) pendingField = field.field;
      seen(i);
      continue;
    }
    // A date on a line of its own ("Onsdag, 8 september, 2021 - 16:00", "onsdag den 15. januar 2020 kl. 13:00").
    if (text.length <= DATE_LINE_LENGTH) {
      const dates = findDates(line.clean, i);
      if (dates.length > 0 && line.clean.slice(0, dates[0].range.start.character).trim().length <= DATE_LINE_LEAD) {
        header.otherDates.push(dates[0]);
        readTimeAfterDate(lines, i, dates[0], header);
        seen(i);
        continue;
      }
    }
    // A line that names the committee, above the title or below it ("Klimaudvalget" / "Referat").
    if (!header.committee) {
      const committee = profile.committeeLinePattern?.exec(text)?.groups?.committee;
      if (committee) {
        header.committee = ref(lines, i, committee.trim());
        seen(i);
      }
    }
  }
  // The kind named inside a title line ("TÅRNBY KOMMUNE. Åbent referat. til Økonomiudvalget"): the page's title
  // line, then the header's first line.
  // The page's title line may carry the meeting's date ('Download "Byrådet REFERAT. Mødedato: Torsdag den 27-03-2008"').
  // (the line is chrome, read as blank: its dates are read from the line as written).
  if (pageTitle) header.otherDates.push(...findDates(cleanLine(lines.line(pageTitle.line).raw), pageTitle.line));
  if (header.statedKind === null && pageTitle) header.statedKind = kindInPhrase(pageTitle.text, profile) ?? kindInTitle(pageTitle.text, profile);
  if (header.statedKind === null) {
    const firstLine = firstNonBlank(lines, from, until);
    if (firstLine >= 0) {
      const kind = kindInTitle(lines.line(firstLine).text.slice(0, KIND_LINE_LENGTH), profile);
      if (kind) {
        header.statedKind = kind;
        seen(firstLine);
      }
    }
  }
  if (first < 0) return header.statedKind ? { ...header, range: lines.textRange(pageTitle!.line) } : null;
  if (!header.date && header.otherDates.length > 0) header.date = header.otherDates.shift();
  header.range = lines.linesRange(first, last);
  return header;
}

function matchTitle(lines: LineIndex, i: number, profile: Profile, header: Header): boolean {
  const text = lines.line(i).text;
  for (const pattern of profile.titlePatterns) {
    const m = pattern.exec(text);
    if (!m?.groups) continue;
    const kind = kindOf(m.groups.kind, profile);
    if (!kind) continue;
    header.title = { text, range: lines.textRange(i) };
    header.statedKind = kind;
    // A committee's name has no digits: "til byrådsmøde den 20. juni 2024 kl. 18.00" is the rest of a title.
    if (m.groups.committee && !/\d/.test(m.groups.committee) && !/^(?:til|for|fra|over)\s/i.test(m.groups.committee)) {
      header.committee = ref(lines, i, m.groups.committee.trim());
    }
    if (m.groups.date) {
      const col = lines.line(i).clean.lastIndexOf(m.groups.date);
      header.otherDates.push(...findDates(m.groups.date, i, col));
    } else {
      // "Dagsorden til kommunalbestyrelsesmøde den 22. juni 2017 kl. 18.00": a date the pattern did not place.
      header.otherDates.push(...findDates(lines.line(i).clean, i));
    }
    return true;
  }
  return false;
}

function kindOf(word: string | undefined, profile: Profile): DocumentKind | null {
  if (!word) return null;
  const w = word.toLocaleLowerCase('da');
  if (profile.kindWords.referat.includes(w)) return 'referat';
  if (profile.kindWords.dagsorden.includes(w)) return 'dagsorden';
  return null;
}

type HeaderFieldName = Profile['headerFields'][number]['field'];

/** A header line that is only a field's label ("Dato:", "Mødested"). */
function isFieldLabel(text: string, profile: Profile): boolean {
  const plain = text.replace(/^[*_#\s]+|[*_:\s]+$/g, '').toLocaleLowerCase('da');
  return profile.headerFields.some(({ label }) => label.toLocaleLowerCase('da') === plain);
}

/** A labelled field of the header; `empty` when the label stands alone and its value is on the next line. */
function matchField(lines: LineIndex, i: number, profile: Profile, header: Header): { field: HeaderFieldName; empty: boolean } | null {
  const line = lines.line(i);
  const text = line.text.replace(/^[*_#\s]+/, '');
  for (const { field, label } of profile.headerFields) {
    if (!text.toLocaleLowerCase('da').startsWith(label.toLocaleLowerCase('da'))) continue;
    const rest = text.slice(label.length);
    // "Dato: …", "Mødedato Onsdag …", "**Dato:** …": a label, then a colon or a space.
    const m = /^[*_]*\s*(?::[*_]*\s*|\s+)(?<value>.*)$/u.exec(rest);
    if (!m?.groups) {
      if (/^[*_]*\s*$/.test(rest)) return { field, empty: true };
      continue;
    }
    const value = m.groups.value.trim();
    const col = value === '' ? line.clean.length : line.clean.lastIndexOf(value);
    setField(lines, i, field, value, col, header);
    return { field, empty: value === '' };
  }
  return null;
}

/** Sets a header field from its value written at column `col` of line `i`; false when the value is not one. */
function setField(lines: LineIndex, i: number, field: HeaderFieldName, value: string, col: number, header: Header): boolean {
  {
    switch (field) {
      case 'date': {
        const dates = findDates(value, i, col);
        if (dates.length > 0 && !header.date) header.date = dates[0];
        if (/\bkl\.?\s*\d/.test(value) && !header.time) {
          const t = /\bkl\.?\s*[\d.:]+(?:\s*-\s*[\d.:]+)?/.exec(value)!;
          header.time = ref(lines, i, t[0], col + t.index);
        }
        break;
      }
      case 'time':
        if (value) header.time = ref(lines, i, value, col);
        break;
      case 'place':
        if (value) header.place = ref(lines, i, value, col);
        break;
      case 'participants':
      case 'absent':
        header[field === 'participants' ? 'participants' : 'absent'].push(...splitNames(lines, i, value, col));
        break;
    }
    return field !== 'date' || header.date !== undefined;
  }
}

/** "… 2021 - 16:00", "… 2020 kl. 13:00": the meeting's time written after its date on the same line. */
function readTimeAfterDate(lines: LineIndex, i: number, date: DateRef | undefined, header: Header): void {
  if (!date || header.time) return;
  const clean = lines.line(i).clean;
  const end = date.range.end.character;
  const time = TIME_AFTER_DATE.exec(clean.slice(end));
  if (time?.groups) header.time = ref(lines, i, time.groups.time, end + time.index + time[0].length - time.groups.time.length);
}

const TIME_AFTER_DATE = /^\s*(?:[-–,]\s*)?(?:kl\.?\s*)?(?<time>\d{1,2}[:.]\d{2}(?:\s*[-–]\s*\d{1,2}[:.]\d{2})?)/;

/** A header line no longer than this may be the meeting's date on a line of its own… */
const DATE_LINE_LENGTH = 80;
/** …with at most this much before the date (a weekday is part of the date). */
const DATE_LINE_LEAD = 12;

/**
 * A line of the header that states the kind in one of the forms web systems and case systems print: the kind
 * alone ("Referat", "Åbent referat", "Beslutningsprotokol"), first ("Referat fra mødet i …", "Dagsorden til …"), or
 * last after the committee and a dash ("Økonomiudvalget - Referat", "Byrådet - 16-11-2017 - Referat"), or as a
 * label's value ("Type: Referat"). An optional page number stands before it in PDF text ("1 REFERAT Byrådet").
 */
function matchKindLine(lines: LineIndex, i: number, profile: Profile, header: Header): boolean {
  const text = lines.line(i).text;
  if (text.length > KIND_LINE_LENGTH) {
    // A page of PDF text that lost its line breaks: the kind stands at its start.
    const kind = kindAtStart(text.slice(0, KIND_LINE_LENGTH), profile);
    if (!kind) return false;
    header.statedKind = kind;
    return true;
  }
  // A sentence ("Referat af mødet blev godkendt.") is no title.
  if (text.endsWith('.') && !/\d\.$/.test(text)) return false;
  const kind = kindInPhrase(text, profile);
  if (!kind) return false;
  header.statedKind = kind;
  if (!header.title) header.title = { text, range: lines.textRange(i) };
  // "Økonomiudvalget - Referat": the committee before the dash.
  const before = /^(?<committee>\p{Lu}[^\d]{2,80}?)\s+[-–|]\s+/u.exec(text);
  if (before?.groups && !header.committee && kindOfPhrase(before.groups.committee, profile) === null) {
    header.committee = ref(lines, i, before.groups.committee);
  }
  return true;
}

const KIND_LINE_LENGTH = 160;

/** The kind a short title phrase states (see matchKindLine), or null. */
export function kindInPhrase(text: string, profile: Profile): DocumentKind | null {
  const plain = text.replace(/^[#*_\s]+|[*_:\s]+$/g, '').replace(/\s+/g, ' ');
  const lower = plain.toLocaleLowerCase('da');
  const label = /^(?:type|dokumenttype|kategori)\s*:\s*(?<value>.+)$/.exec(lower);
  if (label?.groups) return kindOfPhrase(label.groups.value, profile);
  const whole = kindOfPhrase(lower, profile);
  if (whole) return whole;
  const last = /\s[-–|]\s(?<kind>[\p{L} ]{4,40})$/u.exec(lower);
  if (last?.groups) {
    const kind = kindOfPhrase(last.groups.kind, profile);
    if (kind) return kind;
  }
  return kindAtStart(plain, profile);
}

/** The kind word or phrase a text starts with ("Referat fra …", "1 REFERAT Byrådet …"), when a word of the title follows it. */
function kindAtStart(text: string, profile: Profile): DocumentKind | null {
  const lower = text.replace(/^\d{1,3}\s+/, '').toLocaleLowerCase('da');
  for (const [kind, phrases] of kindPhrases(profile)) {
    for (const phrase of phrases) {
      if (!lower.startsWith(phrase)) continue;
      const after = lower.slice(phrase.length);
      // "Referat fra mødet", "Dagsorden til …", "REFERAT Byrådet", "Referat - …": not "Referatet", "Dagsordenen".
      if (/^(?:\s*[-–:,]?\s+\S|\s*$)/u.test(after)) return kind;
    }
  }
  return null;
}

/**
 * A kind word standing as a word of a title line, wherever it stands ("Økonomiudvalg Referat Møde 22. marts",
 * "TÅRNBY KOMMUNE. Åbent referat. til Økonomiudvalget"), when it is not the object of another word
 * ("Godkendelse af dagsorden", "bemærkninger til referatet").
 */
export function kindInTitle(text: string, profile: Profile): DocumentKind | null {
  const lower = text.toLocaleLowerCase('da');
  let best: { at: number; kind: DocumentKind } | null = null;
  for (const [kind, phrases] of kindPhrases(profile)) {
    for (const phrase of phrases) {
      const m = new RegExp(`(?<![\\p{L}])${phrase}(?![\\p{L}])`, 'u').exec(lower);
      if (!m) continue;
      const before = lower.slice(Math.max(0, m.index - 6), m.index);
      if (/(?:^|\s)(?:af|til|om|på|vedr\.?|i)\s+$/u.test(before)) continue;
      if (!best || m.index < best.at) best = { at: m.index, kind };
    }
  }
  return best?.kind ?? null;
}

function firstNonBlank(lines: LineIndex, from: number, until: number): number {
  for (let i = from; i < until; i++) if (lines.line(i).text !== '') return i;
  return -1;
}

/** The kind of a whole phrase ("åbent referat"), or null. */
function kindOfPhrase(phrase: string, profile: Profile): DocumentKind | null {
  const p = phrase.trim().toLocaleLowerCase('da');
  for (const [kind, phrases] of kindPhrases(profile)) if (phrases.includes(p)) return kind;
  return null;
}

/** The profile's kind words, longest first (so "åbent referat" is tried before "referat"). */
function kindPhrases(profile: Profile): [DocumentKind, string[]][] {
  const byLength = (xs: string[]) => [...xs].sort((a, b) => b.length - a.length);
  return [
    ['referat', byLength(profile.kindWords.referat)],
    ['dagsorden', byLength(profile.kindWords.dagsorden)],
  ];
}

function splitNames(lines: LineIndex, i: number, value: string, col: number): TextRef[] {
  const out: TextRef[] = [];
  let offset = 0;
  // Commas inside parentheses ("(centerchef for By, Erhverv og Miljø)") do not separate names.
  let depth = 0;
  let start = 0;
  for (let k = 0; k <= value.length; k++) {
    const ch = value[k];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    if (k === value.length || (ch === ',' && depth === 0)) {
      const part = value.slice(start, k);
      const trimmed = part.trim();
      offset = start + (part.length - part.trimStart().length);
      if (trimmed) out.push(ref(lines, i, trimmed, col + offset));
      start = k + 1;
    }
  }
  return out;
}

function ref(lines: LineIndex, i: number, text: string, col?: number): TextRef {
  const start = col ?? lines.line(i).clean.indexOf(text);
  return { text, range: lines.span(i, Math.max(0, start), Math.max(0, start) + text.length) };
}
