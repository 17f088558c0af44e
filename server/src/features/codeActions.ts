/**
 * Quick fixes come from the findings' own fixes; "fix all" (source.fixAll.referat)
 * applies only the fixes marked safe, which cannot change what the document means.
 */
import { editorText } from './texts';
import { CodeAction, CodeActionKind, type Diagnostic, type Range } from 'vscode-languageserver';
import type { Language } from '../core/config';
import { overlaps, safeEdits } from '../core/fixes';
import type { Finding } from '../core/model';
import { ignoreAction } from './ignoreAction';
import { isSourceView } from './publishedSources';
import type { DocumentStore } from './store';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.referat`;


export function quickFixes(findings: Finding[], uri: string, range: Range, diagnostics: Diagnostic[], language: Language): CodeAction[] {
  const out: CodeAction[] = [];
  findings.forEach((f) => {
    if (!f.fixes || f.fixes.length === 0 || !overlaps(f.range, range)) return;
    const diagnostic = diagnostics.find((d) => d.code === f.code && sameRange(d.range, f.range));
    for (const fix of f.fixes) {
      const action = CodeAction.create(fix.title[language], { changes: { [uri]: fix.edits } }, CodeActionKind.QuickFix);
      if (diagnostic) action.diagnostics = [diagnostic];
      action.isPreferred = f.fixes.length === 1;
      out.push(action);
    }
  });
  return out;
}

export function fixAll(findings: Finding[], uri: string, language: Language): CodeAction | null {
  // The same choice as the CLI's --fix (core/fixes.ts).
  const { edits } = safeEdits(findings);
  if (edits.length === 0) return null;
  return CodeAction.create(
    editorText(language)('fixAllSafe'),
    { changes: { [uri]: edits } },
    FIX_ALL_KIND,
  );
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/**
 * A published file's view is read-only (its original is a PDF, Word file or web page Referat never writes):
 * in place of fixes, one action that says why and exports the text (the client's referat.exportText).
 */
export function readOnlyAction(uri: string, diagnostics: Diagnostic[], language: Language): CodeAction[] {
  const ours = diagnostics.filter((d) => d.source === 'referat');
  if (ours.length === 0) return [];
  const title = editorText(language)('readOnlyView');
  const action = CodeAction.create(title, { title, command: 'referat.exportText', arguments: [uri] }, CodeActionKind.QuickFix);
  action.diagnostics = ours;
  return [action];
}

/** Quick fixes of the diagnostics under the cursor (with "ignore in this document") and "fix all". */
export function registerCodeActions(store: DocumentStore): void {
  store.connection.onCodeAction(store.safeAsync('codeAction', [], async (p) => {
    const uri = p.textDocument.uri;
    const s = await store.servedAt(uri);
    if (!s) return [];
    const only = p.context.only;
    const wantsFixAll = only?.some((k) => FIX_ALL_KIND.startsWith(k) || k === FIX_ALL_KIND);
    const wantsQuickFix = !only || only.some((k) => CodeActionKind.QuickFix.startsWith(k));
    if (isSourceView(uri)) return wantsQuickFix ? readOnlyAction(uri, p.context.diagnostics, s.language) : [];
    const findings = store.documentFindings(uri, s.analysis);
    const actions = wantsQuickFix ? quickFixes(findings, uri, p.range, p.context.diagnostics, s.language) : [];
    if (wantsQuickFix) {
      for (const d of p.context.diagnostics) {
        if (d.source !== 'referat') continue;
        const f = findings.find((x) => x.code === d.code && x.range.start.line === d.range.start.line && x.range.start.character === d.range.start.character);
        const action = f && ignoreAction(store, uri, f, s.language, d);
        if (action) actions.push(action);
      }
    }
    if (wantsFixAll || !only) {
      const all = fixAll(findings, uri, s.language);
      if (all) actions.push(all);
    }
    return actions;
  }));
}
