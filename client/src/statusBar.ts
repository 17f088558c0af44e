/** Status bar for the active minutes: profile, kind, number of items, number of problems. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { count } from '../../server/src/core/plural';
import { t, uiLanguage } from './i18n';
import type { Status } from './protocol';

export class StatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('referat.status', vscode.StatusBarAlignment.Right, 100);

  constructor(private readonly client: LanguageClient) {
    this.item.name = 'Referat';
    this.item.command = 'referat.showOverview';
  }

  async refresh(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const status = editor
      ? await this.client.sendRequest<Status | null>('referat/status', { uri: editor.document.uri.toString() }).catch(() => null)
      : null;
    if (!status || !status.kind) {
      this.item.hide();
      return;
    }
    const kind = status.kind === 'referat' ? t('Referat', 'Minutes') : t('Dagsorden', 'Agenda');
    const problems = status.errors + status.warnings;
    const lang = uiLanguage();
    this.item.text = `$(checklist) ${kind} · ${count(status.items, 'item', lang)} · ${problems === 0 ? '$(check)' : `$(warning) ${problems}`}`;
    const counts = `${count(status.errors, 'error', lang)}, ${count(status.warnings, 'warning', lang)}, ${count(status.infos, 'note', lang)}`;
    this.item.tooltip = t(`Profil: ${status.profile}\n${counts}\nKlik for oversigten`, `Profile: ${status.profile}\n${counts}\nClick for the overview`);
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
