/**
 * "Validate workspace": every minutes file of the workspace folders checked by the same
 * service as `referat check` (same files, encodings, configuration, ignores, agenda vs
 * minutes), so both report the same findings. Open documents are checked from their buffers.
 * With referat.archives (the default) the published files too (PDF, Word, web pages), read in
 * the background by their readers; their findings go to their read-only views, which is where
 * Problems then opens them. Progress says "N of M files" and the run can be cancelled: on the
 * client's work-done token when it sends one (VS Code's notification), else on one the server creates.
 */
import type { CancellationToken, Diagnostic, ProgressToken, WorkDoneProgressReporter } from 'vscode-languageserver';
import { analyze } from '../core/analyze';
import { isPublishedName } from '../core/protocol';
import type { Message } from '../node/decode';
import { meetingOf, ownFindings, type CheckedDocument } from '../node/service';
import { toDiagnostic } from './diagnostics';
import { Requests } from './protocol';
import { readPublished, sourceDiagnostic, sourceViewUri, unreadableText, whyUnreadable } from './publishedSources';
import type { DocumentStore } from './store';
import { editorText } from './texts';

export interface ValidateWorkspaceResult {
  files: number;
  checked: number;
  problems: number;
  cancelled: boolean;
  /** Files that could not be read (a zip bomb, a damaged PDF, a binary .txt): the name and why, in the user's language. */
  unreadable: string[];
}

/** A file checked from disk: its findings, the URI they are published on, and a published file's own diagnostics with their places. */
interface Checked {
  doc: CheckedDocument;
  uri: string;
  placed?: Diagnostic[];
}

export function registerValidateWorkspace(store: DocumentStore): void {
  const failed: ValidateWorkspaceResult = { files: 0, checked: 0, problems: 0, cancelled: false, unreadable: [] };
  // The token goes in as the only argument: a cancelled run answers with what it checked,
  // not with the guard's "cancelled" error (the guard looks for a token in second place).
  const run = store.safeAsync('validateWorkspace', failed, (token: CancellationToken, workDoneToken?: ProgressToken) => validateWorkspace(store, token, workDoneToken));
  store.connection.onRequest(Requests.validateWorkspace, (params: { workDoneToken?: ProgressToken } | undefined, token) => run(token, params?.workDoneToken));
}

/** The client's progress (its cancellation cancels the request), or one the server asks for, cancellable on its own. */
async function progressFor(store: DocumentStore, workDoneToken: ProgressToken | undefined): Promise<{ progress: WorkDoneProgressReporter; cancelledThere: () => boolean }> {
  if (workDoneToken !== undefined) return { progress: store.connection.window.attachWorkDoneProgress(workDoneToken), cancelledThere: () => false };
  const progress = await store.connection.window.createWorkDoneProgress();
  return { progress, cancelledThere: () => progress.token.isCancellationRequested };
}

async function validateWorkspace(store: DocumentStore, token: CancellationToken, workDoneToken: ProgressToken | undefined): Promise<ValidateWorkspaceResult> {
  const { service, documents, host } = store;
  const say = editorText(store.windowLanguage());
  await store.settingsKnown();
  const { progress, cancelledThere } = await progressFor(store, workDoneToken);
  const cancelled = () => token.isCancellationRequested || cancelledThere();
  // A web worker's host lists the folders again (files made since the start are checked too).
  await host.prepare({ folders: store.settings.folders });
  const files = service.files(store.settings.folders, { isCancelled: cancelled, published: store.settings.window.archives });
  progress.begin(say('validatingWorkspace'), 0, say('filesDone', { done: 0, found: files.length }), true);
  const checked: Checked[] = [];
  const unreadable: string[] = [];
  let seen = 0;
  try {
    for (const file of files) {
      if (cancelled()) break;
      const uri = isPublishedName(file) ? sourceViewUri(file) : host.uriOf(file);
      const open = documents.get(uri);
      if (open) await store.validate(open);
      else {
        await host.prepare({ files: [file] });
        const result = isPublishedName(file) ? await checkPublishedFile(store, file, uri) : checkClosedFile(store, file, uri);
        if ('error' in result) unreadable.push(unreadableText(file, result.error, store.windowLanguage()));
        else if (result.checked) checked.push(result.checked);
      }
      seen++;
      progress.report(Math.round((seen / Math.max(1, files.length)) * 100), `${say('filesDone', { done: seen, found: files.length })} · ${file.split(/[\\/]/).pop() ?? file}`);
      await host.yieldToEvents();
    }
    const problems = publishAgainstAgendas(store, checked);
    return { files: files.length, checked: seen, problems, cancelled: seen < files.length, unreadable };
  } finally {
    progress.done();
  }
}

type FileOutcome = { checked?: Checked } | { error: Message };

/** A text file that is not open, checked from disk and put in the index. */
function checkClosedFile(store: DocumentStore, file: string, uri: string): FileOutcome {
  const setup = store.service.setup(file);
  const doc = setup && store.service.checkDocument(setup);
  if (doc?.error) {
    store.log(`${file}: ${doc.error.en}`);
    return { error: doc.error };
  }
  if (!doc) return {};
  store.index.set(uri, doc.meeting ?? null);
  return { checked: { doc, uri } };
}

/**
 * A published file whose view is not open: read by its reader (within the readers' limits and time),
 * checked as `referat check` checks it, its findings placed in the original at once (the source map is
 * not kept: an archive of thousands of files stays small), and its meeting put in the index.
 */
async function checkPublishedFile(store: DocumentStore, file: string, uri: string): Promise<FileOutcome> {
  const setup = store.service.setup(file);
  if (!setup) return {};
  let read;
  try {
    read = await readPublished(store.host, file);
  } catch (e) {
    const error = whyUnreadable(e);
    store.log(`${file}: ${error.en}`);
    return { error };
  }
  const analysis = analyze(read.text, { config: setup.config, sourceFormat: read.format, laidOut: read.laidOut });
  const doc: CheckedDocument = { file, findings: ownFindings(setup, analysis, undefined, read.problems), ...meetingOf(uri, analysis) };
  store.index.set(uri, doc.meeting ?? null);
  const language = store.languageOf(uri);
  return { checked: { doc, uri, placed: doc.findings.map((f) => sourceDiagnostic(f, uri, language, read)) } };
}

/**
 * Against the agendas once every file is read, so the order of the files does not matter:
 * publishes each file's diagnostics and answers how many are errors or warnings.
 */
function publishAgainstAgendas(store: DocumentStore, checked: Checked[]): number {
  let problems = 0;
  for (const { doc, uri, placed } of checked) {
    const language = store.languageOf(uri);
    const own = placed ?? doc.findings.map((f) => toDiagnostic(f, uri, language));
    const cross = store.service.crossDocument(doc, store.index.all()).map((f) => toDiagnostic(f, uri, language));
    const diagnostics = [...own, ...cross];
    problems += diagnostics.filter((d) => (d.severity ?? 1) <= 2).length;
    store.publish(uri, diagnostics);
  }
  return problems;
}
