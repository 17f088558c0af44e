/**
 * The language server's platform in a browser's web worker (features/host.ts): no disk, no threads, no
 * Node. Files come from the editor's file system through the client (client-files.ts), documents of any
 * scheme the editor has are named by paths.ts, and a very large document is analysed in a later task so
 * that the keystrokes before it get through first and a version typed over before its turn is never
 * analysed (cancellation). The analysis itself runs on this thread: a web worker cannot start a thread
 * of its own here (VS Code's web worker host refuses nested workers from an extension's URL).
 */
import type { Connection } from 'vscode-languageserver';
import { analyze } from '../core/analyze';
import type { Log } from '../features/guard';
import { SupersededError, type ServerHost } from '../features/host';
import { createWorkspace } from '../node/workspace';
import { ClientFiles } from './client-files';
import { pathOfUri, uriOfPath } from './paths';

/** The next task: messages that arrived meanwhile (a keystroke, a cancellation) are handled first. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function webHost(connection: Pick<Connection, 'sendRequest'>, log: Log): ServerHost {
  const files = new ClientFiles(connection, log);
  return {
    kind: 'web-worker',
    workspace: createWorkspace(files),
    pathOf: pathOfUri,
    uriOf: uriOfPath,
    prepare: (request) => files.prepare(request),
    analyzeLarge: async (text, config, isSuperseded, previous) => {
      await nextTask();
      if (isSuperseded()) throw new SupersededError();
      return analyze(text, { config, previous });
    },
    afterAnalysis: () => undefined,
    yieldToEvents: nextTask,
    // The rule pages are not on a disk the worker can name: the diagnostic's link goes to the web page.
    localRulePage: () => undefined,
  };
}
