/**
 * The custom requests of our client (features/protocol.ts): the status bar, the overview,
 * the editing commands' edits, new documents and "validate workspace".
 */
import type { TextEdit as CoreTextEdit } from '../core/model';
import type { Item } from '../core/model';
import { agendaToMinutesEdits, newDocumentText, newItemEdit, renumberEdits, updateTocEdits } from '../core/edits';
import { overview, overviewAsCsv, overviewAsMarkdown } from '../core/overview';
import { builtinProfiles } from '../core/profiles/builtin';
import { hasText } from '../core/sections';
import { Requests } from './protocol';
import { isSourceView } from './publishedSources';
import type { DocumentStore } from './store';
import { editorText } from './texts';
import { registerValidateWorkspace } from './validateWorkspace';

export function registerCommands(store: DocumentStore): void {
  registerStatus(store);
  registerOverview(store);
  registerEditsForCommand(store);
  registerNewDocument(store);
  registerValidateWorkspace(store);
}

/** The status bar: kind, profile, decisions written, and the counts of what Problems shows. */
function registerStatus(store: DocumentStore): void {
  store.connection.onRequest(Requests.status, store.safeAsync('status', null, async (p: { uri: string }) => {
    const s = await store.servedAt(p.uri);
    if (!s) return null;
    const shown = store.documentFindings(p.uri, s.analysis);
    const count = (sev: string) => shown.filter((f) => f.severity === sev).length;
    const { model } = s.analysis;
    // What Problems does not say: how many of the items that need a decision have one written.
    const needing = model.kind === 'referat' ? model.items.filter((i) => !i.exempt) : [];
    return {
      kind: model.kind,
      profile: model.profile,
      profileName: s.analysis.profile.name,
      items: model.items.length,
      decisions: model.kind === 'referat' ? { written: needing.filter(hasDecisionText).length, needed: needing.length } : null,
      errors: count('error'),
      warnings: count('warning'),
      infos: count('information') + count('hint'),
    };
  }));
}

/** An item whose decision has text: a labelled one with more than a placeholder, or an unlabelled one. */
function hasDecisionText(item: Item): boolean {
  const decision = item.decision;
  if (!decision) return false;
  return decision.section ? hasText(decision.section) : decision.body.length > 0;
}

type OverviewAnswer = { overview: ReturnType<typeof overview>; text: string | null } | null;

/** The overview of a document, and as Markdown or CSV when asked. */
function registerOverview(store: DocumentStore): void {
  store.connection.onRequest(Requests.overview, store.safeAsync('overview', null as OverviewAnswer, async (p: { uri: string; format?: 'md' | 'csv' }): Promise<OverviewAnswer> => {
    const s = await store.servedAt(p.uri);
    if (!s) return null;
    const o = overview(s.analysis.model, s.analysis.profile, store.documentFindings(p.uri, s.analysis), s.language);
    const text = p.format === 'md' ? overviewAsMarkdown(o, s.language) : p.format === 'csv' ? overviewAsCsv(o, s.language) : null;
    return { overview: o, text };
  }));
}

/** The edits of an editing command; the client applies them (the server never writes). */
function registerEditsForCommand(store: DocumentStore): void {
  store.connection.onRequest(Requests.editsForCommand, store.safeAsync('editsForCommand', [] as CoreTextEdit[], async (p: { uri: string; command: string; title?: string }) => {
    const doc = store.documents.get(p.uri);
    // A published file's view is never edited (the client says why before it asks).
    if (isSourceView(p.uri)) return [];
    const s = await store.served(doc);
    if (!doc || !s) return [];
    const { model, profile } = s.analysis;
    const lineText = (line: number) => doc.getText({ start: { line, character: 0 }, end: { line, character: Number.MAX_SAFE_INTEGER } }).replace(/\r?\n$/, '');
    switch (p.command) {
      case 'newItem':
        return [newItemEdit(model, profile, lineText, doc.positionAt(doc.getText().length), p.title || editorText(s.language)('newItemTitle'))];
      case 'renumber':
        return renumberEdits(model);
      case 'updateToc':
        return updateTocEdits(model);
      case 'agendaToMinutes':
        return agendaToMinutesEdits(model, profile);
      default:
        return [];
    }
  }));
}

/** The template profiles a new document can follow, and the text of a new one. */
function registerNewDocument(store: DocumentStore): void {
  store.connection.onRequest(Requests.profiles, store.safe('profiles', [] as { id: string; name: string }[], () =>
    builtinProfiles().all().map((p) => ({ id: p.id, name: p.name })),
  ));
  store.connection.onRequest(Requests.newDocument, store.safe('newDocument', '', (p: { profile: string; kind: 'referat' | 'dagsorden'; committee?: string; date?: string }) => {
    const registry = builtinProfiles();
    const profile = registry.get(registry.has(p.profile) ? p.profile : 'generic');
    const date = p.date ? new Date(p.date + 'T12:00:00') : new Date();
    return newDocumentText(profile, p.kind === 'referat' ? 'referat' : 'dagsorden', p.committee || 'Udvalget', date);
  }));
}
