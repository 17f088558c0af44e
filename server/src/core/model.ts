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
  // A heading the document uses across its items that no profile names (learned by parse/template.ts).
  'other',
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

/**
 * A span of years written as two four-digit years joined by a dash ("2021-2025",
 * "2012 – 2024"). Collected from the text so rules can check that a range does not
 * end before it begins; file names, URLs, case and KLE numbers are not ranges.
 */
export interface YearRange extends TextRef {
  from: number;
  to: number;
  /** Where the end year is written (what a correction replaces). */
  toRange: Range;
}

/** A CPR number as written (see MinutesDocument.personalNumbers). */
export interface PersonalNumber extends TextRef {
  /**
   * What removing the number deletes: the number with a "CPR-nr." before it, a parenthesis
   * around them and a space, so the sentence reads on. Never shown, only edited.
   */
  removal: Range;
  /** The birth date it encodes, YYYY-MM-DD (the century follows from the seventh digit). Never shown. */
  birthDate: string;
  /** The number with its last four digits masked, as the internal documents' quick fix writes it ("010203-xxxx"). Never shown. */
  masked: string;
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
  /**
   * The item the entry names, paired once by the parser (pairContents in core/toc-match.ts) for
   * RF011, go-to-definition, document links and the "Update table of contents" edit: its index
   * in `items`, or null when no item matches. An index, not the item's number: a document with
   * numbering errors can have two items with one number.
   */
  item: number | null;
  /** Paired with an item whose title is the entry's (after folding, see foldTocTitle). */
  sameTitle: boolean;
  /** Paired with an item that stands in another place among the items than the entry among the entries. */
  outOfOrder: boolean;
  /**
   * Paired with an item whose title begins with the entry's, cut at a word: perhaps a title the
   * contents shortened, perhaps one cut for lack of room (RF011 tells it, as information). A title
   * cut inside a word is cut for lack of room: that is the same title (sameTitle).
   */
  shortened?: boolean;
  /**
   * The page number follows the title without a leader or a tab ("… ved Skovv 17", a title cut for
   * lack of room loses its leader), so the number may also be the title's last word.
   */
  pageAfterTitle?: boolean;
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
  /**
   * The Markdown markers and emphasis written around the heading on its line
   * ("### **" and "**" for "### **Indstilling**"), when there are any. Kept so a
   * quick fix that inserts a missing section can write it in the document's own style.
   */
  decoration?: { before: string; after: string };
}

export interface Decision {
  /** The decision text as written (its paragraphs joined by a blank line). */
  text: string;
  outcome: Outcome | null;
  /**
   * True when a heading says "this is the decision" (Beslutning, "Vedtagelse i … den …"); false when the
   * document labels no decision and the decision is the item's text under no section (see Item.looseText).
   */
  labelled: boolean;
  /** The decision's section; absent for an unlabelled decision. */
  section?: Section;
  /** The lines of the decision text, in order. */
  body: TextRef[];
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
  /** The body that treated the item ("Erhvervsudvalget"). */
  body?: string;
  date?: DateRef;
  /** The item's number at that meeting ("… Punkt 3"): an Item.number of the earlier minutes. */
  itemNumber?: number;
}

export interface Cell extends TextRef {
  /** The numeric value when the cell is a number; null for '-' (none); undefined for text. */
  value?: number | null;
  /*
   * How the number is written, for the table checks (RF101–RF105): rounding, units,
   * footnote markers and malformed numbers. Absent when the cell is text or plain.
   */
  /** Digits after the decimal comma, when there are any ("14,4" → 1): the rounding. */
  decimals?: number;
  /** The unit written with the number ("kr.", "mio. kr.", "pct.", "%"). */
  unit?: string;
  /** A footnote marker written next to the number ("*", "*)", "(*)", "¹", "(1)"). */
  marker?: string;
  /** True when the grouping dots are not groups of three ("500.00 kr."): the value is a guess. */
  malformed?: boolean;
}

export interface Row {
  line: number;
  range: Range;
  cells: Cell[];
}

