/**
 * A file's share of the output, made in the thread that checked the file: what the chosen format prints of it
 * (a JSON array entry's findings, a text block, GitHub annotations, an outline) as one string, and how many
 * findings of each severity it had (the summary line and the exit code). A pool worker sends that instead of the
 * findings and the outline, so a result crosses to the main thread as a few strings rather than a deep object
 * graph through structured clone, and the main thread neither builds nor keeps every file's findings until the
 * end (it spent its time in decoding results and in the garbage collector). SARIF, Markdown and CSV, which
 * need every file at once, are made from the findings and outlines as before.
 */
import type { Language } from '../core/config';
import type { Finding } from '../core/model';
import type { Outline } from '../core/outline';
import { findingsAsGithub, jsonDiagnostics, jsonOutlineEntry, outlineAsText } from './format';
import { findingLine, groupedText, style } from './terminal';

/** What the run prints: the same for every file, decided by the main thread. */
export interface PrintSpec {
  command: 'check' | 'outline';
  format: string;
  language: Language;
  /** --quiet: errors only are printed (all are counted). */
  quiet: boolean;
  /** Text: ANSI colours. */
  colour: boolean;
  /** Text: findings grouped under their file (a terminal). */
  grouped: boolean;
}

/** Findings by severity, as the summary line counts them. */
export interface Tally {
  error: number;
  warning: number;
  /** Information and hints. */
  note: number;
}

export interface Printed {
  /** JSON: the file's diagnostics entries (format.ts jsonDiagnostics); text, GitHub: what is written for the file ('' for nothing); outline: the tree or the JSON entry. */
  text: string;
  /** Check: the file's findings by severity, those --quiet leaves out too. */
  tally: Tally;
}

export function emptyTally(): Tally {
  return { error: 0, warning: 0, note: 0 };
}

export function addToTally(tally: Tally, findings: readonly Finding[]): void {
  for (const f of findings) {
    if (f.severity === 'error') tally.error++;
    else if (f.severity === 'warning') tally.warning++;
    else tally.note++;
  }
}

export function addTallies(tally: Tally, more: Tally): void {
  tally.error += more.error;
  tally.warning += more.warning;
  tally.note += more.note;
}

/** The findings the format prints: errors only under --quiet. */
export function shownFindings(findings: Finding[], quiet: boolean): Finding[] {
  return quiet ? findings.filter((f) => f.severity === 'error') : findings;
}

/** What printResult needs of a file's result (check-file.ts FileResult). */
interface PrintableResult {
  file: string;
  error?: unknown;
  findings: Finding[];
  outline?: Outline;
  printed?: Printed;
}

/**
 * The result with its printed share in place of its findings and outline; unchanged for a file that could not be
 * read (its error is reported by the main thread) and for the formats made from the findings themselves.
 */
export function printResult<R extends PrintableResult>(result: R, spec: PrintSpec): R {
  if (result.error) return result;
  const text = spec.command === 'outline' ? printedOutline(result, spec) : printedFindings(result, spec);
  if (text === undefined) return result;
  const tally = emptyTally();
  addToTally(tally, result.findings);
  const { outline: _outline, ...rest } = result;
  return { ...rest, findings: [], printed: { text, tally } } as unknown as R;
}

function printedFindings(result: PrintableResult, spec: PrintSpec): string | undefined {
  const { format, language } = spec;
  if (format !== 'json' && format !== 'text' && format !== 'github') return undefined;
  const shown = shownFindings(result.findings, spec.quiet);
  if (format === 'json') return jsonDiagnostics(shown, language);
  if (format === 'github') return findingsAsGithub([{ file: result.file, findings: shown }], language);
  return textBlock(result.file, shown, spec);
}

/** The text format's lines for a file's findings ('' for none): a block under the file on a terminal, else a line each. */
export function textBlock(file: string, shown: Finding[], spec: Pick<PrintSpec, 'language' | 'colour' | 'grouped'>): string {
  if (shown.length === 0) return '';
  const s = style(spec.colour);
  // Grouped: a blank line after each file's block, as ESLint's and markdownlint's terminals show it.
  if (spec.grouped) return groupedText({ file, findings: shown }, spec.language, s);
  return shown.map((f) => findingLine(file, f, spec.language, s)).join('\n');
}

function printedOutline(result: PrintableResult, spec: PrintSpec): string | undefined {
  if (!result.outline) return undefined;
  if (spec.format === 'json') return jsonOutlineEntry(result.outline);
  if (spec.format === 'text') return outlineAsText(result.outline, spec.language);
  return undefined;
}
