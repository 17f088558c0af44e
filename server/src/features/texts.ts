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
  basisEvidence: {
    da: '_Læst som punkt ud fra dokumentets egne tegn: nummeret fortsætter rækken, og overskriften efterfølges af afsnit, et sagsnummer eller står i indholdsfortegnelsen._',
    en: "_Read as an item from the document's own evidence: the number continues the sequence, and sections, a case number or the contents follow or list the heading._",
  },
  basisTitleList: {
    da: '_Læst som punkt i en dagsorden, der kun oplister punkternes titler under en overskrift, der siger, hvad dokumentet er._',
    en: '_Read as an item of an agenda that lists only its items\' titles under a header that says what the document is._',
  },
  basisPageStarts: {
    da: '_Teksten har mistet sine linjeskift: punktet er læst ud fra nummer og titel i starten af en side, og afsnittene er ikke kontrolleret (RF092)._',
    en: '_The text has lost its line breaks: the item is read from the number and title at the start of a page, and its sections are not checked (RF092)._',
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
