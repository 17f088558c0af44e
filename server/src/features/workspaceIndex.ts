/**
 * The workspace's minutes on disk, read in the background in small slices so the
 * server keeps answering: Punkt titles for workspace symbols, meetings for the
 * cross-document checks and links, and findings for "Validate workspace". Files open in the editor are served from their buffers.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { analyze } from '../core/analyze';
import type { ReferatConfig } from '../core/config';
import { indexMeeting, type IndexedMeeting } from '../core/crossdoc';
import type { MinutesDocument } from '../core/model';

export const MINUTES_FILE = /\.(referat|txt|md)$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);
/** Larger files are not indexed in the background (they are still checked when opened). */
const MAX_INDEXED_BYTES = 5 * 1024 * 1024;
const MAX_FILES = 20000;



export function listMinutesFiles(root: string, isCancelled: () => boolean = () => false): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    if (out.length >= MAX_FILES || isCancelled()) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) walk(path.join(dir, e.name));
      } else if (e.isFile() && MINUTES_FILE.test(e.name)) {
        out.push(path.join(dir, e.name));
      }
    }
  };
  walk(root);
  return out.sort();
}

/** Reads a file as minutes; null when it is too large, unreadable or not minutes. */
export function readMinutes(file: string, config: ReferatConfig) {
  try {
    if (statSync(file).size > MAX_INDEXED_BYTES) return null;
    const text = readFileSync(file, 'utf8');
    const analysis = analyze(text, { config });
    return analysis.model.kind ? analysis : null;
  } catch {
    return null;
  }
}

export class WorkspaceIndex {
  private readonly docs = new Map<string, IndexedMeeting>();

  update(uri: string, model: MinutesDocument | null): void {
    if (!model || !model.kind) {
      this.docs.delete(uri);
      return;
    }
    this.docs.set(uri, indexMeeting(uri, model));
  }

  remove(uri: string): void {
    this.docs.delete(uri);
  }

  get(uri: string): IndexedMeeting | undefined {
    return this.docs.get(uri);
  }

  all(): IndexedMeeting[] {
    return [...this.docs.values()];
  }

  /** Reads every minutes file under the folders, yielding between files. */
  async scan(folders: string[], configFor: (file: string) => ReferatConfig, isCancelled: () => boolean = () => false): Promise<void> {
    for (const folder of folders) {
      for (const file of listMinutesFiles(folder, isCancelled)) {
        if (isCancelled()) return;
        const analysis = readMinutes(file, configFor(file));
        this.update(URI.file(file).toString(), analysis?.model ?? null);
        await new Promise((r) => setImmediate(r));
      }
    }
  }
}
