/**
 * The editor's settings as the server knows them: the window's, each workspace folder's and
 * each open document's (package.json "scope": "resource"), pulled from the client when it
 * can answer workspace/configuration and pushed by it otherwise.
 */
import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver';
import type { Log } from './guard';
import type { ServerHost } from './host';
import { DEFAULT_SETTINGS, normaliseSettings, type EditorSettings } from './settings';

export class SettingsStore {
  /** The window's settings (no scope): for untitled documents and what no folder decides. */
  window: EditorSettings = DEFAULT_SETTINGS;
  /** The workspace folders' paths in the workspace's file system (features/host.ts). */
  folders: string[] = [];
  /** True when the client answers workspace/configuration; else it pushes settings with didChangeConfiguration. */
  canPull = false;
  /**
   * Resource-scoped settings: each open document's own (asked with its URI as scope, so a
   * multi-root folder's settings and [referat] language overrides apply), and each workspace
   * folder's for files that are not open.
   */
  private readonly ofDocument = new Map<string, EditorSettings>();
  private readonly ofFolder = new Map<string, EditorSettings>();

  constructor(private readonly connection: Connection, private readonly log: Log, private readonly host: Pick<ServerHost, 'pathOf' | 'uriOf'>) {}

  /** The settings that apply to a document or file: its own, else its folder's, else the window's. */
  for(uri: string): EditorSettings {
    const own = this.ofDocument.get(uri);
    if (own) return own;
    const file = this.host.pathOf(uri);
    if (file !== undefined) {
      const folder = this.folders.filter((w) => file.startsWith(w + path.sep)).sort((a, b) => b.length - a.length)[0];
      const scoped = folder ? this.ofFolder.get(folder) : undefined;
      if (scoped) return scoped;
    }
    return this.window;
  }

  /** True once the document's own settings were asked for. */
  hasDocument(uri: string): boolean {
    return this.ofDocument.has(uri);
  }

  forgetDocument(uri: string): void {
    this.ofDocument.delete(uri);
  }

  /** The window's settings, each workspace folder's and each open document's, asked again. */
  async pullAll(openDocuments: string[]): Promise<void> {
    if (!this.canPull) return;
    try {
      this.window = normaliseSettings(await this.connection.workspace.getConfiguration('referat'));
      this.ofFolder.clear();
      for (const folder of this.folders) {
        this.ofFolder.set(folder, normaliseSettings(await this.connection.workspace.getConfiguration({ scopeUri: this.host.uriOf(folder), section: 'referat' })));
      }
    } catch (e) {
      this.log(`could not read settings: ${(e as Error).message}`);
    }
    this.ofDocument.clear();
    await Promise.all(openDocuments.map((uri) => this.pullDocument(uri)));
  }

  async pullDocument(uri: string): Promise<void> {
    if (!this.canPull) return;
    try {
      this.ofDocument.set(uri, normaliseSettings(await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'referat' })));
    } catch (e) {
      this.log(`could not read the settings of ${uri}: ${(e as Error).message}`);
    }
  }
}
