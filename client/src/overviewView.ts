/** The "Referat" view in the Explorer: the active document's items at a glance, clickable. */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { count } from '../../server/src/core/plural';
import { t, uiLanguage } from './i18n';
import { Requests, type Overview, type OverviewItem } from './protocol';

export class OverviewProvider implements vscode.TreeDataProvider<OverviewItem> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private current: { uri: vscode.Uri; overview: Overview } | null = null;

  constructor(private readonly client: LanguageClient) {}

  get overview(): Overview | null {
    return this.current?.overview ?? null;
  }

  async refresh(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    this.current = null;
    if (editor) {
      const result = await this.client
        .sendRequest<{ overview: Overview } | null>(Requests.overview, { uri: editor.document.uri.toString() })
        .catch(() => null);
      if (result) this.current = { uri: editor.document.uri, overview: result.overview };
    }
    void vscode.commands.executeCommand('setContext', 'referat.hasOverview', this.current !== null);
    this.changed.fire();
  }

  getChildren(element?: OverviewItem): OverviewItem[] {
    return element || !this.current ? [] : this.current.overview.items;
  }

  getTreeItem(item: OverviewItem): vscode.TreeItem {
    const tree = new vscode.TreeItem(`Punkt ${item.number}: ${item.title}`, vscode.TreeItemCollapsibleState.None);
    const problems = item.errors + item.warnings;
    const parts = [item.status];
    if (item.missing.length > 0) parts.push(t(`mangler ${item.missing.join(', ')}`, `missing ${item.missing.join(', ')}`));
    if (problems > 0) parts.push(count(problems, 'problem', uiLanguage()));
    tree.description = parts.filter(Boolean).join(' · ');
    tree.tooltip = new vscode.MarkdownString(`**Punkt ${item.number}: ${item.title}**\n\n${tree.description}`);
    tree.iconPath = new vscode.ThemeIcon(
      item.errors > 0 ? 'error' : item.warnings > 0 || item.missing.length > 0 ? 'warning' : item.outcome ? 'pass' : 'circle-outline',
    );
    if (this.current) {
      const pos = new vscode.Position(item.range.start.line, item.range.start.character);
      tree.command = {
        command: 'vscode.open',
        title: t('Gå til punktet', 'Go to item'),
        arguments: [this.current.uri, { selection: new vscode.Range(pos, pos) }],
      };
    }
    return tree;
  }
}