/** A note under a table: "1 Heraf 10 til …", "*) Foreløbige tal", "Note: Tallene er afrundede". */
export interface Footnote extends TextRef {
  /** The marker as written without parentheses ("1", "*", "¹"); null for a "Note:" line. */
  marker: string | null;
  /** The note's text after the marker. */
  body: string;
}

export interface Table {
  /**
   * 'cells': one cell a line, row after row (text copied from a web page or a PDF table).
   * 'stacked': one cell a line, column after column: all the labels, then all the amounts (PDF text).
   */
  form: 'tab' | 'pipe' | 'space' | 'cells' | 'stacked';
  range: Range;
  rows: Row[];
  /**
   * Lines just above a space-separated table that head its columns: PDF text puts the
   * header on lines of its own ("Første kvartal 2019 Nystartede Tilflyttere …", "Kommuner").
   * Kept apart from `rows` because they are not split into cells.
   */
  head?: TextRef[];
  /**
   * Short lines just above a tab, pipe or one-cell-a-line table (a caption, "1.000 kr." on
   * a line of its own): they may state the unit of its amounts. Absent when none.
   */
  above?: TextRef[];
  /**
   * Set when the table may begin above the first row read (one cell a line, a number right above it):
   * its totals may lack addends, so a sum that does not add up is not reported.
   */
  cut?: boolean;
  /**
   * Footnotes and notes written under the table. The table checks need them: "751"
   * over a footnote "1 Heraf …" is "75" with its marker glued on.
   */
  footnotes: Footnote[];
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
  /**
   * Lines under the heading that stand under no section and are not metadata (case number, "Label: value"
   * lines, the title written again): where a document that labels no decision writes the decision.
   */
  looseText: TextRef[];
  /**
   * Set when the item is a closed item (treated behind closed doors): the marker that says
   * so, in the title ("Lukket punkt: …", "… (FOR LUKKEDE DØRE)") or on a metadata line
   * under the heading ("Sagstype: Lukket"), as the profile's `closedItems` patterns find it.
   * RF201 reads it: a public document may show only the title and the decision of such an
   * item. A closed item is also exempt (see `exempt`).
   */
  closed?: TextRef;
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
  /** The message filled in both languages (the adapter picks one). */
  message: { da: string; en: string };
  /** Which message of the code's catalogue (core/messages.ts), and its placeholder data: what tests assert. */
  messageId?: string;
  messageData?: Record<string, string | number | { da: string; en: string }>;
  related?: RelatedInfo[];
  fixes?: Fix[];
  data?: unknown;
  /** Stable across edits elsewhere in the document (node/fingerprint.ts); set by the adapters. */
  fingerprint?: string;
  /** Where the finding is in the published original (a PDF's page, an HTML line): set by the adapters that read one. */
  source?: SourceLocation;
}

/**
 * The formats a document may come in: text as it is, and the formats minutes are published in (read into
 * text by the input readers, server/src/readers/, which define the same union: a test keeps them equal).
 */
export type SourceFormat = 'text' | 'html' | 'docx' | 'pdf';

/** A place in the published original: the page (and position) of a PDF, the line and column of HTML, a DOCX paragraph. */
export interface SourceLocation {
  page?: number;
  /** On a PDF page: where the line's first text stands, in PDF points from the page's top left corner. */
  x?: number;
  y?: number;
  line?: number;
  column?: number;
  paragraph?: number;
}

/** How often the document uses one section heading across its items (see InferredTemplate.sections). */
export interface HeadingUsage {
  /** The heading as first written (without a captured date or body for decision headings). */
  heading: string;
  role: SectionRole;
  /** In how many items it stands. */
  items: number;
  /** In how many of its occurrences nothing is written under it before the next heading. */
  empty: number;
  /** Learned from the document (the profile does not know it). */
  learned: boolean;
  /** The document uses it as a group heading over other headings (learned, and empty nearly every time). */
  group: boolean;
}

/**
 * What the parser inferred from the document itself, with the evidence, so that rules judge an item by its
 * document's own conventions and hover and `outline --format json` can show why.
 */
