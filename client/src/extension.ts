/**
 * The VS Code client: starts the Referat language server, forwards settings and
 * file events, and registers the few commands that need the editor. No domain logic.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

type Lang = 'da' | 'en';
function uiLanguage(): Lang {
  const configured = vscode.workspace.getConfiguration('referat').get<string>('language');
  return configured === 'en' ? 'en' : 'da';
}
const t = (da: string, en: string) => (uiLanguage() === 'en' ? en : da);

export interface ReferatApi {
  /** Resolves when the language server is running. */
  ready: Promise<void>;
  client: LanguageClient;
}

export function activate(context: vscode.ExtensionContext): ReferatApi {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const outputChannel = vscode.window.createOutputChannel('Referat', { log: true });
  const clientOptions: LanguageClientOptions = {
    // .txt and .md files are sent too; the server answers only for those it recognises as minutes.
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
    initializationOptions: { settings: vscode.workspace.getConfiguration('referat') },
  };
  client = new LanguageClient('referat', 'Referat', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand('referat.openAsReferat', async (uri?: vscode.Uri) => {
      const doc = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
      if (doc) await vscode.languages.setTextDocumentLanguage(doc, 'referat');
    }),
    vscode.commands.registerCommand('referat.validateWorkspace', async () => {
      const result = await client!.sendRequest<{ files: number; checked: number; problems: number; cancelled: boolean }>('referat/validateWorkspace', {});
      const message = result.cancelled
        ? t(`Kontrollen blev afbrudt efter ${result.checked} af ${result.files} filer.`, `Validation cancelled after ${result.checked} of ${result.files} files.`)
        : t(`${result.checked} filer kontrolleret: ${result.problems} fejl og advarsler. Se Problemer.`, `${result.checked} files checked: ${result.problems} errors and warnings. See Problems.`);
      void vscode.window.showInformationMessage(message);
      return result;
    }),
    vscode.commands.registerCommand('referat.showOutput', () => outputChannel.show()),
  );

  const ready = client.start().then(() => {
    context.subscriptions.push(
      client!.onNotification('referat/recognised', (p: { uri: string }) => suggestOpenAsReferat(context, p.uri)),
    );
  });
  context.subscriptions.push({ dispose: () => void client?.stop() });
  return { ready, client };
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
