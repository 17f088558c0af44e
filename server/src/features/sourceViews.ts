/**
 * The requests behind a published file's read-only view: its text (the client's content provider shows
 * it, and the editor then sends it back as an ordinary document), and where a line of it is in the
 * original (the client's "Open the original" goes there).
 */
import { analyze } from '../core/analyze';
import { Requests, type SourceText } from '../core/protocol';
import type { SourcePlace } from '../readers/index';
import { originalFileOf, unreadableText, whyUnreadable } from './publishedSources';
import type { DocumentStore } from './store';

export function registerSourceViews(store: DocumentStore): void {
  // Only a bug lands here (a file that cannot be read is answered by sourceText); the log has the details.
  const failed: SourceText = { error: 'Referat kunne ikke læse filen (se Output › Referat).' };
  store.connection.onRequest(Requests.sourceText, store.safeAsync('sourceText', failed, (p: { uri: string; withKind?: boolean; changed?: boolean }) => sourceText(store, p.uri, p.withKind === true, p.changed === true)));
  store.connection.onRequest(Requests.sourcePlace, store.safe('sourcePlace', null as SourcePlace | null, (p: { uri: string; line: number }) =>
    store.sources.get(p.uri)?.sourceMap.placeOf(p.line) ?? null,
  ));
}

/**
 * The text of a view, or why it cannot be read. withKind: also whether it is minutes (the client offers the
 * view of a web page only then; a web developer's pages are left alone). changed: the client saw the file
 * change, so it is read again.
 */
async function sourceText(store: DocumentStore, uri: string, withKind: boolean, changed: boolean): Promise<SourceText> {
  const file = originalFileOf(uri);
  const language = store.windowLanguage();
  if (file === null) return { error: unreadableText(uri, { da: 'er ikke en PDF-, Word- eller HTML-fil', en: 'is not a PDF, Word or HTML file' }, language) };
  try {
    const read = await store.sources.read(uri, changed);
    const kind = withKind ? analyze(read.text, { config: store.configFor(uri), sourceFormat: read.format }).model.kind : undefined;
    return { text: read.text, format: read.format, ...(kind !== undefined ? { kind } : {}) };
  } catch (e) {
    store.log(`${file}: ${(e as Error).message}`);
    return { error: unreadableText(file, whyUnreadable(e), language) };
  }
}
