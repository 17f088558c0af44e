/**
 * The client's answers to a web worker server's file requests (core/protocol-web.ts): the server has no
 * disk, so the client lists and reads for it through the editor's file system (vscode.workspace), which
 * is the disk, a remote, or a virtual workspace (github.dev) alike.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { bytesToBase64 } from '../../../server/src/core/base64';
import { WebRequests, type ListFilesParams, type ListFilesResult, type ReadFilesParams, type ReadFilesResult } from '../../../server/src/core/protocol-web';

/**
 * What the server reads: minutes files (any case, as node/workspace.ts's MINUTES_FILE) and the configuration
 * files; the server's workspace applies its own rules to the list (ignorePatterns, the limit).
 */
const FILES = '**/{*.[rR][eE][fF][eE][rR][aA][tT],*.[tT][xX][tT],*.[mM][dD],.referat.json}';
/**
 * The folders `referat check` does not enter either (node/workspace.ts: SKIPPED_FOLDERS and hidden ones),
 * so the two list the same files; given, it replaces files.exclude, which the command line knows nothing of.
 */
const SKIPPED = '**/{node_modules,dist,out,.*}/**';

export function answerFileRequests(client: BaseLanguageClient): vscode.Disposable[] {
  return [
    client.onRequest(WebRequests.listFiles, async (p: ListFilesParams): Promise<ListFilesResult> => {
      const files: string[] = [];
      for (const folder of p.folders) {
        if (files.length >= p.maxFiles) break;
        const found = await vscode.workspace.findFiles(new vscode.RelativePattern(vscode.Uri.parse(folder), FILES), new vscode.RelativePattern(vscode.Uri.parse(folder), SKIPPED), p.maxFiles - files.length);
        files.push(...found.map((u) => u.toString()));
      }
      return { files };
    }),
    client.onRequest(WebRequests.readFiles, async (p: ReadFilesParams): Promise<ReadFilesResult> => ({
      files: await Promise.all(
        p.uris.map(async (uri) => {
          try {
            return { base64: bytesToBase64(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri))) };
          } catch (e) {
            const code = e instanceof vscode.FileSystemError && e.code === 'FileNotFound' ? 'ENOENT' : e instanceof vscode.FileSystemError && e.code === 'FileIsADirectory' ? 'EISDIR' : 'EIO';
            return { error: { code, message: (e as Error).message } };
          }
        }),
      ),
    })),
  ];
}
