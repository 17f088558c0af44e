/**
 * The words the editor shows besides findings: completion details, hovers, progress,
 * related places in another document, command defaults. Data like every message
 * (core/messages.ts): the language is picked by index, never by a conditional.
 */
import { catalogue, textsIn } from '../core/messages';

export const EDITOR_TEXTS = catalogue('editor', {
  nextItem: { da: 'Næste punkt', en: 'Next item' },
  decision: { da: 'Beslutning', en: 'Decision' },
  requiredSection: { da: 'Afsnit, skabelonen kræver', en: 'Section the template requires' },
  templateSection: { da: 'Afsnit i skabelonen', en: 'Template section' },
  theAgenda: { da: 'Dagsordenen', en: 'The agenda' },
  nestedHeading: {
    da: 'Læses som tekst i punktet over, ikke som et nyt punkt: nummereringen starter forfra inde i punktet (fx en liste over et andet udvalgs beslutninger).',
    en: "Read as text of the item above, not as a new item: the numbering restarts inside the item (a list of another committee's decisions, say).",
  },
  unlabelledDecision: {
    da: '_Beslutningen står uden overskrift: dokumentet skriver sine beslutninger som tekst direkte under punktets overskrift._',
    en: '_The decision has no heading: the document writes its decisions as text directly under the item heading._',
  },
  sections: { da: 'Afsnit: {sections}', en: 'Sections: {sections}' },
  ignoreInDocument: { da: 'Ignorér {code} i dette dokument (i {file})', en: 'Ignore {code} in this document (in {file})' },
  newItemTitle: { da: 'Titel', en: 'Title' },
  validatingWorkspace: { da: 'Referat: kontrollerer arbejdsområdet', en: 'Referat: validating workspace' },
  fixAllSafe: { da: 'Ret alt, der kan rettes sikkert (Referat)', en: 'Fix all safe problems (Referat)' },
});

/** `editorText(language)('nextItem')`. */
export const editorText = textsIn(EDITOR_TEXTS);
