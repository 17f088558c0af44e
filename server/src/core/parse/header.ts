/**
 * The document header before the contents and the first item: title line (kind,
 * committee, date), municipality and committee in Markdown headings, and labelled
 * fields ("Mødedato …", "Dato: …", "Mødested …", "Medlemmer: …").
 */
import { findDates } from '../dates';
import type { DocumentKind, Header, TextRef } from '../model';
import type { Profile } from '../profiles/profile';
import type { LineIndex } from '../text/lines';

export function parseHeader(lines: LineIndex, profile: Profile, from: number, until: number): Header | null {
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
    if (first < 0) first = i;
    last = i;
  };
  for (let i = from; i < until; i++) {
    const line = lines.line(i);
    const text = line.text;
    if (text === '' || text.length > 2000) continue;
    if (!header.title && matchTitle(lines, i, profile, header)) {
      seen(i);
      continue;
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
    if (matchField(lines, i, profile, header)) {
      seen(i);
      continue;
    }
    if (!header.committee && header.title) {
      const committee = profile.committeeLinePattern?.exec(text)?.groups?.committee;
      if (committee) {
        header.committee = ref(lines, i, committee.trim());
        seen(i);
      }
    }
  }
  if (first < 0) return null;
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
    if (m.groups.committee) header.committee = ref(lines, i, m.groups.committee.trim());
    if (m.groups.date) {
      const col = lines.line(i).clean.lastIndexOf(m.groups.date);
      header.otherDates.push(...findDates(m.groups.date, i, col));
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

function matchField(lines: LineIndex, i: number, profile: Profile, header: Header): boolean {
  const line = lines.line(i);
  const text = line.text.replace(/^[*_#\s]+/, '');
  for (const { field, label } of profile.headerFields) {
    if (!text.toLocaleLowerCase('da').startsWith(label.toLocaleLowerCase('da'))) continue;
    const rest = text.slice(label.length);
    // "Dato: …", "Mødedato Onsdag …", "**Dato:** …": a label, then a colon or a space.
    const m = /^[*_]*\s*(?::[*_]*\s*|\s+)(?<value>.*)$/u.exec(rest);
    if (!m?.groups) continue;
    const value = m.groups.value.trim();
    const col = value === '' ? line.clean.length : line.clean.lastIndexOf(value);
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
    return true;
  }
  return false;
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
