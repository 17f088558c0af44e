/**
 * What the web worker's bundle takes in place of pdf.js (esbuild.js): pdf.js is 3 MB, and in a web worker it
 * would need a nested worker of its own (it answers any message on the worker it shares), so the browser
 * build reads no PDF yet. Loading it refuses the file with a message that says where it can be read.
 */
import { UnreadableInputError } from '../readers/reader';

throw new UnreadableInputError({
  da: 'kan ikke læses i browseren (PDF). Referat læser PDF-filer i VS Code på computeren og på kommandolinjen (referat check).',
  en: 'cannot be read in the browser (PDF). Referat reads PDF files in desktop VS Code and on the command line (referat check).',
});
