/**
 * What the language server needs of the platform it runs on, so that the features are the same in Node
 * (node-host.ts: the disk, a worker thread for very large documents) and in a browser's web worker
 * (server/src/web/host.ts: the editor's file system through requests to the client, a nested worker).
 * The features never import a Node-only module; esbuild.js and scripts/check-web-bundles.mjs keep it so.
 */
import type { Analysis } from '../core/analyze';
import type { ReferatConfig } from '../core/config';
import type { ReadInput } from '../node/read-published';
import type { Workspace } from '../node/workspace';

export interface ServerHost {
  /** "Node" or "web worker": said in the log at start, so a user's log tells where the server ran. */
  readonly kind: 'node' | 'web-worker';
  /** The files (listing, reading, .referat.json), as node/workspace.ts's interface: synchronous over what prepare() fetched. */
  readonly workspace: Workspace;
  /** The workspace path of a document or folder, when it lives in the file system the workspace reads; undefined otherwise (untitled, …). */
  pathOf(uri: string): string | undefined;
  /** The URI of a workspace path (the inverse of pathOf). */
  uriOf(file: string): string;
  /**
   * Brings folders' listings and files' bytes within the workspace's reach before it is asked for them:
   * nothing to do on disk; in a web worker the client is asked (workspace.fs). `changed` forgets what was fetched of them.
   */
  prepare(request: { folders?: readonly string[]; files?: readonly string[]; changed?: readonly string[] }): Promise<void>;
  /**
   * A very large document's analysis, off the server's thread: a worker thread (Node) or a nested web worker
   * (a browser), whose job is dropped, or stopped, when `isSuperseded` says a newer version came meanwhile;
   * where no nested worker starts, a later task of the web worker's own thread (which can reuse the
   * `previous` version's untouched items). `isSuperseded` answers for this version only once the caller has
   * recorded it, after this returns.
   */
  analyzeLarge(text: string, config: ReferatConfig, isSuperseded: () => boolean, previous?: Analysis): Promise<Analysis>;
  /** Called after each analysis (Node caps V8's young generation). */
  afterAnalysis(): void;
  /**
   * Where a published file (PDF, Word, web page) is read: in a thread of its own that the time limit can stop
   * (Node); absent, in this thread, the limit checked when the reader yields (a web worker).
   */
  readonly readInput?: ReadInput;
  /** Lets other messages through between two files of a long job. */
  yieldToEvents(): Promise<void>;
  /** The rule page a diagnostic's code opens: a local copy when the host has one, else undefined (the web page). */
  localRulePage(code: string): string | undefined;
}

/** A large document's analysis that a newer version made pointless: not run, and never reported. */
export class SupersededError extends Error {
  constructor() {
    super('superseded by a newer version of the document');
  }
}
