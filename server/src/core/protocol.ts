/**
 * The custom protocol between Referat's VS Code client and its language server: the method names, one
 * definition for both sides (the server's features/protocol.ts and the client's protocol.ts re-export it).
 * Pure data, so the client may bundle it.
 */
export const Requests = {
  status: 'referat/status',
  validateWorkspace: 'referat/validateWorkspace',
  overview: 'referat/overview',
  editsForCommand: 'referat/editsForCommand',
  newDocument: 'referat/newDocument',
  /** The template profiles a new document can follow: id and the municipality's name. */
  profiles: 'referat/profiles',
  /** The text the server reads from a published file (PDF, Word, web page), for its read-only view: { uri, withKind?, changed? } → SourceText. */
  sourceText: 'referat/sourceText',
  /** Where a line of a published file's view came from in the original: { uri, line } → the reader's place, or null. */
  sourcePlace: 'referat/sourcePlace',
} as const;
export const Notifications = {
  recognised: 'referat/recognised',
  /** Client → server: the workspace was trusted (Restricted Mode ended). */
  trust: 'referat/trust',
} as const;

/**
 * The read-only view of a published file: the original's path with SOURCE_VIEW_SUFFIX under this scheme
 * (`referat-source:/archive/2024-03.pdf.referat`). The suffix gives the view the referat language in every
 * editor and after a reload, without a language switch; the scheme tells every feature the view is read
 * from a file Referat never writes.
 */
export const SOURCE_VIEW_SCHEME = 'referat-source';
export const SOURCE_VIEW_SUFFIX = '.referat';

/**
 * The names of the formats minutes are published in, which open as text. The same list as the readers'
 * PUBLISHED_EXTENSIONS (test/unit/source-view.test.ts keeps them equal): the core never imports a reader.
 */
export const PUBLISHED_EXTENSIONS = ['.pdf', '.docx', '.html', '.htm'] as const;

/** True for the name of a file in a published format (any case: REFERAT.PDF too). */
export function isPublishedName(name: string): boolean {
  const lower = name.toLowerCase();
  return PUBLISHED_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** The path of a published file's view, from the original's path. */
export function sourceViewPath(originalPath: string): string {
  return originalPath + SOURCE_VIEW_SUFFIX;
}

/** The original's path, from a view's path; null when the path is no view of a published file. */
export function originalPathOf(viewPath: string): string | null {
  if (!viewPath.endsWith(SOURCE_VIEW_SUFFIX)) return null;
  const original = viewPath.slice(0, -SOURCE_VIEW_SUFFIX.length);
  return isPublishedName(original) ? original : null;
}

/** The answer to Requests.sourceText: the text read, or why it could not be read (in the user's language). */
export type SourceText =
  | { text: string; format: 'html' | 'docx' | 'pdf' | 'text'; kind?: 'referat' | 'dagsorden' | null }
  | { error: string };
