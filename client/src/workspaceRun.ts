/**
 * "Validate workspace" with VS Code's progress notification: "N af M filer · name" as the server reads
 * the files (its work-done progress on the token sent with the request), and Cancel, which cancels the
 * request; the server answers with what it checked so far. A caller may pass its own cancellation token
 * too (a task, a test). The summary names the files that could not be read (a zip bomb, a damaged PDF).
 */
import * as vscode from 'vscode';
import { WorkDoneProgress, type BaseLanguageClient as LanguageClient, type WorkDoneProgressBegin, type WorkDoneProgressReport } from 'vscode-languageclient';
import { count } from '../../server/src/core/plural';
import { t } from './i18n';
import { Requests } from './protocol';

export interface WorkspaceRunResult {
  files: number;
  checked: number;
  problems: number;
  cancelled: boolean;
  unreadable: string[];
  /** The progress messages shown, in order ("3 af 12 filer · referat.pdf"). */
  progress: string[];
}

let runs = 0;

export function validateWorkspace(client: LanguageClient, external?: vscode.CancellationToken): Thenable<WorkspaceRunResult> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t('Referat: kontrollerer arbejdsområdet', 'Referat: validating workspace'), cancellable: true },
    async (progress, token) => {
      const cancel = new vscode.CancellationTokenSource();
      const links = [token.onCancellationRequested(() => cancel.cancel()), external?.onCancellationRequested(() => cancel.cancel())];
      if (external?.isCancellationRequested) cancel.cancel();
      const workDoneToken = `referat-validate-${Date.now()}-${++runs}`;
      const shown: string[] = [];
      let done = 0;
      const listening = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
        if (value.kind === 'end') return;
        const { message, percentage } = value as WorkDoneProgressBegin | WorkDoneProgressReport;
        if (message) shown.push(message);
        const next = percentage ?? done;
        progress.report({ message, increment: Math.max(0, next - done) });
        done = next;
      });
      try {
        const result = await client.sendRequest<Omit<WorkspaceRunResult, 'progress'>>(Requests.validateWorkspace, { workDoneToken }, cancel.token);
        void vscode.window.showInformationMessage(summary(result));
        return { ...result, unreadable: result.unreadable ?? [], progress: shown };
      } finally {
        listening.dispose();
        for (const link of links) link?.dispose();
        cancel.dispose();
      }
    },
  );
}

function summary(result: Omit<WorkspaceRunResult, 'progress'>): string {
  const head = result.cancelled
    ? t(`Kontrollen blev afbrudt efter ${result.checked} af ${result.files} filer.`, `Validation cancelled after ${result.checked} of ${result.files} files.`)
    : t(
        `${count(result.checked, 'file', 'da')} kontrolleret: ${count(result.problems, 'problem', 'da')} (fejl og advarsler). Se Problemer.`,
        `${count(result.checked, 'file', 'en')} checked: ${count(result.problems, 'problem', 'en')} (errors and warnings). See Problems.`,
      );
  const unreadable = result.unreadable ?? [];
  if (unreadable.length === 0) return head;
  const shown = unreadable.slice(0, 3).join(' ');
  const more = unreadable.length > 3 ? t(` (og ${unreadable.length - 3} til; se Output › Referat)`, ` (and ${unreadable.length - 3} more; see Output › Referat)`) : '';
  return `${head} ${shown}${more}`;
}
