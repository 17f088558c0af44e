/**
 * Profiles are data (one JSON file per municipality template). This module turns
 * the JSON into a compiled profile: inheritance resolved, regular expressions built.
 */
import type { DocumentKind, Outcome, SectionRole } from '../model';

export interface ProfileJson {
  id: string;
  name: string;
  description?: string;
  extends?: string;
  detect?: { patterns?: { pattern: string; weight: number }[] };
  header?: {
    titlePatterns?: string[];
    kindWords?: Partial<Record<DocumentKind, string[]>>;
    municipalityPattern?: string;
    committeePattern?: string;
    committeeLinePattern?: string;
    fields?: Partial<Record<HeaderField, string[]>>;
  };
  toc?: { headings?: string[] };
  items?: { headings?: { pattern: string; strength?: 'strong' | 'weak'; wrap?: boolean }[] };
  caseNumbers?: string[];
  sections?: SectionJson[];
  order?: SectionRole[];
  required?: Partial<Record<DocumentKind, SectionRole[]>>;
  exemptItems?: string[];
  closedItems?: string[];
  attachments?: { countPattern?: string; marker?: string };
  outcomes?: { outcome: Outcome; phrases: string[] }[];
  decisionPhrases?: string[];
  tables?: TableVocabularyJson;
}

/**
 * The words of tables (RF101–RF105): which labels make a total, which rows and columns
 * are never summed, which notes explain a difference. Compared in lower case, as whole
 * words; see profile.schema.json for how each list is matched.
 */
export interface TableVocabularyJson {
  totalLabels?: string[];
  notSumLabels?: string[];
  codeColumns?: string[];
  subRowWords?: string[];
  unitPhrases?: string[];
  roundedUnits?: string[];
  moneyWords?: string[];
  differenceLabels?: string[];
  differencePairs?: string[][];
  explainingNotes?: string[];
  balanceLabels?: string[];
}

export type TableVocabulary = Required<TableVocabularyJson>;

export interface SectionJson {
  role: SectionRole;
  headings?: string[];
  patterns?: string[];
  firstLine?: string;
  group?: boolean;
}

export type HeaderField = 'date' | 'time' | 'place' | 'participants' | 'absent';

export interface ItemHeadingForm {
  pattern: RegExp;
  strength: 'strong' | 'weak';
  wrap: boolean;
}

export interface SectionForm {
  role: SectionRole;
  /** Folded heading texts (see foldHeading). */
  headings: Set<string>;
  patterns: RegExp[];
  firstLine?: RegExp;
  group: boolean;
}

export interface Profile {
  id: string;
  name: string;
  description: string;
  detect: { pattern: RegExp; weight: number }[];
  titlePatterns: RegExp[];
  kindWords: Record<DocumentKind, string[]>;
  municipalityPattern?: RegExp;
  committeePattern?: RegExp;
  /** A line of its own in the header that names the committee ("Økonomiudvalget"). */
  committeeLinePattern?: RegExp;
  headerFields: { field: HeaderField; label: string }[];
  tocHeadings: Set<string>;
  itemHeadings: ItemHeadingForm[];
  caseNumbers: RegExp[];
  sections: SectionForm[];
  order: SectionRole[];
  required: Record<DocumentKind, SectionRole[]>;
  exemptItems: RegExp[];
  /** Closed items (behind closed doors): their title or a metadata line under the heading, folded to lower case. */
  closedItems: RegExp[];
  countPattern: RegExp;
  marker: string;
  outcomes: { outcome: Outcome; phrases: string[] }[];
  decisionPhrases: string[];
  /** Table vocabulary, lower case (see TableVocabularyJson). */
  tables: TableVocabulary;
  /** The resolved JSON, for tools that show or export a profile. */
  json: ProfileJson;
}

/** Whitespace that `replace(/\s+/g, ' ')` would change: two in a row, or one that is not a plain space. */
export const MAY_COLLAPSE = /\s\s|[^\S ]/;

// foldHeading's patterns, made once: it runs for most lines, and a literal inside it would be a new
// RegExp object at every call.
const MARKDOWN_HEADING_MARK = /^#{1,6}\s*/;
const EMPHASIS_MARKS = /[*_]+/g;
const TRAILING_COLON = /\s*:\s*$/;
const SPACE_RUNS = /\s+/g;
const COMBINING_MARK = /[\u0300-\u036f]/;

/** Folds a heading line for comparison: no Markdown markers, emphasis, colon or case. */
export function foldHeading(line: string): string {
  let s = line;
  if (s.startsWith('#')) s = s.replace(MARKDOWN_HEADING_MARK, '');
  if (s.includes('*') || s.includes('_')) s = s.replace(EMPHASIS_MARKS, '');
  if (s.endsWith(':') || s.endsWith(' ')) s = s.replace(TRAILING_COLON, '');
  // Most headings have single spaces only: then there is nothing to collapse (and no string to allocate).
  if (MAY_COLLAPSE.test(s)) s = s.replace(SPACE_RUNS, ' ');
  s = s.trim();
  // Decomposed letters (a + ring) come from some PDF and Mac exports; most text has none.
  if (COMBINING_MARK.test(s)) s = s.normalize('NFC');
  // Danish letters lower-case the same in every locale; the locale-free call is much faster.
  return s.toLowerCase();
}

