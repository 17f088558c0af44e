/**
 * pdf.js and its worker module in one module, which the CLI's build (esbuild.js) makes a file of its own,
 * dist/pdfjs.js, loaded on the first PDF: a run that meets none never parses its 1.7 MB. Any other bundle
 * (tests, a web worker) takes it in as it is.
 */
export * as lib from 'pdfjs-dist/legacy/build/pdf.mjs';
export * as worker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
