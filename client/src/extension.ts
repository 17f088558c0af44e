/**
 * The VS Code client: starts the Referat language server, forwards settings and
 * file events, and wires commands, the overview view and the status bar. No domain
 * logic: everything about minutes is answered by the server.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { t } from './i18n';
import { OverviewProvider } from './overviewView';
import { registerSourceViews } from './sourceViews';
import { StatusBar } from './statusBar';
import { Notifications } from './protocol';

let client: LanguageClient | undefined;

export interface ReferatApi {
  /** Resolves when the language server is running. */
  ready: Promise<void>;
  client: LanguageClient;
  overview: OverviewProvider;
  statusBar: StatusBar;
}

export function activate(context: vscode.ExtensionContext): ReferatApi {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const outputChannel = vscode.window.createOutputChannel('Referat', { log: true });
  const clientOptions: LanguageClientOptions = {
    // .txt and .md files are sent too; the server answers only for those it recognises as minutes. The referat
    // language has no scheme: it covers published files' read-only views (referat-source:…/x.pdf.referat).
    documentSelector: [
      { language: 'referat' },
      { language: 'plaintext', scheme: 'file' },
      { language: 'plaintext', scheme: 'untitled' },
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
    ],
    synchronize: {
      configurationSection: 'referat',
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/.referat.json'),
        vscode.workspace.createFileSystemWatcher('**/*.{referat,txt,md}'),
      ],
    },
    outputChannel,
    // saveFileCommand: this client runs referat.saveFile, so "Ignorér i dette dokument" lands on disk at once.
    // trusted: in Restricted Mode the server leaves out the workspace's own profiles (see package.json capabilities).
    initializationOptions: { settings: vscode.workspace.getConfiguration('referat'), saveFileCommand: true, trusted: vscode.workspace.isTrusted },
  };
  const languageClient = new LanguageClient('referat', 'Referat', serverOptions, clientOptions);
  client = languageClient;

  const overview = new OverviewProvider(languageClient);
  const statusBar = new StatusBar(languageClient);
  const showOverview = async () => {
    await vscode.commands.executeCommand('workbench.view.explorer');
    await vscode.commands.executeCommand('referat.overview.focus');
  };
  registerCommands(context, languageClient, showOverview);
  context.subscriptions.push(
    vscode.window.registerTreeDataProvider('referat.overview', overview),
    statusBar,
    vscode.commands.registerCommand('referat.showOutput', () => outputChannel.show()),
  );

  let refreshTimer: NodeJS.Timeout | undefined;
  const refresh = () => {
    if (refreshTimer) clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => void Promise.all([overview.refresh(), statusBar.refresh()]), 150);
  };
  const ready = languageClient.start().then(() => {
    context.subscriptions.push(
      languageClient.onNotification(Notifications.recognised, (p: { uri: string }) => suggestOpenAsReferat(context, p.uri)),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void languageClient.sendNotification(Notifications.trust, { trusted: true })),
      vscode.window.onDidChangeActiveTextEditor(refresh),
      vscode.languages.onDidChangeDiagnostics(refresh),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('referat') && refresh()),
    );
    refresh();
  });
  // Published files' read-only views (their text comes from the server, so it waits for it).
  registerSourceViews(context, languageClient, ready);
  context.subscriptions.push({ dispose: () => void languageClient.stop() });
  return { ready, client: languageClient, overview, statusBar };
}

/** A .txt file that is minutes: offer once (per workspace) to open it as Referat. */
async function suggestOpenAsReferat(context: vscode.ExtensionContext, uri: string): Promise<void> {
  const key = 'referat.suggestedOpenAs';
  if (context.workspaceState.get<boolean>(key)) return;
  await context.workspaceState.update(key, true);
  const open = t('Åbn som Referat', 'Open as Referat');
  const choice = await vscode.window.showInformationMessage(
    t('Denne tekstfil ligner et referat eller en dagsorden. Vil du åbne den som Referat (farver og alle funktioner)?', 'This text file looks like minutes or an agenda. Open it as Referat (colours and all features)?'),
    open,
  );
  if (choice === open) await vscode.commands.executeCommand('referat.openAsReferat', vscode.Uri.parse(uri));
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
