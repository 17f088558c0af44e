/**
 * The server's life: initialize (capabilities, workspace folders, trust), the first settings
 * and the workspace index, settings and trust changes, files changed on disk, and documents
 * opened, edited, saved and closed.
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { CONFIG_FILE } from '../node/config-files';
import { FIX_ALL_KIND } from './codeActions';
import { Notifications } from './protocol';
import { LEGEND } from './semanticTokens';
import { normaliseSettings } from './settings';
import { editorText } from './texts';
import type { DocumentStore } from './store';
import { MAX_INDEXED_FILES } from './workspaceIndex';

declare const REFERAT_VERSION: string;

/** The LSP file-change type of a deleted file. */
const FILE_DELETED = 3;

export const CAPABILITIES: ServerCapabilities = {
  textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
  documentSymbolProvider: { label: 'Referat' },
  foldingRangeProvider: true,
  definitionProvider: true,
  documentLinkProvider: { resolveProvider: false },
  selectionRangeProvider: true,
  workspaceSymbolProvider: true,
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
  completionProvider: { triggerCharacters: [' '] },
  hoverProvider: true,
  semanticTokensProvider: { legend: LEGEND, full: true },
};

/**
 * initialize: what the client can do and sends. Not guarded: a failure here must reach the
 * client, which then reports that the server did not start instead of running without capabilities.
 */
export function registerInitialize(store: DocumentStore): void {
  const { connection, settings } = store;
  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = params.initializationOptions as { trusted?: boolean; saveFileCommand?: boolean; settings?: unknown } | undefined;
    settings.canPull = Boolean(params.capabilities.workspace?.configuration);
    const inWorkspace = (uri: string) => store.host.pathOf(uri);
    settings.folders = (params.workspaceFolders ?? []).map((f) => inWorkspace(f.uri)).filter((f): f is string => f !== undefined);
    const root = params.rootUri ? inWorkspace(params.rootUri) : undefined;
    if (settings.folders.length === 0 && root !== undefined) settings.folders = [root];
    store.workspaceTrusted = options?.trusted !== false;
    store.clientSavesEdits = Boolean(options?.saveFileCommand);
    if (options && typeof options === 'object') settings.window = normaliseSettings(options.settings ?? options);
    return {
      capabilities: CAPABILITIES,
      serverInfo: { name: 'referat', version: typeof REFERAT_VERSION === 'string' ? REFERAT_VERSION : '0.0.0-dev' },
    };
  });
  connection.onInitialized(store.safeAsync('initialized', undefined, async () => {
    if (settings.canPull) {
      try {
        await connection.client.register(DidChangeConfigurationNotification.type, { section: 'referat' });
      } catch {
        /* the client pushes settings instead */
      }
      await settings.pullAll(store.documents.all().map((d) => d.uri));
    }
    // The folders' listings and .referat.json files within reach before the first document is checked.
    await store.host.prepare({ folders: settings.folders }).catch((e) => store.log(`workspace: ${e}`));
    store.log(`server running in ${store.host.kind === 'web-worker' ? 'a web worker (browser)' : 'Node'}`);
    store.settingsArrived();
    void scanWorkspace(store).catch((e) => store.log(`index: ${e}`));
  }));
}

/** A background index of at least this many files shows its progress (in the status bar, where the client puts a server's progress). */
const LONG_SCAN_FILES = 200;

/**
 * The background index of the workspace's minutes; minutes opened before their agenda was indexed are
 * compared with it after. A long one says how far it is ("N af M filer") and can be cancelled.
 */
