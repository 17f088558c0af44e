/**
 * Published files (PDF, Word, web page) as read-only views of the text Referat reads from them. The
 * server reads the file (Requests.sourceText); this file shows that text under the referat-source:
 * scheme, where every Referat feature serves it as it serves any referat, and offers the commands
 * around it: open as text, open the original beside, export the text. Nothing here writes a published
 * file: a view is read-only, and the export writes a new file where the user chose.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { t } from './i18n';
import { isPublishedName, originalPathOf, Requests, SOURCE_VIEW_SCHEME, sourceViewPath, type SourceText } from './protocol';

/** A file's name, from its URI (no node:path: the client is to run in a web worker too). */
const nameOf = (uri: vscode.Uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1);

interface SourcePlace {
  line?: number;
  column?: number;
  page?: number;
}

/** The view of a published file on disk. */
export function viewUriOf(original: vscode.Uri): vscode.Uri {
  return original.with({ scheme: SOURCE_VIEW_SCHEME, path: sourceViewPath(original.path) });
}

/** The published file a view shows, or undefined when the URI is no view. */
export function originalOf(view: vscode.Uri): vscode.Uri | undefined {
  if (view.scheme !== SOURCE_VIEW_SCHEME) return undefined;
  const original = originalPathOf(view.path);
  return original === null ? undefined : view.with({ scheme: 'file', path: original });
}

export function isSourceView(uri: vscode.Uri): boolean {
  return originalOf(uri) !== undefined;
}

/** The text of a view, as the server reads it; a file that cannot be read shows why. */
class SourceTextProvider implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  /** Views whose file changed on disk: the server reads them again. */
  private readonly stale = new Set<string>();

  constructor(private readonly client: LanguageClient, private readonly ready: Promise<void>) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    await this.ready;
    const changed = this.stale.delete(uri.toString());
    const answer = await this.client.sendRequest<SourceText>(Requests.sourceText, { uri: uri.toString(), changed });
    return 'error' in answer ? answer.error : answer.text;
  }

  /** A published file changed on disk: its open view is read again. */
  fileChanged(file: vscode.Uri): void {
    const view = viewUriOf(file);
    if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === view.toString())) return;
    this.stale.add(view.toString());
    this.changed.fire(view);
  }
}

/** The published file a command is about: the one given (Explorer), the active tab's, or one the user picks. */
async function publishedFileOf(uri?: vscode.Uri): Promise<vscode.Uri | undefined> {
  if (uri instanceof vscode.Uri) return originalOf(uri) ?? uri;
  const active = activeTabUri();
  if (active && (isPublishedName(active.path) || isSourceView(active))) return originalOf(active) ?? active;
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    filters: { [t('Publicerede referater (PDF, Word, HTML)', 'Published minutes (PDF, Word, HTML)')]: ['pdf', 'docx', 'html', 'htm'] },
    openLabel: t('Åbn som tekst', 'Open as text'),
  });
  return picked?.[0];
}

/** The file of the active editor tab: a text editor's, or a binary or custom editor's (a PDF). */
function activeTabUri(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom) return input.uri;
  return vscode.window.activeTextEditor?.document.uri;
}

/**
 * Opens a published file's view, after asking the server to read it: a file Referat cannot read (a zip
 * bomb, an encrypted PDF) is answered with the reader's own words, and no view opens.
 */
async function openAsText(client: LanguageClient, ready: Promise<void>, uri?: vscode.Uri): Promise<vscode.TextEditor | undefined> {
  const file = await publishedFileOf(uri);
  if (!file) return undefined;
  if (!isPublishedName(file.path)) {
    void vscode.window.showWarningMessage(t('Åbn som tekst læser PDF-, Word- (.docx) og HTML-filer.', 'Open as text reads PDF, Word (.docx) and HTML files.'));
    return undefined;
  }
  await ready;
  const view = viewUriOf(file);
  const answer = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t(`Referat læser ${nameOf(file)} …`, `Referat is reading ${nameOf(file)} …`) },
    () => client.sendRequest<SourceText>(Requests.sourceText, { uri: view.toString() }),
  );
  if ('error' in answer) {
    void vscode.window.showErrorMessage(answer.error);
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument(view);
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Opens the original beside its view; a web page at the element the cursor's line came from. */
async function openOriginal(client: LanguageClient, uri?: vscode.Uri): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const view = uri instanceof vscode.Uri ? uri : editor?.document.uri;
  const original = view && originalOf(view);
  if (!view || !original) {
    void vscode.window.showInformationMessage(t('Åbn først en publiceret fil som tekst (Referat: Åbn som tekst).', 'First open a published file as text (Referat: Open as text).'));
    return;
  }
  const line = editor && editor.document.uri.toString() === view.toString() ? editor.selection.active.line : 0;
  const place = await client.sendRequest<SourcePlace | null>(Requests.sourcePlace, { uri: view.toString(), line }).catch(() => null);
  const options: vscode.TextDocumentShowOptions = { viewColumn: vscode.ViewColumn.Beside, preview: true };
  if (place?.line !== undefined && /\.html?$/i.test(original.path)) {
    const at = new vscode.Position(place.line, place.column ?? 0);
    options.selection = new vscode.Range(at, at);
  }
  await vscode.commands.executeCommand('vscode.open', original, options);
  if (place?.page !== undefined) {
    void vscode.window.setStatusBarMessage(t(`Linjen står på side ${place.page} i originalen`, `The line is on page ${place.page} of the original`), 8000);
  }
}

