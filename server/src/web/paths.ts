/**
 * Names of the editor's files as the workspace's paths (node/workspace.ts works on POSIX paths): a web
 * worker's server serves documents of any file system the editor has (vscode-remote, vscode-vfs for
 * github.dev, file), so a path carries the URI's scheme and authority as its first two segments:
 * `vscode-vfs://github/org/repo/a.txt` is `/vscode-vfs/github/org/repo/a.txt`. Relative paths between two
 * files of one folder (ignorePatterns, ignore entries) are then the same as on disk.
 */
import { URI } from 'vscode-uri';

/** Documents that are no file of a workspace: their settings and configuration are the window's. */
const NOT_IN_A_FILE_SYSTEM = new Set(['untitled', 'vscode-notebook-cell', 'output', 'git', 'vscode-scm', 'walkThroughSnippet']);

/** The segment for an empty authority (file:///…); a real "_" is written %5F, so the two never meet. */
const NO_AUTHORITY = '_';

export function pathOfUri(uri: string): string | undefined {
  const u = URI.parse(uri);
  if (NOT_IN_A_FILE_SYSTEM.has(u.scheme)) return undefined;
  const authority = u.authority === '' ? NO_AUTHORITY : encodeURIComponent(u.authority).replace(/_/g, '%5F');
  return `/${u.scheme}/${authority}${u.path.startsWith('/') ? u.path : `/${u.path}`}`.replace(/\/+$/, '') || '/';
}

export function uriOfPath(file: string): string {
  const [, scheme, authority, ...rest] = file.split('/');
  return URI.from({
    scheme: scheme ?? 'file',
    authority: authority === undefined || authority === NO_AUTHORITY ? '' : decodeURIComponent(authority),
    path: `/${rest.join('/')}`,
  }).toString();
}