async function scanWorkspace(store: DocumentStore): Promise<void> {
  const { index } = store;
  const files = store.service.files(store.settings.folders, { maxFiles: MAX_INDEXED_FILES });
  const progress = files.length >= LONG_SCAN_FILES ? await store.connection.window.createWorkDoneProgress().catch(() => null) : null;
  const say = editorText(store.windowLanguage());
  progress?.begin(say('indexingWorkspace'), 0, say('filesDone', { done: 0, found: files.length }), true);
  let shown = 0;
  const done = (count: number) => {
    const percentage = Math.floor((count / files.length) * 100);
    if (percentage === shown) return;
    shown = percentage;
    progress?.report(percentage, say('filesDone', { done: count, found: files.length }));
  };
  await index
    .scan(files, (uri) => store.readFromDiskSoon(uri), {
      uriOf: (file) => store.host.uriOf(file),
      pause: () => store.host.yieldToEvents(),
      isCancelled: () => progress?.token.isCancellationRequested ?? false,
      done,
    })
    .then(() => {
      for (const agenda of index.all()) if (agenda.kind === 'dagsorden') store.revalidateMinutesOf(agenda);
    })
    .catch((e) => store.log(`index: ${e}`))
    .finally(() => progress?.done());
}

/** Settings and workspace trust changed: every open document is checked again. */
export function registerSettingsChanges(store: DocumentStore): void {
  const { connection, settings } = store;
  connection.onNotification(Notifications.trust, store.safe('trust', undefined, (p: { trusted: boolean }) => {
    store.workspaceTrusted = p.trusted !== false;
    store.revalidateAll();
  }));
  connection.onDidChangeConfiguration(store.safeAsync('didChangeConfiguration', undefined, async (change) => {
    if (settings.canPull) await settings.pullAll(store.documents.all().map((d) => d.uri));
    else settings.window = normaliseSettings((change.settings as { referat?: unknown } | undefined)?.referat);
    // Settings changed: each document's own are asked again (pullAll did) before it is checked.
    store.revalidateAll();
  }));
}

/** Files changed on disk: a .referat.json applies anew; a closed agenda or minutes file is indexed again. */
export function registerWatchedFiles(store: DocumentStore): void {
  const { index } = store;
  store.connection.onDidChangeWatchedFiles(store.safeAsync('watchedFiles', undefined, async (params) => {
    let configChanged = false;
    const changed = params.changes.map((c) => store.host.pathOf(c.uri)).filter((f): f is string => f !== undefined);
    // A web worker's host fetches the changed files again (and learns of new and deleted ones).
    await store.host.prepare({ changed });
    for (const change of params.changes) {
      const file = store.host.pathOf(change.uri);
      if (URI.parse(change.uri).path.endsWith(`/${CONFIG_FILE}`)) {
        configChanged = true;
        store.forgetConfigProblems(change.uri);
      } else if (!store.documents.get(change.uri) && file !== undefined) {
        const before = index.get(change.uri);
        const analysis = change.type === FILE_DELETED ? null : await store.readFromDiskSoon(change.uri);
        index.update(change.uri, analysis?.model ?? null);
        const after = index.get(change.uri);
        for (const agenda of [before, after]) if (agenda?.kind === 'dagsorden') store.revalidateMinutesOf(agenda);
      }
    }
    if (configChanged) {
      store.workspace.refresh();
      store.revalidateAll();
    }
  }));
}

/** Documents opened, edited, saved and closed: validated when the settings say so. */
export function registerDocumentSync(store: DocumentStore): void {
  const { documents, settings } = store;
  // TextDocuments reports an open as a content change too; the open is validated at once.
  const justOpened = new Set<string>();
  documents.onDidOpen(store.safe('didOpen', undefined, (e) => {
    justOpened.add(e.document.uri);
    store.schedule(e.document, true);
  }));
  documents.onDidChangeContent(store.safe('didChange', undefined, (e) => {
    if (justOpened.delete(e.document.uri)) return;
    if (settings.for(e.document.uri).validate === 'onType') store.schedule(e.document);
  }));
  documents.onDidSave(store.safe('didSave', undefined, (e) => {
    if (settings.for(e.document.uri).validate !== 'off') store.schedule(e.document, true);
  }));
  documents.onDidClose(store.safe('didClose', undefined, (e) => {
    justOpened.delete(e.document.uri);
    store.forgetDocument(e.document.uri);
  }));
}
