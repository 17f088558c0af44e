/**
 * The Referat language server: a thin adapter from LSP to the core. It keeps one
 * analysis per open document version, validates while typing (debounced) and on
 * save, and never lets an exception reach the editor: a failing request answers
 * empty and is logged to the output channel.
 *
 * Start: `node dist/server.js --stdio` (any editor) or over IPC (the VS Code client).
 */
import * as path from 'node:path';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import {
  CodeActionKind,
  createConnection,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { analyze, type Analysis } from './core/analyze';
import type { Language, ReferatConfig } from './core/config';
import { CONFIG_FILE } from './node/config-files';
import { createReferatService, crossDocumentFindings, ownFindings, type CheckedDocument } from './node/service';
import { nodeWorkspace } from './node/workspace';
import { agendaToMinutesEdits, newDocumentText, newItemEdit, renumberEdits, updateTocEdits } from './core/edits';
import { hasText } from './core/rules/structure-common';
import type { Item } from './core/model';
import type { TextEdit as CoreTextEdit } from './core/model';
import { overview, overviewAsCsv, overviewAsMarkdown } from './core/overview';
import { builtinProfiles } from './core/profiles/builtin';
import { FIX_ALL_KIND, fixAll, quickFixes } from './features/codeActions';
import { completions } from './features/completion';
import { hover } from './features/hover';
import { LEGEND, semanticTokens } from './features/semanticTokens';
import { toDiagnostic } from './features/diagnostics';
import { foldingRanges } from './features/folding';
import { indexMeeting, sameMeeting, type IndexedMeeting } from './core/crossdoc';
import type { Finding } from './core/model';
import { findSwitches } from './core/suppress';
import { redactCpr } from './core/redact';
import { addIgnoreEntry, ignoreEntryFor } from './core/ignore';
import { existsSync, readFileSync } from 'node:fs';
import type { CodeAction, WorkspaceEdit } from 'vscode-languageserver/node';
import { definition, documentLinks, earlierTreatmentLinks } from './features/links';
import { selectionRanges } from './features/selection';
import { DEFAULT_SETTINGS, effectiveConfig, normaliseSettings, type EditorSettings } from './features/settings';
import { documentSymbols } from './features/symbols';
import { AnalysisPool, isAnalysisWorker, runAnalysisWorker, WORKER_THRESHOLD_CHARS } from './features/analysisPool';
import { MAX_INDEXED_FILES, readMinutes, WorkspaceIndex } from './features/workspaceIndex';
import { workspaceSymbols } from './features/workspaceSymbols';
import { editorText } from './features/texts';

/** Custom protocol between our client and server. */
export const Requests = {
  status: 'referat/status',
  validateWorkspace: 'referat/validateWorkspace',
  overview: 'referat/overview',
  editsForCommand: 'referat/editsForCommand',
  newDocument: 'referat/newDocument',
  /** The template profiles a new document can follow: id and the municipality's name. */
  profiles: 'referat/profiles',
} as const;
export const Notifications = {
  recognised: 'referat/recognised',
  /** Client → server: the workspace was trusted (Restricted Mode ended). */
  trust: 'referat/trust',
} as const;

const SERVED_LANGUAGES = new Set(['referat', 'plaintext', 'markdown']);

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const index = new WorkspaceIndex();
  /** The window's settings (no scope): for untitled documents and what no folder decides. */
  let settings: EditorSettings = DEFAULT_SETTINGS;
  /**
   * Resource-scoped settings (package.json "scope": "resource"): each open document's own
   * (asked with its URI as scope, so a multi-root folder's settings and [referat] language
   * overrides apply), and each workspace folder's for files that are not open.
   */
  const documentSettings = new Map<string, EditorSettings>();
  const folderSettings = new Map<string, EditorSettings>();
  /** The files on disk (listing, reading, .referat.json), shared with the CLI: node/workspace.ts. */
  const workspace = nodeWorkspace();
  /** What is reported for a file, the same as `referat check` (node/service.ts); the editor's settings are the layer over .referat.json. */
  const service = createReferatService({
    workspace,
    configOf: (file) => configFor(URI.file(file).toString()),
    uriOf: (file) => URI.file(file).toString(),
  });
  let workspaceFolders: string[] = [];
  let canPullConfiguration = false;
  /** The VS Code client saves a file after applying a code action's edit to it (command referat.saveFile). */
  let clientSavesEdits = false;
  /** False in VS Code's Restricted Mode (initializationOptions.trusted); editors without workspace trust send nothing. */
  let workspaceTrusted = true;
  const cache = new Map<string, { version: number; configKey: string; analysis: Analysis | Promise<Analysis> }>();
  const pool = new AnalysisPool(__filename, (m) => log(m));
  const timers = new Map<string, NodeJS.Timeout>();
  const published = new Set<string>();
  const recognised = new Set<string>();
  const configProblemsShown = new Set<string>();

  // An error's message may quote the document: the log carries no CPR number either.
  const log = (msg: string) => connection.console.log(`[referat] ${redactCpr(msg)}`);
  /** Every handler goes through this: an exception is logged and answered with the fallback. */
  const safe = <A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => R) => (...args: A): R => {
    try {
      return fn(...args);
    } catch (e) {
      log(`${name} failed: ${(e as Error).stack ?? e}`);
      return fallback;
    }
  };
  const safeAsync = <A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => Promise<R>) => async (...args: A): Promise<R> => {
    try {
      const result = await fn(...args);
      // A request the client cancelled while a large document was analysed gets the protocol's
      // "cancelled" answer instead of a stale result.
      const token = args[1] as CancellationToken | undefined;
      if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled') as unknown as R;
      return result;
    } catch (e) {
      log(`${name} failed: ${(e as Error).stack ?? e}`);
      return fallback;
    }
  };

  function fileConfig(uri: string): ReferatConfig | undefined {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file') return undefined;
    const found = workspace.configFor(parsed.fsPath);
    if (found) reportConfigProblems(found.file, found.problems);
    return found && !workspaceTrusted ? withoutWorkspaceProfiles(found.config) : found?.config;
  }

  /**
   * Restricted Mode: a workspace's own profiles are regular expressions from a folder the
   * user does not trust, and a hostile one could stall the server. They are left out (and a
   * `profile` naming one of them) until the folder is trusted; everything else applies.
   */
  function withoutWorkspaceProfiles(config: ReferatConfig): ReferatConfig {
    if (!config.profiles) return config;
    const { profiles, ...rest } = config;
    if (rest.profile && profiles.some((p) => p.id === rest.profile) && !builtinProfiles().has(rest.profile)) delete rest.profile;
    return rest;
  }

  function reportConfigProblems(file: string, problems: { range: import('./core/model').Range; message: { da: string; en: string } }[]) {
    const uri = URI.file(file).toString();
    if (configProblemsShown.has(uri)) return;
    configProblemsShown.add(uri);
    const language = settings.language || 'da';
    void connection.sendDiagnostics({
      uri,
      diagnostics: problems.map((p) =>
        toDiagnostic({ code: 'RF099', severity: 'error', range: p.range, message: p.message }, uri, language),
      ),
    });
  }

  /** The settings that apply to a document or file: its own, else its folder's, else the window's. */
  function settingsFor(uri: string): EditorSettings {
    const own = documentSettings.get(uri);
    if (own) return own;
    const parsed = URI.parse(uri);
    if (parsed.scheme === 'file') {
      const folder = workspaceFolders.filter((w) => parsed.fsPath.startsWith(w + path.sep)).sort((a, b) => b.length - a.length)[0];
      const scoped = folder ? folderSettings.get(folder) : undefined;
      if (scoped) return scoped;
    }
    return settings;
  }

  function configFor(uri: string): ReferatConfig {
    return effectiveConfig(fileConfig(uri), settingsFor(uri));
  }

  function languageFor(config: ReferatConfig): Language {
    return config.language ?? 'da';
  }

  /**
   * The analysis of an open document, computed once per version and configuration:
   * on this thread for ordinary documents, in the worker for very large ones.
   */
  function analysisOf(doc: TextDocument): Analysis | Promise<Analysis> {
    const config = configFor(doc.uri);
    const configKey = JSON.stringify(config);
    const hit = cache.get(doc.uri);
    if (hit && hit.version === doc.version && hit.configKey === configKey) return hit.analysis;
    const text = doc.getText();
    // The previous version's analysis, when done and under the same configuration: the items an edit did not touch are reused.
    const previous = hit && hit.configKey === configKey && !(hit.analysis instanceof Promise) ? hit.analysis : undefined;
    const analysis = text.length > WORKER_THRESHOLD_CHARS ? pool.analyze(text, config) : analyze(text, { config, previous });
    cache.set(doc.uri, { version: doc.version, configKey, analysis });
    capYoungGeneration();
    if (analysis instanceof Promise) {
      // Once done, later requests for this version get the result without waiting.
      void analysis.then((a) => {
        const entry = cache.get(doc.uri);
        if (entry?.analysis === analysis) entry.analysis = a;
      }, () => cache.delete(doc.uri));
    }
    return analysis;
  }

  /** True for a file that the nearest .referat.json's `ignorePatterns` name: not minutes, never squiggled. */
  function ignoredFile(uri: string): boolean {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' && workspace.isIgnored(parsed.fsPath);
  }

  /** Referat documents always; .txt and .md only when they are minutes and detection is on. */
  async function served(doc: TextDocument | undefined): Promise<{ analysis: Analysis; language: Language } | null> {
    if (!doc || !SERVED_LANGUAGES.has(doc.languageId)) return null;
    if (ignoredFile(doc.uri)) return null;
    const detect = settingsFor(doc.uri).detect;
    if (doc.languageId === 'plaintext' && !detect.plaintext) return null;
    if (doc.languageId === 'markdown' && !detect.markdown) return null;
    const analysis = await analysisOf(doc);
    if (doc.languageId !== 'referat' && analysis.model.kind === null) return null;
    return { analysis, language: languageFor(configFor(doc.uri)) };
  }

  async function validate(doc: TextDocument): Promise<void> {
    const s = await served(doc);
    // A newer version arrived while a large document was being analysed: its own run reports.
    if (documents.get(doc.uri)?.version !== doc.version) return;
    if (!s) {
      if (published.delete(doc.uri)) void connection.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
      return;
    }
    const { analysis, language } = s;
    index.update(doc.uri, analysis.model);
    const findings = documentFindings(doc.uri, analysis);
    const diagnostics = findings.map((f) => toDiagnostic(f, doc.uri, language));
    published.add(doc.uri);
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
    const indexed = index.get(doc.uri);
    if (indexed?.kind === 'dagsorden') revalidateMinutesOf(indexed);
    if (doc.languageId === 'plaintext' && !recognised.has(doc.uri)) {
      recognised.add(doc.uri);
      void connection.sendNotification(Notifications.recognised, { uri: doc.uri, kind: analysis.model.kind });
    }
  }

  /**
   * What the editor shows for a document: its findings and, for minutes whose agenda is in
   * the workspace, what changed between them (RF220, RF221), as node/service.ts makes them
   * for the CLI too (switches, fingerprints, the nearest .referat.json's ignore entries).
   * Diagnostics and code actions both go through here, so a diagnostic's index finds its finding again.
   */
  function documentFindings(uri: string, analysis: Analysis): Finding[] {
    const parsed = URI.parse(uri);
    const ignore = parsed.scheme === 'file' ? workspace.ignoreScope(parsed.fsPath) : undefined;
    const setup = { config: configFor(uri), ...(ignore ? { ignore } : {}) };
    const own = ownFindings(setup, analysis);
    if (analysis.model.kind !== 'referat') return own;
    const cross = crossDocumentFindings(indexMeeting(uri, analysis.model), index.all(), setup, findSwitches(analysis.lines));
    return cross.length > 0 ? [...own, ...cross] : own;
  }

  /**
   * "Ignorér i dette dokument": an entry in the nearest .referat.json (a new one in the
   * workspace folder when there is none), never a line in the minutes. The VS Code client
   * saves the file afterwards so the server reads it from disk.
   */
  function ignoreAction(uri: string, f: Finding, language: Language, diagnostic: import('vscode-languageserver').Diagnostic | undefined): CodeAction | null {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file' || f.code === 'RF099') return null;
    const found = workspace.configFor(parsed.fsPath);
    const folder = workspaceFolders.find((w) => parsed.fsPath.startsWith(w + path.sep));
    const configPath = found?.file ?? path.join(folder ?? path.dirname(parsed.fsPath), CONFIG_FILE);
    const configUri = URI.file(configPath).toString();
    const entry = ignoreEntryFor(f, path.relative(path.dirname(configPath), parsed.fsPath));
    const current = existsSync(configPath) ? readFileSync(configPath, 'utf8') : null;
    const change = addIgnoreEntry(current, entry);
    let edit: WorkspaceEdit;
    if ('text' in change) {
      edit = {
        documentChanges: [
          { kind: 'create', uri: configUri, options: { ignoreIfExists: true } },
          { textDocument: { uri: configUri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: change.text }] },
        ],
      };
    } else {
      const doc = TextDocument.create(configUri, 'json', 0, current ?? '');
      edit = { changes: { [configUri]: change.edits.map((e) => ({ range: { start: doc.positionAt(e.offset), end: doc.positionAt(e.offset + e.length) }, newText: e.content })) } };
    }
    const title = editorText(language)('ignoreInDocument', { code: f.code, file: CONFIG_FILE });
    const action: CodeAction = { title, kind: CodeActionKind.QuickFix, edit };
    if (diagnostic) action.diagnostics = [diagnostic];
    if (clientSavesEdits) action.command = { title, command: 'referat.saveFile', arguments: [configUri] };
    return action;
  }

  /** An agenda changed or went away: the open minutes of its meeting are compared again. */
  function revalidateMinutesOf(agenda: IndexedMeeting): void {
    for (const meeting of index.all()) {
      if (meeting.kind !== 'referat' || !sameMeeting(meeting, agenda)) continue;
      const open = documents.get(meeting.uri);
      if (open) scheduleNow(open, false);
    }
  }

  // Documents opened before the first settings arrive wait for them, so that the first
  // diagnostics are already in the user's language and mode.
  let settingsReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (settingsReady = resolve));

  function schedule(doc: TextDocument, immediate = false): void {
    void ready.then(async () => {
      if (!documentSettings.has(doc.uri)) await pullDocumentSettings(doc.uri);
      scheduleNow(doc, immediate);
    });
  }

  function scheduleNow(doc: TextDocument, immediate: boolean): void {
    const pending = timers.get(doc.uri);
    if (pending) clearTimeout(pending);
    timers.delete(doc.uri);
    const run = () => {
      timers.delete(doc.uri);
      if (settingsFor(doc.uri).validate === 'off') return;
      const current = documents.get(doc.uri);
      if (current) void safeAsync('validate', undefined, validate)(current);
    };
    if (immediate || settings.debounceMs === 0) run();
    else timers.set(doc.uri, setTimeout(run, settings.debounceMs));
  }

  function revalidateAll(): void {
    cache.clear();
    for (const doc of documents.all()) {
      if (settingsFor(doc.uri).validate === 'off') {
        if (published.delete(doc.uri)) void connection.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
      } else scheduleNow(doc, true);
    }
  }

  /** The window's settings, each workspace folder's and each open document's, asked again. */
  async function pullSettings(): Promise<void> {
    if (!canPullConfiguration) return;
    try {
      settings = normaliseSettings(await connection.workspace.getConfiguration('referat'));
      folderSettings.clear();
      for (const folder of workspaceFolders) {
        folderSettings.set(folder, normaliseSettings(await connection.workspace.getConfiguration({ scopeUri: URI.file(folder).toString(), section: 'referat' })));
      }
    } catch (e) {
      log(`could not read settings: ${(e as Error).message}`);
    }
    documentSettings.clear();
    await Promise.all(documents.all().map((d) => pullDocumentSettings(d.uri)));
  }

  async function pullDocumentSettings(uri: string): Promise<void> {
    if (!canPullConfiguration) return;
    try {
      documentSettings.set(uri, normaliseSettings(await connection.workspace.getConfiguration({ scopeUri: uri, section: 'referat' })));
    } catch (e) {
      log(`could not read the settings of ${uri}: ${(e as Error).message}`);
    }
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    canPullConfiguration = Boolean(params.capabilities.workspace?.configuration);
    workspaceFolders = (params.workspaceFolders ?? [])
      .map((f) => URI.parse(f.uri))
      .filter((u) => u.scheme === 'file')
      .map((u) => u.fsPath);
    if (workspaceFolders.length === 0 && params.rootUri) workspaceFolders = [URI.parse(params.rootUri).fsPath];
    workspaceTrusted = (params.initializationOptions as { trusted?: boolean } | undefined)?.trusted !== false;
    clientSavesEdits = Boolean((params.initializationOptions as { saveFileCommand?: boolean } | undefined)?.saveFileCommand);
    if (params.initializationOptions && typeof params.initializationOptions === 'object') {
      settings = normaliseSettings((params.initializationOptions as { settings?: unknown }).settings ?? params.initializationOptions);
    }
    return {
      capabilities: {
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
      },
      serverInfo: { name: 'referat', version: typeof REFERAT_VERSION === 'string' ? REFERAT_VERSION : '0.0.0-dev' },
    };
  });

  connection.onInitialized(async () => {
    if (canPullConfiguration) {
      try {
        await connection.client.register(DidChangeConfigurationNotification.type, { section: 'referat' });
      } catch {
        /* the client pushes settings instead */
      }
      await pullSettings();
    }
    settingsReady();
    void index
      .scan(service.files(workspaceFolders, { maxFiles: MAX_INDEXED_FILES }), (file) => readMinutes(workspace, file, configFor(URI.file(file).toString())))
      // Minutes opened before their agenda was indexed are compared with it now.
      .then(() => {
        for (const agenda of index.all()) if (agenda.kind === 'dagsorden') revalidateMinutesOf(agenda);
      })
      .catch((e) => log(`index: ${e}`));
  });

  connection.onNotification(Notifications.trust, (p: { trusted: boolean }) => {
    workspaceTrusted = p.trusted !== false;
    revalidateAll();
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (canPullConfiguration) await pullSettings();
    else settings = normaliseSettings((change.settings as { referat?: unknown } | undefined)?.referat);
    // Settings changed: each document's own are asked again (pullSettings did) before it is checked.
    revalidateAll();
  });

  connection.onDidChangeWatchedFiles(
    safe('watchedFiles', undefined, (params) => {
      let configChanged = false;
      for (const change of params.changes) {
        const file = URI.parse(change.uri);
        if (path.basename(file.fsPath) === CONFIG_FILE) {
          configChanged = true;
          configProblemsShown.delete(change.uri);
          void connection.sendDiagnostics({ uri: change.uri, diagnostics: [] });
        } else if (!documents.get(change.uri) && file.scheme === 'file') {
          const before = index.get(change.uri);
          const analysis = change.type === 3 ? null : readMinutes(workspace, file.fsPath, configFor(change.uri));
          index.update(change.uri, analysis?.model ?? null);
          const after = index.get(change.uri);
          for (const agenda of [before, after]) if (agenda?.kind === 'dagsorden') revalidateMinutesOf(agenda);
        }
      }
      if (configChanged) {
        workspace.refresh();
        revalidateAll();
      }
    }),
  );

  // TextDocuments reports an open as a content change too; the open is validated at once.
  const justOpened = new Set<string>();
  documents.onDidOpen((e) => {
    justOpened.add(e.document.uri);
    schedule(e.document, true);
  });
  documents.onDidChangeContent((e) => {
    if (justOpened.delete(e.document.uri)) return;
    if (settingsFor(e.document.uri).validate === 'onType') schedule(e.document);
  });
  documents.onDidSave((e) => {
    if (settingsFor(e.document.uri).validate !== 'off') schedule(e.document, true);
  });
  documents.onDidClose((e) => {
    justOpened.delete(e.document.uri);
    const pending = timers.get(e.document.uri);
    if (pending) clearTimeout(pending);
    timers.delete(e.document.uri);
    cache.delete(e.document.uri);
    documentSettings.delete(e.document.uri);
    if (published.delete(e.document.uri)) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    // The index holds what is on disk again: unsaved edits and untitled documents go with the editor.
    const closed = URI.parse(e.document.uri);
    if (closed.scheme === 'file') index.update(e.document.uri, readMinutes(workspace, closed.fsPath, configFor(e.document.uri))?.model ?? null);
    else index.remove(e.document.uri);
  });

  connection.onDocumentSymbol(
    safeAsync('documentSymbol', [], async (p) => {
      const doc = documents.get(p.textDocument.uri);
      const s = await served(doc);
      if (!doc || !s) return [];
      const last = doc.lineCount - 1;
      const whole = { start: { line: 0, character: 0 }, end: { line: last, character: doc.offsetAt({ line: last + 1, character: 0 }) - doc.offsetAt({ line: last, character: 0 }) } };
      return documentSymbols(s.analysis.model, s.language, whole);
    }),
  );
  connection.onFoldingRanges(safeAsync('foldingRanges', [], async (p) => {
    const s = await served(documents.get(p.textDocument.uri));
    return s ? foldingRanges(s.analysis.model) : [];
  }));
  connection.onDefinition(safeAsync('definition', [], async (p) => {
    const s = await served(documents.get(p.textDocument.uri));
    return s ? definition(s.analysis.model, p.textDocument.uri, p.position) : [];
  }));
  connection.onDocumentLinks(safeAsync('documentLinks', [], async (p) => {
    const s = await served(documents.get(p.textDocument.uri));
    return s ? [...documentLinks(s.analysis.model, p.textDocument.uri), ...earlierTreatmentLinks(s.analysis.model, index.all())] : [];
  }));
  connection.onSelectionRanges(safeAsync('selectionRanges', [], async (p) => {
    const s = await served(documents.get(p.textDocument.uri));
    return s ? selectionRanges(s.analysis.model, s.analysis.lines, p.positions) : [];
  }));
  connection.onWorkspaceSymbol(safeAsync('workspaceSymbol', [], async (p) => {
    for (const doc of documents.all()) {
      const s = await served(doc);
      if (s) index.update(doc.uri, s.analysis.model);
    }
    return workspaceSymbols(index.all(), p.query);
  }));
  connection.onCodeAction(safeAsync('codeAction', [], async (p) => {
    const s = await served(documents.get(p.textDocument.uri));
    if (!s) return [];
    const only = p.context.only;
    const wantsFixAll = only?.some((k) => FIX_ALL_KIND.startsWith(k) || k === FIX_ALL_KIND);
    const wantsQuickFix = !only || only.some((k) => CodeActionKind.QuickFix.startsWith(k));
    const findings = documentFindings(p.textDocument.uri, s.analysis);
    const actions = wantsQuickFix ? quickFixes(findings, p.textDocument.uri, p.range, p.context.diagnostics, s.language) : [];
    if (wantsQuickFix) {
      for (const d of p.context.diagnostics) {
        if (d.source !== 'referat') continue;
        const f = findings.find((x) => x.code === d.code && x.range.start.line === d.range.start.line && x.range.start.character === d.range.start.character);
        const action = f && ignoreAction(p.textDocument.uri, f, s.language, d);
        if (action) actions.push(action);
      }
    }
    if (wantsFixAll || !only) {
      const all = fixAll(findings, p.textDocument.uri, s.language);
      if (all) actions.push(all);
    }
    return actions;
  }));

  connection.onRequest(Requests.status, safeAsync('status', null, async (p: { uri: string }) => {
    const s = await served(documents.get(p.uri));
    if (!s) return null;
    const shown = documentFindings(p.uri, s.analysis);
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

  connection.languages.semanticTokens.on(safeAsync('semanticTokens', { data: [] as number[] }, async (p) => {
    const doc = documents.get(p.textDocument.uri);
    if (doc?.languageId !== 'plaintext') return { data: [] };
    const s = await served(doc);
    return s ? semanticTokens(s.analysis.model) : { data: [] };
  }));

  connection.onHover(safeAsync('hover', null, async (p) => {
    const s = await served(documents.get(p.textDocument.uri));
    return s ? hover(s.analysis, p.position, s.language) : null;
  }));

  connection.onCompletion(safeAsync('completion', [], async (p) => {
    const doc = documents.get(p.textDocument.uri);
    const s = await served(doc);
    if (!doc || !s) return [];
    const prefix = doc.getText({ start: { line: p.position.line, character: 0 }, end: p.position });
    return completions(s.analysis, p.position, prefix, s.language);
  }));

  connection.onRequest(Requests.overview, safeAsync('overview', null as { overview: ReturnType<typeof overview>; text: string | null } | null, async (p: { uri: string; format?: 'md' | 'csv' }): Promise<{ overview: ReturnType<typeof overview>; text: string | null } | null> => {
    const s = await served(documents.get(p.uri));
    if (!s) return null;
    const o = overview(s.analysis.model, s.analysis.profile, documentFindings(p.uri, s.analysis), s.language);
    const text = p.format === 'md' ? overviewAsMarkdown(o, s.language) : p.format === 'csv' ? overviewAsCsv(o, s.language) : null;
    return { overview: o, text };
  }));

  /** The edits of an editing command; the client applies them (the server never writes). */
  connection.onRequest(Requests.editsForCommand, safeAsync('editsForCommand', [] as CoreTextEdit[], async (p: { uri: string; command: string; title?: string }) => {
    const doc = documents.get(p.uri);
    const s = await served(doc);
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

  connection.onRequest(Requests.profiles, safe('profiles', [] as { id: string; name: string }[], () =>
    builtinProfiles().all().map((p) => ({ id: p.id, name: p.name })),
  ));

  connection.onRequest(Requests.newDocument, safe('newDocument', '', (p: { profile: string; kind: 'referat' | 'dagsorden'; committee?: string; date?: string }) => {
    const registry = builtinProfiles();
    const profile = registry.get(registry.has(p.profile) ? p.profile : 'generic');
    const date = p.date ? new Date(p.date + 'T12:00:00') : new Date();
    return newDocumentText(profile, p.kind === 'referat' ? 'referat' : 'dagsorden', p.committee || 'Udvalget', date);
  }));

  /**
   * "Validate workspace": every minutes file of the workspace folders checked by the same
   * service as `referat check` (same files, encodings, configuration, ignores, agenda vs
   * minutes), so both report the same findings. Open documents are checked from their buffers.
   */
  connection.onRequest(Requests.validateWorkspace, async (_params: unknown, token) => {
    const progress = await connection.window.createWorkDoneProgress();
    const cancelled = () => token.isCancellationRequested || progress.token.isCancellationRequested;
    const files = service.files(workspaceFolders, { isCancelled: cancelled });
    progress.begin(editorText(settings.language || 'da')('validatingWorkspace'), 0, '', true);
    const checked: CheckedDocument[] = [];
    let seen = 0;
    for (const file of files) {
      if (cancelled()) break;
      seen++;
      const uri = URI.file(file).toString();
      const open = documents.get(uri);
      if (open) await validate(open);
      else {
        const setup = service.setup(file);
        const doc = setup && service.checkDocument(setup);
        if (doc?.error) log(`${file}: ${doc.error.en}`);
        else if (doc) {
          index.set(uri, doc.meeting ?? null);
          checked.push(doc);
        }
      }
      progress.report(Math.round((seen / Math.max(1, files.length)) * 100), path.basename(file));
      await new Promise((r) => setImmediate(r));
    }
    // Against the agendas once every file is read: the order of the files does not matter.
    let problems = 0;
    for (const doc of checked) {
      const uri = URI.file(doc.file).toString();
      const findings = [...doc.findings, ...service.crossDocument(doc, index.all())];
      const diagnostics = findings.map((f) => toDiagnostic(f, uri, languageFor(configFor(uri))));
      problems += diagnostics.filter((d) => (d.severity ?? 1) <= 2).length;
      published.add(uri);
      void connection.sendDiagnostics({ uri, diagnostics });
    }
    progress.done();
    return { files: files.length, checked: seen, problems, cancelled: seen < files.length };
  });

  documents.listen(connection);
  connection.listen();
}

declare const REFERAT_VERSION: string;

/** An item whose decision has text: a labelled one with more than a placeholder, or an unlabelled one. */
function hasDecisionText(item: Item): boolean {
  const decision = item.decision;
  if (!decision) return false;
  return decision.section ? hasText(decision.section) : decision.body.length > 0;
}

/** The young generation may grow to this many MB (V8's own limit is 32; see capYoungGeneration). */
const YOUNG_GENERATION_CAP_MB = 8;
let youngGenerationCapped = false;

/**
 * Memory: V8 grows its young generation (where each analysis' short-lived objects go) from
 * 2 MB up to 32 MB when work allocates fast, such as the editor opening fifty documents at
 * once, and that space stays resident. Called after each analysis: once the space has reached
 * the cap it grows no more (the growth factor is read when the space would grow, so setting it
 * at run time takes effect). Kept at 2 MB the peak RSS with fifty documents open was some 20 MB
 * lower, but a keystroke in a 10,000-line document took 2-3 ms longer (its garbage no longer
 * died young); the cap keeps most of the first and little of the second.
 */
function capYoungGeneration(): void {
  if (youngGenerationCapped) return;
  const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  if (!young || young.space_size < YOUNG_GENERATION_CAP_MB * 1048576) return;
  youngGenerationCapped = true;
  try {
    setFlagsFromString('--semi-space-growth-factor=1');
  } catch {
    /* a V8 without the flag: the default applies */
  }
}

if (isAnalysisWorker()) {
  runAnalysisWorker();
} else if (require.main === module) {
  const connection = createConnection(ProposedFeatures.all);
  process.on('uncaughtException', (e) => connection.console.error(`[referat] uncaught: ${e.stack ?? e}`));
  process.on('unhandledRejection', (e) => connection.console.error(`[referat] unhandled rejection: ${e}`));
  startServer(connection);
}
