/**
 * The editor's file system for a server in a web worker, which has no disk: node/workspace.ts's FileSystem,
 * synchronous over what was fetched from the client before (requests of core/protocol-web.ts, which the
 * client answers with vscode.workspace.fs). The listing of the workspace folders is fetched at start and
 * before "Validate workspace"; the .referat.json files are kept; a minutes file's bytes are fetched right
 * before it is read, and only the last few are kept (the index reads each file once).
 */
import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver';
import { base64ToBytes } from '../core/base64';
import { WebRequests, type ListFilesParams, type ListFilesResult, type ReadFilesParams, type ReadFilesResult } from '../core/protocol-web';
import type { Log } from '../features/guard';
import type { FileSystem } from '../node/workspace';
import { pathOfUri, uriOfPath } from './paths';

const CONFIG_FILE = '.referat.json';
/** The minutes files whose bytes are kept after they were fetched. */
const KEPT_FILES = 64;
/** The listing holds at most this many files (as the background index reads at most 20,000). */
const MAX_LISTED_FILES = 20000;

type Entry = { name: string; folder: boolean; file: boolean };

export class ClientFiles implements FileSystem {
  /** Every file the listing holds. */
  private readonly files = new Set<string>();
  private readonly bytes = new Map<string, Uint8Array>();

  constructor(private readonly connection: Pick<Connection, 'sendRequest'>, private readonly log: Log) {}

  list(dir: string): Entry[] {
    const prefix = dir.endsWith('/') ? dir : `${dir}/`;
    const entries = new Map<string, boolean>();
    for (const f of this.files) {
      if (!f.startsWith(prefix)) continue;
      const rest = f.slice(prefix.length);
      const slash = rest.indexOf('/');
      const name = slash === -1 ? rest : rest.slice(0, slash);
      entries.set(name, slash !== -1 || entries.get(name) === true);
    }
    return [...entries].map(([name, folder]) => ({ name, folder, file: !folder }));
  }

  read(file: string): Uint8Array {
    const bytes = this.bytes.get(file);
    if (bytes) return bytes;
    if (this.files.has(file)) throw Object.assign(new Error(`${file} was not fetched from the editor`), { code: 'EAGAIN' });
    throw Object.assign(new Error(`no such file: ${file}`), { code: this.isFolder(file) ? 'EISDIR' : 'ENOENT' });
  }

  exists(file: string): boolean {
    return this.files.has(file) || this.isFolder(file);
  }

  size(file: string): number | undefined {
    return this.bytes.get(file)?.length;
  }

  /** See ServerHost.prepare: list folders, fetch files, fetch changed files again (and forget deleted ones). */
  async prepare(request: { folders?: readonly string[]; files?: readonly string[]; changed?: readonly string[] }): Promise<void> {
    if (request.folders && request.folders.length > 0) await this.listFolders(request.folders);
    const wanted = (request.files ?? []).filter((f) => !this.bytes.has(f));
    const changed = request.changed ?? [];
    if (wanted.length + changed.length > 0) await this.fetch([...wanted, ...changed], new Set(changed));
  }

  private isFolder(dir: string): boolean {
    const prefix = dir.endsWith('/') ? dir : `${dir}/`;
    for (const f of this.files) if (f.startsWith(prefix)) return true;
    return false;
  }

  private async listFolders(folders: readonly string[]): Promise<void> {
    const params: ListFilesParams = { folders: folders.map(uriOfPath), maxFiles: MAX_LISTED_FILES };
    const result = await this.connection.sendRequest<ListFilesResult>(WebRequests.listFiles, params);
    for (const folder of folders) {
      const prefix = `${folder}/`;
      for (const f of [...this.files]) if (f.startsWith(prefix)) this.files.delete(f);
    }
    for (const uri of result.files) {
      const file = pathOfUri(uri);
      if (file !== undefined) this.files.add(file);
    }
    // The configuration files are read at once: every document's configuration is looked up synchronously.
    const configs = [...this.files].filter((f) => path.basename(f) === CONFIG_FILE && !this.bytes.has(f));
    if (configs.length > 0) await this.fetch(configs, new Set());
  }

  /** Fetches files' bytes; `changed` ones are also added to or taken from the listing by what the editor says now. */
  private async fetch(files: readonly string[], changed: ReadonlySet<string>): Promise<void> {
    const params: ReadFilesParams = { uris: files.map(uriOfPath) };
    const result = await this.connection.sendRequest<ReadFilesResult>(WebRequests.readFiles, params);
    files.forEach((file, k) => {
      const answer = result.files[k];
      this.bytes.delete(file);
      if (answer && 'base64' in answer) {
        this.bytes.set(file, base64ToBytes(answer.base64));
        if (changed.has(file)) this.files.add(file);
      } else {
        if (changed.has(file) || answer?.error.code === 'ENOENT') this.files.delete(file);
        if (answer && answer.error.code !== 'ENOENT') this.log(`${uriOfPath(file)}: ${answer.error.message}`);
      }
    });
    this.forgetOldBytes();
  }

  /** Keeps the configuration files and the last KEPT_FILES minutes files (a Map iterates in insertion order). */
  private forgetOldBytes(): void {
    const minutes = [...this.bytes.keys()].filter((f) => path.basename(f) !== CONFIG_FILE);
    for (const f of minutes.slice(0, Math.max(0, minutes.length - KEPT_FILES))) this.bytes.delete(f);
  }
}
