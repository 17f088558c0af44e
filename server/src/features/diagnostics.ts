/** Findings as LSP diagnostics: code, link to the rule's page, message in the chosen language. */
import { editorText } from './texts';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
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

/** Where the host keeps the rule pages (node-host.ts: the ones shipped beside dist/); set once at start. */
let localRulePage: (code: string) => string | undefined = () => undefined;
export function useLocalRulePages(find: (code: string) => string | undefined): void {
  localRulePage = find;
}

/** The page a diagnostic's code opens: the local copy when the host has one, else the release's page on the web. */
export function ruleHref(code: string): string {
  return localRulePage(code) ?? docsUrl(code);
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
