/**
 * The words of the command line besides findings: summaries, notes on fixing, outline headings. Data like
 * every message (core/messages.ts): the language is picked at the edge, never by a conditional.
 */
import type { Language } from '../core/language';
import { catalogue, textsIn } from '../core/messages';

export const CLI_TEXTS = catalogue('cli', {
  exceedsMaxWarnings: { da: '{warnings} er flere end --max-warnings {max}', en: '{warnings} exceed --max-warnings {max}' },
  notFixed: { da: 'ikke rettet: {reason}', en: 'not fixed: {reason}' },
  savedInOwnEncoding: { da: 'rettet og gemt som {encoding}, filens eget tegnsæt', en: "fixed and saved as {encoding}, the file's own encoding" },
  checked: { da: '{files} kontrolleret: {counts}', en: '{files} checked: {counts}' },
  fixesSaved: { da: '{fixes} gemt i {files}', en: '{fixes} saved in {files}' },
  oneFix: { da: '1 rettelse', en: '1 fix' },
  manyFixes: { da: '{n} rettelser', en: '{n} fixes' },
  unreadable: { da: '{files} kunne ikke læses', en: '{files} could not be read' },
  notMinutes: { da: '  (ikke genkendt som referat eller dagsorden)', en: '  (not recognised as minutes or an agenda)' },
  csvHead: { da: 'fil,art,udvalg,dato,punkt,titel,sagsnr,beslutning,udfald', en: 'file,kind,committee,date,item,title,case,decision,outcome' },
  onPage: { da: '{message} (side {page})', en: '{message} (page {page})' },
  progress: { da: '{done} af {files} filer kontrolleret', en: '{done} of {files} files checked' },
  markdownHead: { da: '| Punkt | Titel | Beslutning |', en: '| Item | Title | Decision |' },
});

/** `cliText(language)('checked', { … })`. */
export const cliText = textsIn(CLI_TEXTS);

/**
 * A finding's message as the text outputs print it: with the page of the published original where it is
 * (`… (side 3)`), since the line is the extracted text's (see `referat extract`).
 */
export function printedMessage(message: string, source: { page?: number; line?: number } | undefined, language: Language): string {
  return source?.page !== undefined ? cliText(language)('onPage', { message, page: source.page }) : message;
}