/**
 * What decided which lines head the items: a form trusted wherever it stands ("Punkt 3:", "Pkt. 3"); the document's
 * evidence for weakly written numbered lines (sections or a case number after them, the contents, the sequence;
 * parse/heading-evidence.ts); a list of titles only under a header naming the kind (an agenda notice); or the
 * starts of page lines in text that lost its line breaks (parse/lost-lines.ts); or no heading at all, where the
 * text is one item of a meeting whose sections show it (a page of one item: `sectionsOnly`, no item is read).
 */
export type ItemBasis = 'form' | 'evidence' | 'titleList' | 'pageStarts' | 'sectionsOnly';

export interface InferredTemplate {
  /** How many items the document has. */
  itemCount: number;
  /**
   * The first and last number of the document's item sequence, and (when there are any) the indices of the items
   * where it starts again from 1 by design (closed items numbered apart); null without items.
   */
  numbering: { first: number; last: number; restarts?: number[] } | null;
  /** What decided which lines head the items. */
  itemBasis: ItemBasis;
  /** Lines written like item headings that restart the numbering inside an item (body text, not items). */
  nestedItemHeadings: TextRef[];
  /** The detected profile that found no item, when the generic reading was used instead. */
  profileFallback?: string;
  /** The section headings the document uses, keyed by folded heading, in first-seen order. */
  sections: Record<string, HeadingUsage>;
  /** How the document writes decisions: under a heading, as text under no heading, or not at all. */
  decisions: 'labelled' | 'unlabelled' | 'none';
  /** What decided the kind: the header's own word, decisions written in the items, or neither. */
  kindFrom: 'header' | 'decisions' | 'noDecisions';
}

export interface MinutesDocument {
  /** Null when the text is not recognised as minutes or an agenda. */
  kind: DocumentKind | null;
  /** The profile the document was parsed with. */
  profile: string;
  header: Header | null;
  toc: TableOfContents | null;
  items: Item[];
  /** Tables outside any item (rare). */
  tables: Table[];
  lineCount: number;
  /** True when the text holds no visible character at all (an empty file, or spaces and line breaks only). */
  blank?: boolean;
  /**
   * Every calendar date written in the text (header, contents, items, decision headings),
   * in document order, each with the weekday written before it when there is one.
   * Rules on dates (weekday, impossible dates) read them here rather than in the text.
   * Dates inside URLs and file names ("…-2020-08-10.pdf") are not collected.
   */
  dates: DateRef[];
  /** Every year range ("2021-2025") written in the text, in document order. */
  yearRanges: YearRange[];
  /**
   * Every CPR number (Danish personal identity number, "DDMMYY-XXXX" or ten digits with a
   * real birth date) written in the text, in document order: header, items and tables.
   * Collected by parse/cpr.ts so RF200 can stop minutes with one from being published
   * without the rule reading the text; phone numbers, amounts, case and account numbers
   * are left out there.
   */
  personalNumbers: PersonalNumber[];
  /**
   * The line terminator the document uses ("\n", "\r\n" or "\r"; the first one found),
   * so quick fixes that insert or rewrite lines keep the document's own line endings.
   */
  eol?: string;
  /** The document's own conventions, inferred once (absent for text that is not minutes). */
  template?: InferredTemplate;
  /**
   * Set when the text lost its line breaks (one line per PDF page, parse/lost-lines.ts): its structure cannot be
   * read, so the rules on structure are not run, and RF092 says how to get the lines back.
   */
  lineBreaksLost?: { pages: number; firstPage: number };
  /** The format the document was published in, when its text was read from one (absent: text as written). */
  sourceFormat?: SourceFormat;
  /**
   * The lines laid out from a PDF's text positions (an untagged page: baselines as lines, wide gaps as cell
   * breaks), absent when none. A table on them is a guess about where its cells begin, so the table rules
   * report its sums one step lower and say so (rules/table-common.ts).
   */
  laidOut?: LineSpan[];
}

/** Lines `from` through `to` of the text (0-based, both included). */
export interface LineSpan {
  from: number;
  to: number;
}
