/**
 * The document model: what the parser understands of a meeting's minutes or agenda.
 * Every range is an LSP range (0-based line, UTF-16 character) into the original text.
 * Nothing here imports an editor or a protocol library.
 */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A piece of text with the place it was written. */
export interface TextRef {
  text: string;
  range: Range;
}

export type DocumentKind = 'referat' | 'dagsorden';

/** Roles a section heading can play; the enum is mirrored in profile.schema.json. */
export const SECTION_ROLES = [
  'summary',
  'background',
  'presentation',
  'economy',
  'legal',
  'policy',
  'information',
  'consultation',
  'assessment',
  'decidedBy',
  'recommendation',
  'decision',
  'attachmentCount',
  'attachmentList',
  'earlierTreatment',
  'otherDocuments',
  'group',
] as const;
export type SectionRole = (typeof SECTION_ROLES)[number];

/** Normalised decision outcomes; the enum is mirrored in profile.schema.json. */
export const OUTCOMES = [
  'approved',
  'approvedWithChanges',
  'rejected',
  'noted',
  'postponed',
  'recommended',
  'discussed',
  'other',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** A calendar date as written, with its ISO form when it is a real date. */
export interface DateRef extends TextRef {
  /** YYYY-MM-DD, or null when the written date does not exist (31-11-2021). */
  iso: string | null;
  year: number;
  month: number;
  day: number;
  /** The weekday as written next to the date ("Onsdag"), if any. */
  weekday?: TextRef;
}

export interface Header {
  range: Range;
  /** The title line ("REFERAT Erhvervsudvalget d. 03-11-2021", "### Dagsorden"). */
  title?: TextRef;
  /** The kind the header itself states, before looking at the items. */
  statedKind: DocumentKind | null;
  municipality?: TextRef;
  committee?: TextRef;
  date?: DateRef;
  /** Dates written in the header other than the meeting date (e.g. the title's). */
  otherDates: DateRef[];
  time?: TextRef;
  place?: TextRef;
  participants: TextRef[];
  absent: TextRef[];
}

export interface TocEntry {
  /** The Punkt number when the line states one. */
  number: number | null;
  title: string;
  titleRange: Range;
  page: number | null;
  range: Range;
}

export interface TableOfContents {
  heading?: TextRef;
  /** How the entries are written, so a rewrite can keep the document's own form. */
  form: 'dots' | 'pipe' | 'numbered';
  entries: TocEntry[];
  range: Range;
}

export interface Section {
  /** The heading as written, without Markdown markers or emphasis. */
  heading: string;
  role: SectionRole;
  headingRange: Range;
  /** From the heading to the last line before the next section or item. */
  range: Range;
  /** Non-blank lines under the heading, in order. */
  body: TextRef[];
  /** Named groups captured by the heading pattern (e.g. the date of "Vedtagelse i … den …"). */
  captures: Record<string, TextRef>;
}

export interface Decision {
  /** The decision text as written (its paragraphs joined by a blank line). */
  text: string;
  outcome: Outcome | null;
  section: Section;
  /** The date in the decision heading ("Vedtagelse i Erhvervsudvalget den 03-11-2021"). */
  date?: DateRef;
}

export interface AttachmentCount extends TextRef {
  total: number;
  /** "heraf N anbefales"; null when the line says nothing about recommendations. */
  recommended: number | null;
  /** The sub-point of a Meddelelser item the count belongs to ("4." above it), if any. */
  subPoint: number | null;
}

export interface Attachment extends TextRef {
  /** The title without number and marker. */
  title: string;
  /** A leading number such as "1.4" (Meddelelser sub-point 4, attachment list). */
  number?: TextRef;
  /** The recommendation marker as written, when there is one (possibly misspelt). */
  marker?: TextRef;
}

export interface EarlierTreatment extends TextRef {
  body?: string;
  date?: DateRef;
  punkt?: number;
}

export interface Cell extends TextRef {
  /** The numeric value when the cell is a number; null for '-' (none); undefined for text. */
  value?: number | null;
}

export interface Row {
  line: number;
  range: Range;
  cells: Cell[];
}

export interface Table {
  form: 'tab' | 'pipe' | 'space';
  range: Range;
  rows: Row[];
}

export interface Item {
  number: number;
  numberRange: Range;
  title: string;
  titleRange: Range;
  /** The heading line(s) of the item. */
  headingRange: Range;
  /** From the heading to the end of the item's last line. */
  range: Range;
  /** A category marker written before the title (Høje-Taastrup's "A"). */
  category?: TextRef;
  caseNumber?: TextRef;
  earlierTreatments: EarlierTreatment[];
  sections: Section[];
  decision: Decision | null;
  attachmentCounts: AttachmentCount[];
  attachments: Attachment[];
  tables: Table[];
  /** True when the profile says items like this need no decision or recommendation. */
  exempt: boolean;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: { da: string; en: string };
  edits: TextEdit[];
  /** Safe for "fix all": cannot change what the document means. */
  safe?: boolean;
}

export interface RelatedInfo {
  range: Range;
  message: { da: string; en: string };
}

export interface Finding {
  code: string;
  severity: Severity;
  range: Range;
  message: { da: string; en: string };
  related?: RelatedInfo[];
  fixes?: Fix[];
  data?: unknown;
}

export interface MinutesDocument {
  /** Null when the text is not recognised as minutes or an agenda. */
  kind: DocumentKind | null;
  /** The profile the document was parsed with. */
  profile: string;
  /** Evidence score of the detection (0 for text that is not minutes). */
  score: number;
  header: Header | null;
  toc: TableOfContents | null;
  items: Item[];
  /** Tables outside any item (rare). */
  tables: Table[];
  lineCount: number;
  /** Things the parser could not make sense of. */
  problems: Finding[];
}
