/**
 * The client's work, the same in VS Code desktop (extension.ts: the server in Node over IPC) and in the
 * browser (web/extension.ts: the server in a web worker): the options the server is started with,
 * commands, the Referat view, the status bar, Show log, and the suggestion to open a .txt as Referat.
 * Each entry only says how the language client is made. No domain logic: the server answers everything.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { registerCommands } from './commands';
import { t } from './i18n';
import { OverviewProvider } from './overviewView';
import { registerSourceViews } from './sourceViews';
import { StatusBar } from './statusBar';
import { Notifications } from './protocol';
import { recordingLog, type RecordedLog } from './recordingLog';

export interface ReferatApi {
  /** Resolves when the language server is running. */
  ready: Promise<void>;
  client: BaseLanguageClient;
  overview: OverviewProvider;
  statusBar: StatusBar;
  /** The last lines of the Referat log (what Show log shows), for a test or a support request. */
  log: RecordedLog;
}

/**
 * The schemes of documents Referat checks besides the Referat language's own (any scheme): a disk, a
 * remote (vscode-remote, in the browser of code-server), a virtual workspace (vscode-vfs: github.dev and
 * Remote Repositories), and untitled documents.
 */
const SCHEMES = ['file', 'untitled', 'vscode-remote', 'vscode-vfs'];

export function activateReferat(
  context: vscode.ExtensionContext,
  makeClient: (clientOptions: LanguageClientOptions) => BaseLanguageClient,
): ReferatApi {
  const log = recordingLog(vscode.window.createOutputChannel('Referat', { log: true }));
  const clientOptions: LanguageClientOptions = {
    // .txt and .md files are sent too; the server answers only for those it recognises as minutes. The referat
    // language has no scheme: it covers published files' read-only views (referat-source:…/x.pdf.referat).
    documentSelector: [
      { language: 'referat' },
      ...SCHEMES.flatMap((scheme) => [{ language: 'plaintext', scheme }, { language: 'markdown', scheme }]),
    ],
    synchronize: {
      configurationSection: 'referat',
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/.referat.json'),
        vscode.workspace.createFileSystemWatcher('**/*.{referat,txt,md}'),
      ],
    },
    outputChannel: log.channel,
    // saveFileCommand: this client runs referat.saveFile, so "Ignorér i dette dokument" lands on disk at once.
    // trusted: in Restricted Mode the server leaves out the workspace's own profiles (see package.json capabilities).
    // The settings as plain data: a web worker's postMessage cannot clone the configuration object's methods (JSON over IPC drops them).
    initializationOptions: { settings: plainSettings(), saveFileCommand: true, trusted: vscode.workspace.isTrusted },
  };
  const languageClient = makeClient(clientOptions);

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
    vscode.commands.registerCommand('referat.showOutput', () => log.channel.show()),
  );

  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
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
  return { ready, client: languageClient, overview, statusBar, log };
}

function plainSettings(): unknown {
  return JSON.parse(JSON.stringify(vscode.workspace.getConfiguration('referat')));
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
