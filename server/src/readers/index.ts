/**
 * Which reader reads a file, by its name, and the reader itself, loaded only when such a file is met (the
 * PDF reader's library is large: a server that never sees a PDF never initialises it). The published formats'
 * readers come from published.ts, which the Node bundles load from a file of their own (esbuild.js).
 */
import type { InputReader, SourceFormat } from './reader';

export * from './reader';

const BY_EXTENSION: Record<string, SourceFormat> = {
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.html': 'html',
  '.htm': 'html',
};

/** The format a file's name says (text for every other name). */
export function formatOfName(name: string): SourceFormat {
  const dot = name.lastIndexOf('.');
  return (dot >= 0 && BY_EXTENSION[name.slice(dot).toLowerCase()]) || 'text';
}

/** The extensions of the published formats ('.pdf', '.docx', '.html', '.htm'). */
export const PUBLISHED_EXTENSIONS = Object.keys(BY_EXTENSION);

/** The reader of a format. */
export async function loadReader(format: SourceFormat): Promise<InputReader> {
  switch (format) {
    case 'text':
      return (await import('./text')).textReader;
    case 'html':
      return (await import('./published')).htmlReader;
    case 'docx':
      return (await import('./published')).docxReader;
    case 'pdf':
      return (await import('./published')).pdfReader;
  }
}
