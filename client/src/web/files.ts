/**
 * The client's answers to a web worker server's file requests (core/protocol-web.ts): the server has no
 * disk, so the client lists and reads for it through the editor's file system (vscode.workspace), which
 * is the disk, a remote, or a virtual workspace (github.dev) alike.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { bytesToBase64 } from '../../../server/src/core/base64';
import { WebRequests, type ListFilesParams, type ListFilesResult, type ReadFilesParams, type ReadFilesResult } from '../../../server/src/core/protocol-web';

/** What the server reads: minutes files and the configuration files (the workspace's own rules pick among them). */
const FILES = '**/{*.referat,*.txt,*.md,.referat.json}';

export function answerFileRequests(client: BaseLanguageClient): vscode.Disposable[] {
  return [
    client.onRequest(WebRequests.listFiles, async (p: ListFilesParams): Promise<ListFilesResult> => {
      const files: string[] = [];
      for (const folder of p.folders) {
        if (files.length >= p.maxFiles) break;
        const found = await vscode.workspace.findFiles(new vscode.RelativePattern(vscode.Uri.parse(folder), FILES), undefined, p.maxFiles - files.length);
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
