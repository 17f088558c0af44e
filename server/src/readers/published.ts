/**
 * The readers of the published formats (web page, Word file, PDF) in one module, which the Node builds (esbuild.js)
 * make a file of their own, dist/readers.js, required on the first such file: a language server or a CLI run that
 * meets none never holds their code or parse5's and mammoth's (about 1.1 MB of source, some 3 MB of memory). Any
 * other bundle (tests, a web worker) takes it in as it is.
 */
export { htmlReader } from './html';
export { docxReader } from './docx';
export { pdfReader } from './pdf';
