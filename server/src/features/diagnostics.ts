/** Findings as LSP diagnostics: code, link to the rule's page, message in the chosen language. */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { editorText } from './texts';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import type { Language } from '../core/config';
import type { Finding } from '../core/model';
import { docsUrl } from '../core/rules/index';
import { redactCpr } from '../core/redact';

const SEVERITY: Record<Finding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * The rule pages the extension ships (docs/rules/ next to dist/, see .vscodeignore): a
 * diagnostic's code opens the page from disk, so it works where the network blocks GitHub.
 * Without them (a server run from elsewhere) the link goes to the release's page on the web.
 */
const LOCAL_RULE_PAGES = path.join(__dirname, '..', 'docs', 'rules');
const localPages = new Map<string, string | null>();
export function ruleHref(code: string): string {
  let local = localPages.get(code);
  if (local === undefined) {
    const file = path.join(LOCAL_RULE_PAGES, `${code}.md`);
    local = existsSync(file) ? URI.file(file).toString() : null;
    localPages.set(code, local);
  }
  return local ?? docsUrl(code);
}

/** A finding as an LSP diagnostic. Quick fixes are found again from the analysis by range and code (codeActions.ts). */
export function toDiagnostic(f: Finding, uri: string, language: Language): Diagnostic {
  const d: Diagnostic = {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.code,
    codeDescription: { href: ruleHref(f.code) },
    source: 'referat',
    message: redactCpr(f.message[language]),
  };
  if (f.related && f.related.length > 0) {
    d.relatedInformation = f.related.map((r) => ({ location: { uri, range: r.range }, message: redactCpr(r.message[language]) }));
  }
  // Cross-document findings (agenda against minutes) point into the other document.
  const other = f.data as { otherUri?: string; otherRange?: Finding['range'] } | undefined;
  if (other?.otherUri && other.otherRange) {
    d.relatedInformation = [
      ...(d.relatedInformation ?? []),
      { location: { uri: other.otherUri, range: other.otherRange }, message: editorText(language)('theAgenda') },
    ];
  }
  return d;
}
