/**
 * The language server's state in one place: the open documents, the workspace index, the
 * settings, what was published, and the configuration of each document. One analysis per document
 * version is analysisCache.ts's job, when each document is validated scheduler.ts's. The feature
 * files register their handlers against this store (server.ts wires them).
 */
import { TextDocuments, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver';
import type { Analysis } from '../core/analyze';
import type { ConfigProblem, Language, ReferatConfig } from '../core/config';
import { agendaFor, indexMeeting, sameMeeting, type IndexedMeeting } from '../core/crossdoc';
import type { Finding, MinutesDocument } from '../core/model';
import { builtinProfiles } from '../core/profiles/builtin';
import { redactCpr } from '../core/redact';
import { findSwitches } from '../core/suppress';
import { createReferatService, crossDocumentFindings, ownFindings, type ReferatService } from '../node/service';
import type { Workspace } from '../node/workspace';
import { AnalysisCache } from './analysisCache';
import { toDiagnostic, useLocalRulePages } from './diagnostics';
import { originalFileOf, PublishedSources, sourceDiagnostic } from './publishedSources';
import { createGuards, type Guards, type Log } from './guard';
import { SupersededError, type ServerHost } from './host';
import { Notifications } from './protocol';
import { effectiveConfig } from './settings';
import { SettingsStore } from './settingsStore';
import { readMinutes, WorkspaceIndex } from './workspaceIndex';
import { ValidationScheduler } from './scheduler';

const SERVED_LANGUAGES = new Set(['referat', 'plaintext', 'markdown']);

/** A document the server serves, with its analysis and the language its messages are in. */
export interface Served {
  analysis: Analysis;
  language: Language;
}

export class DocumentStore {
  readonly documents = new TextDocuments(TextDocument);
  /** The meetings of the workspace (agendas and minutes), for cross-document checks and workspace symbols. */
  readonly index = new WorkspaceIndex();
  /** The files (listing, reading, .referat.json), shared with the CLI: node/workspace.ts, over the host's file system. */
  readonly workspace: Workspace;
  /** What is reported for a file, the same as `referat check` (node/service.ts); the editor's settings are the layer over .referat.json. */
  readonly service: ReferatService;
  readonly settings: SettingsStore;
  /** Published files (PDF, Word, web page) opened as read-only views: what their readers read (publishedSources.ts). */
  readonly sources: PublishedSources;
  readonly log: Log;
  readonly safe: Guards['safe'];
  readonly safeAsync: Guards['safeAsync'];
  /** The VS Code client saves a file after applying a code action's edit to it (command referat.saveFile). */
  clientSavesEdits = false;
  /** False in VS Code's Restricted Mode (initializationOptions.trusted); editors without workspace trust send nothing. */
  workspaceTrusted = true;

  private readonly cache: AnalysisCache;
  private readonly scheduler = new ValidationScheduler();
  /** Documents and files that have diagnostics in the editor now. */
  private readonly published = new Set<string>();
  /** Plain-text documents the client was told were recognised as minutes (once each). */
  private readonly recognised = new Set<string>();
  private readonly configProblemsShown = new Set<string>();
  /** Each analysed model's meeting, made once: validation indexes it and the document's findings compare it with its agenda. */
  private readonly meetings = new WeakMap<MinutesDocument, IndexedMeeting>();
  // Documents opened before the first settings arrive wait for them, so that the first
  // diagnostics are already in the user's language and mode.
  private settingsReady: () => void = () => undefined;
  private readonly ready = new Promise<void>((resolve) => (this.settingsReady = resolve));

  /** The platform: Node (node-host.ts) or a browser's web worker (web/host.ts). */
  readonly host: ServerHost;

  /** makeHost: the platform, given the log (Node's worker pool and the web worker's client requests log to it). */
  constructor(readonly connection: Connection, makeHost: (log: Log) => ServerHost) {
    // An error's message may quote the document: the log carries no CPR number either.
    this.log = (msg) => connection.console.log(`[referat] ${redactCpr(msg)}`);
    ({ safe: this.safe, safeAsync: this.safeAsync } = createGuards(this.log));
    this.host = makeHost(this.log);
    this.workspace = this.host.workspace;
    this.sources = new PublishedSources((uri) => this.documents.get(uri) !== undefined, this.host);
    useLocalRulePages((code) => this.host.localRulePage(code));
    this.settings = new SettingsStore(connection, this.log, this.host);
    this.cache = new AnalysisCache(this.host);
    this.service = createReferatService({
      workspace: this.workspace,
      configOf: (file) => this.configFor(this.host.uriOf(file)),
      uriOf: (file) => this.host.uriOf(file),
    });
  }

  // ---- configuration ----

  /** The configuration of a document or file: the nearest .referat.json under the editor's settings. */
  configFor(uri: string): ReferatConfig {
    return effectiveConfig(this.fileConfig(uri), this.settings.for(uri));
  }

  languageOf(uri: string): Language {
    return this.configFor(uri).language ?? 'da';
  }

  /** The language of messages that belong to no document (progress, configuration problems). */
  windowLanguage(): Language {
    return this.settings.window.language || 'da';
  }

  /** A .referat.json changed: its problems are shown again when it is next read. */
  forgetConfigProblems(uri: string): void {
    this.configProblemsShown.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** The workspace path of a document: the host's, or a published file's view's original; undefined for an untitled document. */
  fileOf(uri: string): string | undefined {
    return this.host.pathOf(uri) ?? originalFileOf(uri) ?? undefined;
  }

  private fileConfig(uri: string): ReferatConfig | undefined {
    const file = this.fileOf(uri);
    if (file === undefined) return undefined;
    const found = this.workspace.configFor(file);
    if (found) this.reportConfigProblems(found.file, found.problems);
    return found && !this.workspaceTrusted ? withoutWorkspaceProfiles(found.config) : found?.config;
  }

  private reportConfigProblems(file: string, problems: ConfigProblem[]): void {
    const uri = this.host.uriOf(file);
    if (this.configProblemsShown.has(uri)) return;
    this.configProblemsShown.add(uri);
    const language = this.windowLanguage();
    void this.connection.sendDiagnostics({
      uri,
      diagnostics: problems.map((p) => toDiagnostic({ code: 'RF099', severity: 'error', range: p.range, message: p.message }, uri, language)),
    });
  }

  // ---- analysis ----

  /**
   * The analysis of an open document, computed once per version and configuration:
   * on this thread for ordinary documents, in the worker for very large ones.
   */
  analysisOf(doc: TextDocument): Analysis | Promise<Analysis> {
    const source = this.sources.get(doc.uri);
    return this.cache.analysisOf(doc, this.configFor(doc.uri), source && { sourceFormat: source.format, laidOut: source.laidOut });
  }

  /** True for a file that the nearest .referat.json's `ignorePatterns` name: not minutes, never squiggled. */
  isIgnoredFile(uri: string): boolean {
    const file = this.host.pathOf(uri);
    return file !== undefined && this.workspace.isIgnored(file);
  }

  /** Referat documents always; .txt and .md only when they are minutes and detection is on. */
  async served(doc: TextDocument | undefined): Promise<Served | null> {
    if (!doc || !SERVED_LANGUAGES.has(doc.languageId)) return null;
    if (this.isIgnoredFile(doc.uri)) return null;
    const detect = this.settings.for(doc.uri).detect;
    if (doc.languageId === 'plaintext' && !detect.plaintext) return null;
    if (doc.languageId === 'markdown' && !detect.markdown) return null;
    // A published file's view opened before its original was read here (the server restarted): read it again, for its places.
    if (originalFileOf(doc.uri) !== null && !this.sources.get(doc.uri)) await this.sources.read(doc.uri).catch((e) => this.log(`${doc.uri}: ${(e as Error).message}`));
    let analysis: Analysis;
    try {
      analysis = await this.analysisOf(doc);
    } catch (e) {
      // A newer version of a large document came before its analysis began: that version answers.
      if (e instanceof SupersededError) return null;
      throw e;
    }
    if (doc.languageId !== 'referat' && analysis.model.kind === null) return null;
    return { analysis, language: this.languageOf(doc.uri) };
  }

  /** The open document at this URI, when the server serves it. */
  servedAt(uri: string): Promise<Served | null> {
    return this.served(this.documents.get(uri));
  }

  /**
   * What the editor shows for a document: its findings and, for minutes whose agenda is in
   * the workspace, what changed between them (RF220, RF221), as node/service.ts makes them
   * for the CLI too (switches, fingerprints, the nearest .referat.json's ignore entries).
   * Diagnostics and code actions both go through here, so a diagnostic's index finds its finding again.
   */
  documentFindings(uri: string, analysis: Analysis): Finding[] {
    const file = this.fileOf(uri);
    const ignore = file !== undefined ? this.workspace.ignoreScope(file) : undefined;
    const setup = { config: this.configFor(uri), ...(ignore ? { ignore } : {}) };
    // A published file's view: RF097 for what its reader could not read, as `referat check` reports it.
    const own = ownFindings(setup, analysis, undefined, this.sources.get(uri)?.problems ?? []);
    if (analysis.model.kind !== 'referat') return own;
    const minutes = this.meetingOf(uri, analysis.model);
    const meetings = this.index.all();
    // Minutes without their agenda in the workspace (most) have no such findings: their inline switches, a pass
    // over every line on each keystroke, are not looked for.
    if (!agendaFor(minutes, meetings)) return own;
    const cross = crossDocumentFindings(minutes, meetings, setup, findSwitches(analysis.lines));
    return cross.length > 0 ? [...own, ...cross] : own;
  }

  /** The meeting of a document's analysed model (as indexMeeting makes it), once per model. */
  private meetingOf(uri: string, model: MinutesDocument): IndexedMeeting {
    const known = this.meetings.get(model);
    if (known?.uri === uri) return known;
    const meeting = indexMeeting(uri, model);
    this.meetings.set(model, meeting);
    return meeting;
  }

  /** A file's analysis as it is on disk (for the workspace index), or null when it is not minutes or not in the workspace's file system. */
  readFromDisk(uri: string): Analysis | null {
    const file = this.host.pathOf(uri);
    return file === undefined ? null : readMinutes(this.workspace, file, this.configFor(uri));
  }

  /** As readFromDisk, once the host has the file's bytes at hand (a web worker asks the client first). */
  async readFromDiskSoon(uri: string): Promise<Analysis | null> {
    const file = this.host.pathOf(uri);
    if (file === undefined) return null;
    await this.host.prepare({ files: [file] });
    return this.readFromDisk(uri);
  }

  // ---- diagnostics ----

  /** Checks a document and publishes its diagnostics (or clears them when it is not served). */
  async validate(doc: TextDocument): Promise<void> {
    const s = await this.served(doc);
    // A newer version arrived while a large document was being analysed: its own run reports.
    if (this.documents.get(doc.uri)?.version !== doc.version) return;
    if (!s) {
      this.clearDiagnostics(doc.uri);
      return;
    }
    const { analysis, language } = s;
    this.index.set(doc.uri, analysis.model.kind ? this.meetingOf(doc.uri, analysis.model) : null);
    const diagnostics = this.diagnosticsOf(doc.uri, this.documentFindings(doc.uri, analysis), language);
    this.publish(doc.uri, diagnostics, doc.version);
    const indexed = this.index.get(doc.uri);
    if (indexed?.kind === 'dagsorden') this.revalidateMinutesOf(indexed);
    if (doc.languageId === 'plaintext' && !this.recognised.has(doc.uri)) {
      this.recognised.add(doc.uri);
      void this.connection.sendNotification(Notifications.recognised, { uri: doc.uri, kind: analysis.model.kind });
    }
  }

  /** Findings as diagnostics; a published file's view's say where each is in the original (the page, the HTML line). */
  diagnosticsOf(uri: string, findings: readonly Finding[], language: Language): Diagnostic[] {
    const read = this.sources.get(uri);
    return findings.map((f) => (read ? sourceDiagnostic(f, uri, language, read) : toDiagnostic(f, uri, language)));
  }

  publish(uri: string, diagnostics: Diagnostic[], version?: number): void {
    this.published.add(uri);
    void this.connection.sendDiagnostics(version === undefined ? { uri, diagnostics } : { uri, version, diagnostics });
  }

  /** Takes a document's diagnostics away, if it has any. */
  clearDiagnostics(uri: string): void {
    if (this.published.delete(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  // ---- scheduling ----

  /** Resolves once the first settings arrived (a workspace run asked for at start-up waits for them). */
  settingsKnown(): Promise<void> {
    return this.ready;
  }

  /** The first settings arrived: documents opened before them are validated now. */
  settingsArrived(): void {
    this.settingsReady();
  }

  /** Validates a document soon (debounced) or now, once its settings are known. */
  schedule(doc: TextDocument, immediate = false): void {
    void this.ready.then(async () => {
      if (!this.settings.hasDocument(doc.uri)) await this.settings.pullDocument(doc.uri);
      this.scheduleNow(doc, immediate);
    });
  }

  private scheduleNow(doc: TextDocument, immediate: boolean): void {
    const debounceMs = immediate ? 0 : this.settings.window.debounceMs;
    this.scheduler.schedule(doc.uri, debounceMs, () => {
      if (this.settings.for(doc.uri).validate === 'off') return;
      const current = this.documents.get(doc.uri);
      if (current) void this.safeAsync('validate', undefined, (d: TextDocument) => this.validate(d))(current);
    });
  }

  /** An agenda changed or went away: the open minutes of its meeting are compared again. */
  revalidateMinutesOf(agenda: IndexedMeeting): void {
    for (const meeting of this.index.all()) {
      if (meeting.kind !== 'referat' || !sameMeeting(meeting, agenda)) continue;
      const open = this.documents.get(meeting.uri);
      if (open) this.scheduleNow(open, false);
    }
  }

  /** Settings, trust or a .referat.json changed: every open document is analysed and validated again. */
  revalidateAll(): void {
    this.cache.clear();
    for (const doc of this.documents.all()) {
      if (this.settings.for(doc.uri).validate === 'off') this.clearDiagnostics(doc.uri);
      else this.scheduleNow(doc, true);
    }
  }

  /** A document was closed: its state goes, and the index holds what is on disk again. */
  forgetDocument(uri: string): void {
    this.scheduler.cancel(uri);
    this.cache.forget(uri);
    this.settings.forgetDocument(uri);
    this.sources.forget(uri);
    this.clearDiagnostics(uri);
    // Unsaved edits and untitled documents go with the editor.
    if (this.host.pathOf(uri) === undefined) this.index.remove(uri);
    else {
      void this.readFromDiskSoon(uri)
        .then((a) => !this.documents.get(uri) && this.index.update(uri, a?.model ?? null))
        .catch((e) => this.log(`index: ${e}`));
    }
  }
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
