/**
 * Status bar for the active minutes. VS Code's own counter already shows the workspace's
 * errors and warnings, so this item does not repeat numbers: its icon is the worst severity
 * in *this* document (error, warning, note, or a check mark), and it adds what the counter
 * cannot know: the kind, the number of items, how many decisions a referat has written, and
 * (in the tooltip) the template profile by its municipality's name and this document's counts.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { count } from '../../server/src/core/plural';
import { t, uiLanguage } from './i18n';
import { Requests, type Status } from './protocol';

export type WorstSeverity = 'error' | 'warning' | 'information' | 'none';

export function worstSeverity(status: Pick<Status, 'errors' | 'warnings' | 'infos'>): WorstSeverity {
  if (status.errors > 0) return 'error';
  if (status.warnings > 0) return 'warning';
  if (status.infos > 0) return 'information';
  return 'none';
}

const ICON: Record<WorstSeverity, string> = { error: '$(error)', warning: '$(warning)', information: '$(info)', none: '$(check)' };

export class StatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('referat.status', vscode.StatusBarAlignment.Right, 100);
  /** The worst severity shown now (for tests and the UI check). */
  severity: WorstSeverity | null = null;

  constructor(private readonly client: LanguageClient) {
    this.item.name = 'Referat';
    this.item.command = 'referat.showOverview';
  }

  async refresh(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const status = editor
      ? await this.client.sendRequest<Status | null>(Requests.status, { uri: editor.document.uri.toString() }).catch(() => null)
      : null;
    if (!status || !status.kind) {
      this.severity = null;
      this.item.hide();
      return;
    }
    const lang = uiLanguage();
    const kind = status.kind === 'referat' ? t('Referat', 'Minutes') : t('Dagsorden', 'Agenda');
    const worst = worstSeverity(status);
    const decisions = status.decisions ? ` · ${t(`${status.decisions.written}/${status.decisions.needed} beslutninger`, `${status.decisions.written}/${status.decisions.needed} decisions`)}` : '';
    this.severity = worst;
    this.item.text = `${ICON[worst]} ${kind} · ${count(status.items, 'item', lang)}${decisions}`;
    // Only an error gets the error colour: a warning in minutes is common while writing.
    this.item.backgroundColor = worst === 'error' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    const counts = `${count(status.errors, 'error', lang)}, ${count(status.warnings, 'warning', lang)}, ${count(status.infos, 'note', lang)}`;
    const profile = status.profileName ? `${status.profileName} (${status.profile})` : status.profile;
    this.item.tooltip = t(
      `Skabelon: ${profile}\nI dette dokument: ${counts}\nKlik for oversigten`,
      `Template: ${profile}\nIn this document: ${counts}\nClick for the overview`,
    );
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
