/**
 * The workspace's minutes on disk (listed and read by node/workspace.ts, as the CLI does),
 * read in the background in small slices so the server keeps answering: Punkt titles for workspace symbols, meetings for the
 * cross-document checks and links, and findings for "Validate workspace". Files open in the editor are served from their buffers.
 */
import { analyze } from '../core/analyze';
import type { ReferatConfig } from '../core/config';
import { indexMeeting, type IndexedMeeting } from '../core/crossdoc';
import type { MinutesDocument } from '../core/model';
import type { Workspace } from '../node/workspace';

/** Larger files are not indexed in the background (they are still checked when opened or by "Validate workspace"). */
const MAX_INDEXED_BYTES = 5 * 1024 * 1024;
/** The background index reads at most this many files. */
export const MAX_INDEXED_FILES = 20000;

/** Reads a file as minutes (with the workspace's encoding detection); null when it is too large, unreadable or not minutes. */
export function readMinutes(workspace: Workspace, file: string, config: ReferatConfig) {
  try {
    if ((workspace.sizeOf(file) ?? 0) > MAX_INDEXED_BYTES) return null;
    const analysis = analyze(workspace.readText(file).text, { config });
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

  /** Sets a document's entry from its index entry (null: not minutes). */
  set(uri: string, meeting: IndexedMeeting | null): void {
    if (meeting?.kind) this.docs.set(uri, meeting);
    else this.docs.delete(uri);
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

  /**
   * Reads every file (the workspace's minutes files, node/service.ts; `uri` names each as the index does),
   * letting other messages through between files (`pause`, the host's); `done` is told how many are read.
   */
  async scan(
    files: readonly string[],
    read: (uri: string) => Promise<{ model: MinutesDocument } | null>,
    how: { uriOf: (file: string) => string; pause: () => Promise<void>; isCancelled?: () => boolean; done?: (count: number) => void },
  ): Promise<void> {
    for (const [i, file] of files.entries()) {
      if (how.isCancelled?.()) return;
      const uri = how.uriOf(file);
      this.update(uri, (await read(uri))?.model ?? null);
      how.done?.(i + 1);
      await how.pause();
    }
  }
}
