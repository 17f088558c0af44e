/**
 * The requests a language server in a browser's web worker sends its client, which reads the editor's file
 * system for it (vscode.workspace.fs): a worker has no disk. One definition for both sides, pure data.
 */
export const WebRequests = {
  /** Server → client: the minutes files and .referat.json files under workspace folders. */
  listFiles: 'referat/web/listFiles',
  /** Server → client: files' bytes, base64 (null for a file that cannot be read). */
  readFiles: 'referat/web/readFiles',
  /**
   * Server → client: the server's own script (dist/web/server.js), base64, which the server starts its nested
   * analysis worker from (a blob: URL of its own; the one the client started the server from is revoked).
   */
  serverScript: 'referat/web/serverScript',
} as const;

export interface ListFilesParams {
  /** The folders' URIs. */
  folders: string[];
  /** At most this many files in all. */
  maxFiles: number;
}
export interface ListFilesResult {
  /** The files' URIs. */
  files: string[];
}

export interface ReadFilesParams {
  uris: string[];
}
export interface ReadFilesResult {
  /** In the order asked: the bytes as base64, or an errno-like error. */
  files: ({ base64: string } | { error: { code: string; message: string } })[];
}

export interface ServerScriptResult {
  base64: string;
}