export class ProfileError extends Error {}

function compile(pattern: string, where: string, flags = 'u'): RegExp {
  try {
    return new RegExp(pattern, flags);
  } catch (e) {
    throw new ProfileError(`${where}: invalid regular expression ${JSON.stringify(pattern)}: ${(e as Error).message}`);
  }
}

/** Resolves `extends` (keys of the child replace the parent's) and compiles the result. */
export function resolveProfile(json: ProfileJson, lookup: (id: string) => ProfileJson | undefined): Profile {
  const chain: ProfileJson[] = [];
  const seen = new Set<string>();
  for (let p: ProfileJson | undefined = json; p; p = p.extends ? lookup(p.extends) : undefined) {
    if (seen.has(p.id)) throw new ProfileError(`profile ${json.id}: "extends" forms a cycle through ${p.id}`);
    seen.add(p.id);
    chain.unshift(p);
    if (p.extends && !lookup(p.extends)) throw new ProfileError(`profile ${p.id}: extends unknown profile "${p.extends}"`);
  }
  const merged = chain.reduce<ProfileJson>((acc, p) => mergeJson(acc, p), { id: json.id, name: json.name });
  merged.id = json.id;
  merged.name = json.name;
  return compileProfile(merged);
}

function mergeJson<T>(base: T, over: T): T {
  if (Array.isArray(over) || typeof over !== 'object' || over === null) return over;
  if (typeof base !== 'object' || base === null || Array.isArray(base)) return over;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(over as Record<string, unknown>)) {
    out[k] = k in out ? mergeJson(out[k], v) : v;
  }
  return out as T;
}

function compileProfile(p: ProfileJson): Profile {
  const where = `profile ${p.id}`;
  const header = p.header ?? {};
  const fields = header.fields ?? {};
  const headerFields: { field: HeaderField; label: string }[] = [];
  for (const field of ['date', 'time', 'place', 'participants', 'absent'] as HeaderField[]) {
    for (const label of fields[field] ?? []) headerFields.push({ field, label });
  }
  // Longest label first, so "Mødedato" wins over "Dato".
  headerFields.sort((a, b) => b.label.length - a.label.length);
  return {
    id: p.id,
    name: p.name,
    description: p.description ?? '',
    detect: (p.detect?.patterns ?? []).map((d) => ({ pattern: compile(d.pattern, where), weight: d.weight })),
    titlePatterns: (header.titlePatterns ?? []).map((s) => compile(s, where)),
    kindWords: { referat: header.kindWords?.referat ?? ['referat'], dagsorden: header.kindWords?.dagsorden ?? ['dagsorden'] },
    municipalityPattern: header.municipalityPattern ? compile(header.municipalityPattern, where) : undefined,
    committeePattern: header.committeePattern ? compile(header.committeePattern, where) : undefined,
    committeeLinePattern: header.committeeLinePattern ? compile(header.committeeLinePattern, where) : undefined,
    headerFields,
    tocHeadings: new Set((p.toc?.headings ?? []).map(foldHeading)),
    itemHeadings: (p.items?.headings ?? []).map((h) => ({
      pattern: compile(h.pattern, where),
      strength: h.strength ?? 'strong',
      wrap: h.wrap ?? false,
    })),
    caseNumbers: (p.caseNumbers ?? []).map((s) => compile(s, where, 'iu')),
    sections: (p.sections ?? []).map((s) => ({
      role: s.role,
      headings: new Set((s.headings ?? []).map(foldHeading)),
      patterns: (s.patterns ?? []).map((x) => compile(x, where, 'iu')),
      firstLine: s.firstLine ? compile(s.firstLine, where, 'iu') : undefined,
      group: s.group ?? false,
    })),
    order: p.order ?? [],
    required: { referat: p.required?.referat ?? [], dagsorden: p.required?.dagsorden ?? [] },
    exemptItems: (p.exemptItems ?? []).map((s) => compile(s, where, 'iu')),
    closedItems: (p.closedItems ?? []).map((s) => compile(s, where, 'iu')),
    countPattern: compile(p.attachments?.countPattern ?? '^(?<total>\\d+)\\s+bilag\\b', where, 'iu'),
    marker: p.attachments?.marker ?? 'ANBEFALES',
    outcomes: p.outcomes ?? [],
    decisionPhrases: p.decisionPhrases ?? [],
    tables: compileTableVocabulary(p.tables ?? {}),
    json: p,
  };
}

function compileTableVocabulary(t: TableVocabularyJson): TableVocabulary {
  const low = (xs: string[] | undefined) => (xs ?? []).map((x) => x.toLowerCase().replace(/\s+/g, ' ').trim()).filter((x) => x !== '');
  return {
    totalLabels: low(t.totalLabels),
    notSumLabels: low(t.notSumLabels),
    codeColumns: low(t.codeColumns),
    subRowWords: low(t.subRowWords),
    unitPhrases: low(t.unitPhrases),
    roundedUnits: low(t.roundedUnits),
    moneyWords: low(t.moneyWords),
    differenceLabels: low(t.differenceLabels),
    differencePairs: (t.differencePairs ?? []).filter((p) => p.length === 2).map((p) => low(p)),
    explainingNotes: low(t.explainingNotes),
    balanceLabels: low(t.balanceLabels),
  };
}
