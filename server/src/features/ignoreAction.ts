/**
 * "Ignorér i dette dokument": an entry in the nearest .referat.json (a new one in the
 * workspace folder when there is none), never a line in the minutes. The VS Code client
 * saves the file afterwards so the server reads it from disk.
 */
import * as path from 'node:path';
import { CodeActionKind, type CodeAction, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Language } from '../core/config';
import { addIgnoreEntry, ignoreEntryFor } from '../core/ignore';
import type { Finding } from '../core/model';
import { CONFIG_FILE } from '../node/config-files';
import type { DocumentStore } from './store';
import { editorText } from './texts';

export function ignoreAction(store: DocumentStore, uri: string, f: Finding, language: Language, diagnostic: Diagnostic | undefined): CodeAction | null {
  const file = store.host.pathOf(uri);
  if (file === undefined || f.code === 'RF099') return null;
  const found = store.workspace.configFor(file);
  const folder = store.settings.folders.find((w) => file.startsWith(w + path.sep));
  const configPath = found?.file ?? path.join(folder ?? path.dirname(file), CONFIG_FILE);
  const configUri = store.host.uriOf(configPath);
  const entry = ignoreEntryFor(f, path.relative(path.dirname(configPath), file));
  // The nearest .referat.json as the workspace read it (none found: a new one is made in the folder).
  const current = found ? store.workspace.readText(found.file).text : null;
  const edit = ignoreEntryEdit(configUri, current, addIgnoreEntry(current, entry));
  const title = editorText(language)('ignoreInDocument', { code: f.code, file: CONFIG_FILE });
  const action: CodeAction = { title, kind: CodeActionKind.QuickFix, edit };
  if (diagnostic) action.diagnostics = [diagnostic];
  if (store.clientSavesEdits) action.command = { title, command: 'referat.saveFile', arguments: [configUri] };
  return action;
}

/** The workspace edit that writes the entry: a new file, or edits of the one there is. */
function ignoreEntryEdit(configUri: string, current: string | null, change: ReturnType<typeof addIgnoreEntry>): WorkspaceEdit {
  if ('text' in change) {
    return {
      documentChanges: [
        { kind: 'create', uri: configUri, options: { ignoreIfExists: true } },
        { textDocument: { uri: configUri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: change.text }] },
      ],
    };
  }
  const doc = TextDocument.create(configUri, 'json', 0, current ?? '');
  return { changes: { [configUri]: change.edits.map((e) => ({ range: { start: doc.positionAt(e.offset), end: doc.positionAt(e.offset + e.length) }, newText: e.content })) } };
}
