/**
 * Editing and reviewing commands. The server computes the edits; this file asks the
 * user what is needed and applies the edits only because the user ran the command.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { t } from './i18n';
import { numericDanishDate, typedDateToIso } from '../../server/src/core/dates';
import { Requests, type EditingCommand, type Overview, type ProfileChoice } from './protocol';
import { refuseOnSourceView } from './sourceViews';
import { validateWorkspace } from './workspaceRun';

interface LspTextEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

function targetDocument(uri?: vscode.Uri): Thenable<vscode.TextDocument | undefined> {
  if (uri instanceof vscode.Uri) return vscode.workspace.openTextDocument(uri);
  return Promise.resolve(vscode.window.activeTextEditor?.document);
}

async function applyServerEdits(client: LanguageClient, doc: vscode.TextDocument, command: EditingCommand, extra: Record<string, unknown> = {}): Promise<boolean> {
  // A published file's view: nothing is written; the message says why and offers the export.
  if (refuseOnSourceView(doc)) return false;
  const edits = await client.sendRequest<LspTextEdit[]>(Requests.editsForCommand, { uri: doc.uri.toString(), command, ...extra });
  if (edits.length === 0) {
    void vscode.window.showInformationMessage(t('Der er intet at ændre.', 'Nothing to change.'));
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) {
    edit.replace(doc.uri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
  }
  return vscode.workspace.applyEdit(edit);
}

export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient, showOverview: () => Thenable<unknown>): void {
  const editing = (id: string, command: EditingCommand) =>
    vscode.commands.registerCommand(id, async (uri?: vscode.Uri) => {
      const doc = await targetDocument(uri);
      return doc ? applyServerEdits(client, doc, command) : false;
    });

  context.subscriptions.push(
    // After a code action edited .referat.json (an ignore entry), save it so the server reads it from disk.
    vscode.commands.registerCommand('referat.saveFile', async (uri: string) => {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri) ?? (await vscode.workspace.openTextDocument(vscode.Uri.parse(uri)));
      return doc.isDirty ? doc.save() : true;
    }),
    vscode.commands.registerCommand('referat.openAsReferat', async (uri?: vscode.Uri) => {
      const doc = await targetDocument(uri);
      if (doc) await vscode.languages.setTextDocumentLanguage(doc, 'referat');
    }),
    // A caller (a test, another extension) may pass a cancellation token; the notification's Cancel works too.
    vscode.commands.registerCommand('referat.validateWorkspace', (token?: vscode.CancellationToken) =>
      validateWorkspace(client, token && typeof token.onCancellationRequested === 'function' ? token : undefined),
    ),
    vscode.commands.registerCommand('referat.newItem', async (uri?: vscode.Uri, title?: string) => {
      const doc = await targetDocument(uri);
      if (!doc || refuseOnSourceView(doc)) return false;
      const chosen = title ?? (await vscode.window.showInputBox({ prompt: t('Titel på det nye punkt', 'Title of the new item') }));
      if (chosen === undefined) return false;
      return applyServerEdits(client, doc, 'newItem', { title: chosen });
    }),
    editing('referat.renumber', 'renumber'),
    editing('referat.updateToc', 'updateToc'),
    editing('referat.agendaToMinutes', 'agendaToMinutes'),
    vscode.commands.registerCommand('referat.newDocument', async (options?: { profile?: string; kind?: string; committee?: string; date?: string }) => {
      const profile = options?.profile ?? (await pickProfile(client));
      if (!profile) return undefined;
      const kind = options?.kind ?? (await pickKind());
      if (!kind) return undefined;
      const committee = options?.committee ?? (await vscode.window.showInputBox({ prompt: t('Udvalg', 'Committee'), value: 'Økonomiudvalget' }));
      if (committee === undefined) return undefined;
      const written = options?.date ?? (await vscode.window.showInputBox({
        prompt: t('Mødedato (DD-MM-ÅÅÅÅ)', 'Meeting date (DD-MM-YYYY)'),
        value: numericDanishDate(new Date()),
        validateInput: (v) => (typedDateToIso(v) ? null : t('Skriv datoen som 23-11-2026', 'Write the date as 23-11-2026')),
      }));
      const date = written === undefined ? null : typedDateToIso(written);
      if (!date) return undefined;
      const content = await client.sendRequest<string>(Requests.newDocument, { profile, kind, committee, date });
      const doc = await vscode.workspace.openTextDocument({ language: 'referat', content });
      await vscode.window.showTextDocument(doc);
      return doc;
    }),
    vscode.commands.registerCommand('referat.exportOverview', async (uri?: vscode.Uri) => {
      const doc = await targetDocument(uri);
      return doc ? exportOverview(client, doc) : undefined;
    }),
    vscode.commands.registerCommand('referat.showOverview', showOverview),
  );
}

/** The template profiles by their municipality's name (the id beside it), the generic one last. */
async function pickProfile(client: LanguageClient): Promise<string | undefined> {
  const profiles = await client.sendRequest<ProfileChoice[]>(Requests.profiles, {}).catch(() => [] as ProfileChoice[]);
  const ordered = [...profiles.filter((p) => p.id !== 'generic'), ...profiles.filter((p) => p.id === 'generic')];
  const picked = await vscode.window.showQuickPick(
    ordered.map((p) => ({ label: p.name, description: p.id, id: p.id })),
    { placeHolder: t('Hvilken kommunes skabelon?', "Which municipality's template?") },
  );
  return picked?.id;
}

async function pickKind(): Promise<string | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: t('Dagsorden', 'Agenda'), description: 'dagsorden', id: 'dagsorden' },
      { label: t('Referat', 'Minutes'), description: 'referat', id: 'referat' },
    ],
    { placeHolder: t('Dagsorden eller referat', 'Agenda or minutes') },
  );
  return picked?.id;
}

/**
 * Export overview: the user chooses where and in which format (Markdown or CSV for Excel)
 * in a save dialog, which also asks before replacing a file. Nothing is written without it.
 */
async function exportOverview(client: LanguageClient, doc: vscode.TextDocument): Promise<vscode.Uri | undefined> {
  // Next to the document in its own file system (a disk, vscode-remote, github.dev); an untitled one in the first folder.
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const base = doc.uri.scheme !== 'untitled'
    ? doc.uri.with({ path: doc.uri.path.replace(/\.(referat\.txt|referat|txt|md)$/i, '') })
    : folder ? vscode.Uri.joinPath(folder, 'referat') : vscode.Uri.file('/referat');
  const suffix = t('oversigt', 'overview');
  const target = await vscode.window.showSaveDialog({
    defaultUri: base.with({ path: `${base.path}.${suffix}.md` }),
    filters: { Markdown: ['md'], [t('CSV (Excel)', 'CSV (Excel)')]: ['csv'] },
    saveLabel: t('Gem oversigten', 'Save the overview'),
    title: t('Eksportér oversigten', 'Export the overview'),
  });
  if (!target) return undefined;
  const format = /\.csv$/i.test(target.path) ? 'csv' : 'md';
  const result = await client.sendRequest<{ overview: Overview; text: string | null } | null>(Requests.overview, { uri: doc.uri.toString(), format });
  if (!result?.text) {
    void vscode.window.showWarningMessage(t('Dokumentet er ikke et referat eller en dagsorden.', 'The document is not minutes or an agenda.'));
    return undefined;
  }
  // Through the editor's file system, so it is written where the dialog pointed, in the browser too.
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
  const name = target.path.slice(target.path.lastIndexOf('/') + 1);
  void vscode.window.showInformationMessage(t(`Oversigten er gemt: ${name}`, `Overview saved: ${name}`));
  return target;
}
