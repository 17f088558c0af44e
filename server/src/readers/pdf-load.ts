/**
 * pdf.js, loaded the first time a PDF is met, quietly and without a worker file.
 *
 * pdf.js parses in a "worker"; outside a browser it runs a fake one in the same thread, which imports the
 * worker module from `GlobalWorkerOptions.workerSrc` (a path pdf.js derives from `import.meta.url`, empty in
 * esbuild's CommonJS bundle) unless `globalThis.pdfjsWorker` already holds it. So the worker module is
 * imported here, into the same bundle, and handed over that way: no file to find at run time, in the CLI, the
 * packaged extension or a web worker.
 *
 * pdf.js reports its warnings on the console (`Warning: …`), some of them while its module loads, before any
 * `verbosity` option can be given. JSON and SARIF go to stdout, so those load-time warnings are dropped here;
 * the documents themselves are opened with `verbosity: 0` (errors only, which pdf.js also turns into
 * exceptions that the reader reports).
 */
import type * as PdfJs from 'pdfjs-dist';
import { ensureDomMatrix } from './pdf-matrix';

export type PdfLib = typeof PdfJs;

let loading: Promise<PdfLib> | undefined;

/** pdf.js, ready to open documents (loaded once). */
export function loadPdfJs(): Promise<PdfLib> {
  loading ??= quietly(async () => {
    // pdf.js's module builds a DOMMatrix as it loads (pdf-matrix.ts).
    ensureDomMatrix();
    const { lib, worker } = await import('./pdfjs-bundle');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return lib as PdfLib;
  });
  return loading;
}

/** Runs `load` with pdf.js's console warnings (`Warning: …`) dropped; every other message passes. */
async function quietly<T>(load: () => Promise<T>): Promise<T> {
  const { log, warn } = console;
  const drop =
    (pass: (...args: unknown[]) => void) =>
    (...args: unknown[]): void => {
      if (typeof args[0] === 'string' && args[0].startsWith('Warning: ')) return;
      pass(...args);
    };
  console.log = drop(log);
  console.warn = drop(warn);
  try {
    return await load();
  } finally {
    console.log = log;
    console.warn = warn;
  }
}
