/**
 * "Validate workspace": every minutes file of the workspace folders checked by the same
 * service as `referat check` (same files, encodings, configuration, ignores, agenda vs
 * minutes), so both report the same findings. Open documents are checked from their buffers.
 */
import type { CancellationToken } from 'vscode-languageserver';
import type { CheckedDocument } from '../node/service';
import { toDiagnostic } from './diagnostics';
import { Requests } from './protocol';
import type { DocumentStore } from './store';
import { editorText } from './texts';

export interface ValidateWorkspaceResult {
  files: number;
  checked: number;
  problems: number;
  cancelled: boolean;
}

export function registerValidateWorkspace(store: DocumentStore): void {
  const failed: ValidateWorkspaceResult = { files: 0, checked: 0, problems: 0, cancelled: false };
  // The token goes in as the only argument: a cancelled run answers with what it checked,
  // not with the guard's "cancelled" error (the guard looks for a token in second place).
  const run = store.safeAsync('validateWorkspace', failed, (token: CancellationToken) => validateWorkspace(store, token));
  store.connection.onRequest(Requests.validateWorkspace, (_params: unknown, token) => run(token));
}

async function validateWorkspace(store: DocumentStore, token: CancellationToken): Promise<ValidateWorkspaceResult> {
  const { connection, service, documents, host } = store;
  const progress = await connection.window.createWorkDoneProgress();
  const cancelled = () => token.isCancellationRequested || progress.token.isCancellationRequested;
  // A web worker's host lists the folders again (files made since the start are checked too).
  await host.prepare({ folders: store.settings.folders });
  const files = service.files(store.settings.folders, { isCancelled: cancelled });
  progress.begin(editorText(store.windowLanguage())('validatingWorkspace'), 0, '', true);
  const checked: CheckedDocument[] = [];
  let seen = 0;
  try {
    for (const file of files) {
      if (cancelled()) break;
      seen++;
      const open = documents.get(host.uriOf(file));
      if (open) await store.validate(open);
      else {
        await host.prepare({ files: [file] });
        const doc = checkClosedFile(store, file);
        if (doc) checked.push(doc);
      }
      progress.report(Math.round((seen / Math.max(1, files.length)) * 100), file.split(/[\\/]/).pop() ?? file);
      await host.yieldToEvents();
    }
    const problems = publishAgainstAgendas(store, checked);
    return { files: files.length, checked: seen, problems, cancelled: seen < files.length };
  } finally {
    progress.done();
  }
}

/** A file that is not open, checked from disk and put in the index; undefined when unreadable (logged). */
function checkClosedFile(store: DocumentStore, file: string): CheckedDocument | undefined {
  const setup = store.service.setup(file);
  const doc = setup && store.service.checkDocument(setup);
  if (doc?.error) store.log(`${file}: ${doc.error.en}`);
  else if (doc) {
    store.index.set(store.host.uriOf(file), doc.meeting ?? null);
    return doc;
  }
  return undefined;
}

/**
 * Against the agendas once every file is read, so the order of the files does not matter:
 * publishes each file's diagnostics and answers how many are errors or warnings.
 */
function publishAgainstAgendas(store: DocumentStore, checked: CheckedDocument[]): number {
  let problems = 0;
  for (const doc of checked) {
    const uri = store.host.uriOf(doc.file);
    const findings = [...doc.findings, ...store.service.crossDocument(doc, store.index.all())];
    const diagnostics = findings.map((f) => toDiagnostic(f, uri, store.languageOf(uri)));
    problems += diagnostics.filter((d) => (d.severity ?? 1) <= 2).length;
    store.publish(uri, diagnostics);
  }
  return problems;
}
