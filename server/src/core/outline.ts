/**
 * The outline contract shared by the CLI (`outline --format json`) and the tests:
 * a stable, plain-JSON view of the model. Keep the shape stable: later features add
 * fields, they never rename or remove one.
 */
import { catalogue, textsIn, type Language } from './messages';
import type { DocumentKind, ItemBasis, MinutesDocument, Outcome, Range, SectionRole } from './model';
import { redactCpr } from './redact';

export interface OutlineSection {
  heading: string;
  role: SectionRole;
  range: Range;
}

export interface OutlineItem {
  number: number;
  title: string;
  range: Range;
  caseNumber: string | null;
  category: string | null;
  exempt: boolean;
  /** The decision status (decisionStatusOf), the same the editor's outline and overview show. */
  decisionStatus: DecisionStatus;
  sections: OutlineSection[];
  /** labelled: under a decision heading; false: the item's text under no heading (see OutlineTemplate.decisions). */
  decision: { text: string; outcome: Outcome | null; labelled: boolean } | null;
}

/** What the parser inferred from the document itself (MinutesDocument.template), as evidence. */
export interface OutlineTemplate {
  decisions: 'labelled' | 'unlabelled' | 'none';
  kindFrom: 'header' | 'decisions' | 'noDecisions';
  numbering: { first: number; last: number; restarts?: number[] } | null;
  /** What decided which lines head the items (ItemBasis): a heading form, the document's evidence, a list of titles, page starts. */
  itemBasis: ItemBasis;
  /** True when the text lost its line breaks (RF092): its sections were not read. */
  lineBreaksLost: boolean;
  profileFallback: string | null;
  /** Lines written like item headings that restart the numbering inside an item: read as body text. */
  nestedItemHeadings: { line: number; text: string }[];
  /** The headings the document uses, with the number of items each stands in. */
  sections: { heading: string; role: SectionRole; items: number; learned: boolean; group: boolean }[];
}

export interface Outline {
  file: string;
  kind: DocumentKind | null;
  profile: string;
  meeting: { committee: string | null; date: string | null } | null;
  items: OutlineItem[];
  template: OutlineTemplate | null;
}

function toOutlineTemplate(model: MinutesDocument): OutlineTemplate | null {
  const t = model.template;
  if (!t) return null;
  return {
    decisions: t.decisions,
    kindFrom: t.kindFrom,
    numbering: t.numbering,
    itemBasis: t.itemBasis,
    lineBreaksLost: model.lineBreaksLost !== undefined,
    profileFallback: t.profileFallback ?? null,
    // 1-based, as a reader counts lines.
    nestedItemHeadings: t.nestedItemHeadings.map((h) => ({ line: h.range.start.line + 1, text: redactCpr(h.text, model.personalNumbers) })),
    sections: Object.values(t.sections).map(({ heading, role, items, learned, group }) => ({ heading, role, items, learned, group })),
  };
}

export function toOutline(file: string, model: MinutesDocument): Outline {
  const header = model.header;
  const meeting =
    model.kind && header && (header.committee || header.date)
      ? { committee: header.committee?.text ?? null, date: header.date?.iso ?? null }
      : null;
  return {
    file,
    kind: model.kind,
    profile: model.profile,
    meeting,
    items: model.items.map((item) => ({
      number: item.number,
      title: redactCpr(item.title, model.personalNumbers),
      range: item.range,
      caseNumber: item.caseNumber?.text ?? null,
      category: item.category?.text ?? null,
      exempt: item.exempt,
      decisionStatus: decisionStatusOf(model.kind, item),
      sections: item.sections.map((s) => ({ heading: redactCpr(s.heading, model.personalNumbers), role: s.role, range: s.range })),
      decision: item.decision
        ? { text: redactCpr(item.decision.text, model.personalNumbers), outcome: item.decision.outcome, labelled: item.decision.labelled }
        : null,
    })),
    template: toOutlineTemplate(model),
  };
}

/**
 * Danish and English labels of the outcomes, for outlines and hovers. "other" is a
 * decision Referat cannot classify ("Intet.", a free text): the label sends the reader to it
 * rather than claiming something was decided.
 */
export const OUTCOME_LABELS: Record<Outcome, { da: string; en: string }> = catalogue('outcomes', {
  approved: { da: 'Godkendt', en: 'Approved' },
  approvedWithChanges: { da: 'Godkendt med ændringer', en: 'Approved with changes' },
  rejected: { da: 'Ikke godkendt', en: 'Rejected' },
  noted: { da: 'Taget til efterretning', en: 'Noted' },
  postponed: { da: 'Udsat', en: 'Postponed' },
  recommended: { da: 'Anbefalet', en: 'Recommended' },
  discussed: { da: 'Drøftet', en: 'Discussed' },
  other: { da: 'Se beslutningen', en: 'See the decision' },
});

export const KIND_LABELS: Record<DocumentKind, { da: string; en: string }> = catalogue('kinds', {
  referat: { da: 'Referat', en: 'Minutes' },
  dagsorden: { da: 'Dagsorden', en: 'Agenda' },
});

/** The words of outlines and overviews besides outcomes and kinds. */
export const OUTLINE_TEXTS = catalogue('outline', {
  noDecisionNeeded: { da: 'ingen beslutning nødvendig', en: 'no decision needed' },
  noDecision: { da: 'mangler beslutning', en: 'no decision' },
  table: { da: 'Tabel {number}', en: 'Table {number}' },
  contents: { da: 'Indholdsfortegnelse', en: 'Contents' },
});
export const outlineText = textsIn(OUTLINE_TEXTS);

/**
 * An item's decision, decided once for every adapter (outline, overview, CLI, hover): decided (it has an
 * outcome), missing (a referat item that needs one), not needed (an exempt item of a referat), or not
 * applicable (an agenda, or text that is not minutes).
 */
export type DecisionStatus = 'decided' | 'missing' | 'notNeeded' | 'notApplicable';

export function decisionStatusOf(kind: DocumentKind | null, item: { decision: { outcome: Outcome | null } | null; exempt: boolean }): DecisionStatus {
  if (item.decision?.outcome) return 'decided';
  if (kind !== 'referat') return 'notApplicable';
  return item.exempt ? 'notNeeded' : 'missing';
}

/** The words for an item's decision status: its outcome, "mangler beslutning", "ingen beslutning nødvendig", or ''. */
export function decisionLabel(kind: DocumentKind | null, item: { decision: { outcome: Outcome | null } | null; exempt: boolean }, language: Language): string {
  const status = decisionStatusOf(kind, item);
  if (status === 'decided') return OUTCOME_LABELS[item.decision!.outcome!][language];
  if (status === 'missing') return outlineText(language)('noDecision');
  if (status === 'notNeeded') return outlineText(language)('noDecisionNeeded');
  return '';
}
