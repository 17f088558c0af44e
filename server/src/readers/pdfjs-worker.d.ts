/** pdf.js's worker module (no types of its own): imported only to hand it to pdf.js's fake worker. */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