/**
 * Exports a view's text to a text file the user chooses (beside the original by default), through the
 * editor's file system, and opens it: there the text can be edited and fixed like any referat.
 */
async function exportText(arg?: vscode.Uri | string): Promise<vscode.Uri | undefined> {
  const view = typeof arg === 'string' ? vscode.Uri.parse(arg) : arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  const original = view && originalOf(view);
  if (!view || !original) return undefined;
  const doc = await vscode.workspace.openTextDocument(view);
  const target = await vscode.window.showSaveDialog({
    defaultUri: original.with({ path: original.path.replace(/\.(pdf|docx|html?)$/i, '.txt') }),
    filters: { [t('Tekst', 'Text')]: ['txt', 'md'] },
    saveLabel: t('Eksportér teksten', 'Export the text'),
    title: t('Eksportér teksten, som Referat læste den', 'Export the text as Referat read it'),
  });
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(doc.getText()));
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target), { preview: false });
  return target;
}

/**
 * An editing command on a view: not run, with why and the way out. Returns true when `doc` is a view
 * (the caller stops). Export is offered as the button.
 */
export function refuseOnSourceView(doc: vscode.TextDocument): boolean {
  if (!isSourceView(doc.uri)) return false;
  const exportIt = t('Eksportér teksten', 'Export the text');
  void vscode.window
    .showWarningMessage(
      t(
        'Teksten er læst fra en publiceret fil (PDF, Word eller HTML), og Referat ændrer aldrig den fil. Eksportér teksten til en tekstfil og ret i den.',
        'This text is read from a published file (PDF, Word or HTML), which Referat never changes. Export the text to a text file and edit that.',
      ),
      exportIt,
    )
    .then((choice) => (choice === exportIt ? exportText(doc.uri) : undefined));
  return true;
}

const NOTICE_OFF = 'referat.publishedNotice.off';

/**
 * A published file opened in the editor (VS Code shows a PDF or Word file as binary, a web page as markup):
 * offer its text view once per file and session. A web page only when it is minutes, so a web
 * developer's pages are left alone. "Vis ikke igen" turns the notice off.
 */
class OpenNotice {
  private readonly offered = new Set<string>();

  constructor(private readonly context: vscode.ExtensionContext, private readonly client: LanguageClient, private readonly ready: Promise<void>) {}

  tabsOpened(tabs: readonly vscode.Tab[]): void {
    for (const tab of tabs) {
      const input = tab.input;
      const uri = input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom ? input.uri : undefined;
      if (uri && uri.scheme === 'file' && isPublishedName(uri.path)) void this.offer(uri);
    }
  }

  private async offer(file: vscode.Uri): Promise<void> {
    if (this.context.globalState.get<boolean>(NOTICE_OFF) || this.offered.has(file.toString())) return;
    const view = viewUriOf(file);
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === view.toString())) return;
    this.offered.add(file.toString());
    if (/\.html?$/i.test(file.path)) {
      await this.ready;
      const answer = await this.client.sendRequest<SourceText>(Requests.sourceText, { uri: view.toString(), withKind: true }).catch(() => null);
      if (!answer || 'error' in answer || !answer.kind) return;
    }
    const open = t('Åbn som tekst', 'Open as text');
    const never = t('Vis ikke igen', "Don't show again");
    const choice = await vscode.window.showInformationMessage(
      t(
        `${nameOf(file)} er en publiceret fil. Åbn teksten, som Referat læser den, for at se punkterne og fundene (med siden i originalen)?`,
        `${nameOf(file)} is a published file. Open its text as Referat reads it, to see the items and findings (with the page in the original)?`,
      ),
      open,
      never,
    );
    if (choice === open) await vscode.commands.executeCommand('referat.openAsText', file);
    else if (choice === never) await this.context.globalState.update(NOTICE_OFF, true);
  }
}

/** Registers the view's content provider, its commands and the notice on opening a published file. */
export function registerSourceViews(context: vscode.ExtensionContext, client: LanguageClient, ready: Promise<void>): void {
  const provider = new SourceTextProvider(client, ready);
  const notice = new OpenNotice(context, client, ready);
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.{pdf,docx,html,htm,PDF,DOCX,HTML,HTM}');
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(SOURCE_VIEW_SCHEME, provider),
    watcher,
    watcher.onDidChange((uri) => provider.fileChanged(uri)),
    vscode.commands.registerCommand('referat.openAsText', (uri?: vscode.Uri) => openAsText(client, ready, uri)),
    vscode.commands.registerCommand('referat.openOriginal', (uri?: vscode.Uri) => openOriginal(client, uri)),
    vscode.commands.registerCommand('referat.exportText', (uri?: vscode.Uri | string) => exportText(uri)),
    vscode.window.tabGroups.onDidChangeTabs((e) => notice.tabsOpened(e.opened)),
  );
  // A published file open before Referat started (it activated because the workspace holds one).
  notice.tabsOpened(vscode.window.tabGroups.all.flatMap((g) => g.tabs));
}
