/**
 * What the commands print: `referat check` file by file or as one document (JSON, SARIF), with the summary
 * line; `referat outline` tree by tree or as one document.
 */
import type { Language } from '../core/config';
import type { Finding } from '../core/model';
import type { Outline } from '../core/outline';
import { count } from '../core/plural';
import type { FileResult } from './check-file';
import { findingsAsGithub, findingsAsJson, findingsAsSarif, outlineAsText, outlinesAsCsv, outlinesAsMarkdown, unreadable, type FileReport } from './format';
import { colourWanted, findingLine, groupedText, style, type OutputStream, type Style } from './terminal';
import { cliText } from './texts';

/** Where the commands write: `out` (stdout) and `err` (stderr), and what stdout is. */
export interface OutputIo {
  out: (s: string) => void;
  err: (s: string) => void;
  stdout?: OutputStream;
  env?: Record<string, string | undefined>;
}

/**
 * What `referat check` prints: text and GitHub annotations file by file as they are done
 * (the findings between documents appended after the last file), JSON and SARIF as one
 * document at the end. Counts every finding, also those --quiet leaves out.
 */
export class CheckOutput {
  private readonly reports: FileReport[] = [];
  private readonly byFile = new Map<string, FileReport>();
  private readonly style: Style;
  private readonly grouped: boolean;
  private readonly streamed: boolean;

  constructor(private readonly format: string, private readonly language: Language, private readonly io: OutputIo, private readonly quiet: boolean) {
    const env = io.env ?? {};
    this.grouped = format === 'text' && Boolean(io.stdout?.isTTY);
    this.style = style(format === 'text' && colourWanted(env, io.stdout ?? {}));
    this.streamed = format === 'text' || format === 'github';
  }

  report(r: FileReport): void {
    this.reports.push(r);
    if (!r.config && !r.error) this.byFile.set(r.file, r);
    // Why a file was not checked, on stderr in the messages' language (stdout may be JSON or SARIF).
    if (r.error) this.io.err(`${r.file}: ${r.error[this.language]}`);
    if (this.streamed) this.print(r);
  }

  file(result: FileResult): void {
    const { language } = this;
    if (result.notWritten) this.io.err(`${result.file}: ${cliText(language)('notFixed', { reason: result.notWritten[language] })}`);
    else if (result.fixed && result.writtenAs && result.writtenAs !== 'utf-8') {
      this.io.err(`${result.file}: ${cliText(language)('savedInOwnEncoding', { encoding: result.writtenAs })}`);
    }
    this.report({ file: result.file, findings: result.findings, ...(result.error ? { error: result.error } : {}), ...(result.fixed ? { fixed: result.fixed } : {}) });
  }

  /** Findings between documents: kept with their file in JSON and SARIF, appended in order to a stream. */
  crossDocument(file: string, findings: Finding[]): void {
    const own = this.byFile.get(file)!;
    own.findings = [...own.findings, ...findings];
    if (this.streamed) this.print({ file, findings });
  }

  private shown(r: FileReport): FileReport {
    return this.quiet ? { ...r, findings: r.findings.filter((f) => f.severity === 'error') } : r;
  }

  private print(r: FileReport): void {
    const shown = this.shown(r);
    if (this.format === 'github') {
      const text = findingsAsGithub([shown], this.language);
      if (text) this.io.out(text);
      return;
    }
    if (shown.findings.length === 0) return;
    // Grouped: a blank line after each file's block, as ESLint's and markdownlint's terminals show it.
    if (this.grouped) this.io.out(groupedText(shown, this.language, this.style));
    else this.io.out(shown.findings.map((f) => findingLine(shown.file, f, this.language, this.style)).join('\n'));
  }

  counts() {
    const all = this.reports.flatMap((r) => r.findings);
    return { errors: all.filter((f) => f.severity === 'error').length, warnings: all.filter((f) => f.severity === 'warning').length };
  }

  /** Prints what waits for the end; the exit code of unreadable input (2) or 0. */
  finish(version: string): number {
    const shown = this.reports.map((r) => this.shown(r));
    if (this.format === 'json') this.io.out(findingsAsJson(shown, this.language));
    else if (this.format === 'sarif') this.io.out(findingsAsSarif(shown, this.language, version));
    else {
      const { errors } = this.counts();
      // --quiet: nothing at all for a clean run.
      if (!this.quiet || errors > 0 || unreadable(this.reports).length > 0) this.io.err(summaryLine(this.reports, this.language));
    }
    return unreadable(this.reports).length > 0 ? 2 : 0;
  }
}

/** What `referat outline` prints: text tree by tree as each file is done; JSON, Markdown and CSV at the end. */
export class OutlineOutput {
  private readonly outlines: Outline[] = [];
  private failed = false;
  private printed = 0;

  constructor(private readonly format: string, private readonly language: Language, private readonly io: OutputIo) {}

  report(r: FileReport): void {
    if (r.error) {
      this.failed = true;
      this.io.err(`${r.file}: ${r.error[this.language]}`);
    }
  }

  file(result: FileResult): void {
    if (result.error) return this.report({ file: result.file, findings: [], error: result.error });
    if (!result.outline) return;
    this.outlines.push(result.outline);
    if (this.format === 'text') this.io.out(`${this.printed++ > 0 ? '\n' : ''}${outlineAsText(result.outline, this.language)}`);
  }

  finish(): number {
    if (this.format === 'json') this.io.out(JSON.stringify(this.outlines, null, 2));
    else if (this.format === 'md') this.io.out(outlinesAsMarkdown(this.outlines, this.language));
    // The CSV ends in CRLF; io.out adds the final \n itself.
    else if (this.format === 'csv') this.io.out(outlinesAsCsv(this.outlines, this.language).slice(0, -1));
    return this.failed ? 2 : 0;
  }
}

/** "2 filer kontrolleret: 1 fejl, 0 advarsler, 0 oplysninger; 1 fil kunne ikke læses". */
function summaryLine(reports: FileReport[], language: Language): string {
  const all = reports.flatMap((r) => r.findings);
  const n = (s: Finding['severity']) => all.filter((f) => f.severity === s).length;
  const counts = `${count(n('error'), 'error', language)}, ${count(n('warning'), 'warning', language)}, ${count(n('information') + n('hint'), 'note', language)}`;
  // Configuration files reported on are not documents checked.
  const checked = reports.filter((r) => !r.error && !r.config).length;
  const line = cliText(language)('checked', { files: count(checked, 'file', language), counts });
  const parts = [line];
  const fixedFiles = reports.filter((r) => r.fixed);
  if (fixedFiles.length > 0) {
    const fixes = fixedFiles.reduce((sum, r) => sum + r.fixed!, 0);
    const fixesWord = fixes === 1 ? cliText(language)('oneFix') : cliText(language)('manyFixes', { n: fixes });
    parts.push(cliText(language)('fixesSaved', { fixes: fixesWord, files: count(fixedFiles.length, 'file', language) }));
  }
  const failed = unreadable(reports).length;
  if (failed > 0) parts.push(cliText(language)('unreadable', { files: count(failed, 'file', language) }));
  return parts.join('; ');
}

