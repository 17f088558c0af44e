// Restricted Mode in the browser: test/web/run.mjs's second launch opens test/e2e/untrusted/ with workspace
// trust on and the folder never trusted. The web extension runs (capabilities.untrustedWorkspaces
// "limited"), checks the minutes, and leaves out the folder's own profile from its .referat.json.
import * as vscode from 'vscode';
import { equal, ok } from './assert';
import { activate, code, eventually, fileUri } from './helpers';

describe('Referat in the browser, in an untrusted folder (Restricted Mode)', function () {
  this.timeout(60000);

  it('checks the minutes but leaves out the workspace profile', async () => {
    equal(vscode.workspace.isTrusted, false, 'the folder is not trusted');
    equal(typeof (globalThis as { process?: unknown }).process, 'undefined', 'in the web worker host');
    const api = await activate();
    const doc = await vscode.workspace.openTextDocument(fileUri('minutes.referat.txt'));
    await vscode.window.showTextDocument(doc);
    const ds = await eventually(() => vscode.languages.getDiagnostics(doc.uri), (d) => d.length > 0, 'diagnostics');
    ok(ds.some((d) => code(d) === 'RF001'), `RF001 (the built-in template) among ${ds.map(code).join(', ')}`);
    const status = await api.client.sendRequest<{ profile: string } | null>('referat/status', { uri: doc.uri.toString() });
    ok(status, 'the document is served');
    ok(status.profile !== 'egen', 'the workspace profile is not used in Restricted Mode');
  });
});
