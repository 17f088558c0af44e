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
  indexingWorkspace: { da: 'Referat: læser arbejdsområdets referater', en: "Referat: reading the workspace's minutes" },
  fixAllSafe: { da: 'Ret alt, der kan rettes sikkert (Referat)', en: 'Fix all safe problems (Referat)' },
  filesDone: { da: '{done} af {found} filer', en: '{done} of {found} files' },
  placePage: { da: 'side {page}', en: 'page {page}' },
  placeHtmlLine: { da: 'linje {line} i HTML-filen', en: 'line {line} of the HTML file' },
  placeWordParagraph: { da: 'afsnit {paragraph} i Word-filen', en: 'paragraph {paragraph} of the Word file' },
  inOriginal: { da: '{message} ({place})', en: '{message} ({place})' },
  hoverInOriginal: { da: '_I originalen: {place}_', en: '_In the original: {place}_' },
  theOriginal: { da: 'Originalen', en: 'The original' },
  cannotOpenAsText: { da: 'Åbn som tekst: {file} {why}', en: 'Open as text: {file} {why}' },
  readOnlyView: {
    da: 'Kan ikke rettes her: teksten er læst fra den publicerede fil, som Referat aldrig ændrer. Eksportér teksten og ret i den',
    en: 'Cannot be fixed here: the text is read from the published file, which Referat never changes. Export the text and fix it there',
  },
});

/** `editorText(language)('nextItem')`. */
export const editorText = textsIn(EDITOR_TEXTS);
