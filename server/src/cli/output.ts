/**
 * What the commands print: `referat check` file by file or as one document (JSON, SARIF), with the summary
 * line; `referat outline` tree by tree or as one document.
 */
import type { Language } from '../core/config';
import type { Finding } from '../core/model';
import type { Outline } from '../core/outline';
import { count } from '../core/plural';
import type { FileResult } from './check-file';
import { findingsAsGithub, findingsAsSarif, jsonArray, jsonDiagnostics, jsonFileEntry, jsonOutlineEntry, joinJsonDiagnostics, outlineAsText, outlinesAsCsv, outlinesAsMarkdown, type FileReport } from './format';
import { addTallies, addToTally, emptyTally, shownFindings, textBlock, type PrintSpec, type Tally } from './printed';
import { colourWanted, type OutputStream } from './terminal';
import { cliText } from './texts';

/** Where the commands write: `out` (stdout) and `err` (stderr), and what stdout is. */
export interface OutputIo {
  out: (s: string) => void;
  err: (s: string) => void;
  stdout?: OutputStream;
  env?: Record<string, string | undefined>;
}

/**
 * A JSON array kept as its entries' text (format.ts jsonFileEntry, jsonOutlineEntry) and written as one document at
 * the end (a consumer reads one JSON document from one write): strings, not every file's findings as objects.
 */
class JsonArrayOut {
  private readonly entries: string[] = [];

  constructor(private readonly out: (s: string) => void) {}

  add(entry: string): void {
    this.entries.push(entry);
  }

  end(): void {
    this.out(jsonArray(this.entries));
  }
}

/**
 * A file's entry of `check --format json`: written once no more findings can come to it. Minutes may still get
 * findings against their agenda (RF220, RF221), which are known only when every file is done.
 */
interface JsonEntry {
  report: Pick<FileReport, 'file' | 'error' | 'fixed'>;
  diagnostics: string;
  open: boolean;
}

/**
 * What `referat check` prints: text and GitHub annotations file by file as they are done
 * (the findings between documents appended after the last file), JSON and SARIF as one document at the end
 * (JSON from each file's entry as text, made as soon as the entry is final). Counts every finding, also those --quiet leaves out.
 */
export class CheckOutput {
  /** SARIF: every report, for the document at the end. */
  private readonly reports: FileReport[] = [];
  private readonly json: JsonEntry[] = [];
  private readonly jsonOut: JsonArrayOut;
  private jsonWritten = 0;
  private readonly byFile = new Map<string, FileReport | JsonEntry>();
  private readonly tally = emptyTally();
  private readonly failed: FileReport[] = [];
  private checked = 0;
  private fixedFiles = 0;
  private fixes = 0;
  /** What a file's result prints, made where the file is checked (printed.ts). */
  readonly spec: PrintSpec;

  constructor(private readonly format: string, private readonly language: Language, private readonly io: OutputIo, private readonly quiet: boolean) {
    const env = io.env ?? {};
    const colour = format === 'text' && colourWanted(env, io.stdout ?? {});
    this.spec = { command: 'check', format, language, quiet, colour, grouped: format === 'text' && Boolean(io.stdout?.isTTY) };
    this.jsonOut = new JsonArrayOut(io.out);
  }

  private get streamed(): boolean {
    return this.format === 'text' || this.format === 'github';
  }

  /** A file's report; `open`: minutes, which may get findings against their agenda (crossDocument) until the end. */
  report(r: FileReport, open = false): void {
    this.count(r, r.findings);
    if (r.error) {
      this.failed.push(r);
      // Why a file was not checked, on stderr in the messages' language (stdout may be JSON or SARIF).
      this.io.err(`${r.file}: ${r.error[this.language]}`);
    }
    if (this.format === 'json') {
      const entry: JsonEntry = { report: r, diagnostics: jsonDiagnostics(shownFindings(r.findings, this.quiet), this.language), open };
      this.addJson(entry, r);
    } else {
      if (this.streamed) return this.print(r);
      // SARIF: the document at the end, findings between documents added to their file's.
      if (!r.config && !r.error) this.byFile.set(r.file, r);
      this.reports.push(r);
    }
  }

  file(result: FileResult): void {
    const { language } = this;
    if (result.notWritten) this.io.err(`${result.file}: ${cliText(language)('notFixed', { reason: result.notWritten[language] })}`);
    else if (result.fixed && result.writtenAs && result.writtenAs !== 'utf-8') {
      this.io.err(`${result.file}: ${cliText(language)('savedInOwnEncoding', { encoding: result.writtenAs })}`);
    }
    const report: FileReport = { file: result.file, findings: result.findings, ...(result.error ? { error: result.error } : {}), ...(result.fixed ? { fixed: result.fixed } : {}) };
    const open = result.meeting?.kind === 'referat';
    if (!result.printed) return this.report(report, open);
    // Printed where it was checked (printed.ts): its findings are its counts and the text.
    this.count(report, []);
    addTallies(this.tally, result.printed.tally);
    if (this.format === 'json') this.addJson({ report, diagnostics: result.printed.text, open }, report);
    else if (result.printed.text) this.io.out(result.printed.text);
  }

  /** Findings between documents: kept with their file in JSON and SARIF, appended in order to a stream. */
  crossDocument(file: string, findings: Finding[]): void {
    addToTally(this.tally, findings);
    if (this.streamed) return this.print({ file, findings });
    const own = this.byFile.get(file)!;
    if ('diagnostics' in own) own.diagnostics = joinJsonDiagnostics(own.diagnostics, jsonDiagnostics(shownFindings(findings, this.quiet), this.language));
    else own.findings = [...own.findings, ...findings];
  }

  /** The file counted as checked (or fixed), and its findings. */
  private count(r: FileReport, findings: readonly Finding[]): void {
    addToTally(this.tally, findings);
    if (!r.error && !r.config) this.checked++;
    if (r.fixed) {
      this.fixedFiles++;
      this.fixes += r.fixed;
    }
  }

  private addJson(entry: JsonEntry, r: FileReport): void {
    this.json.push(entry);
    if (!r.config && !r.error) this.byFile.set(r.file, entry);
    this.writeJson();
  }

  /** Makes the text of the JSON entries that are final, in order. */
  private writeJson(): void {
    for (; this.jsonWritten < this.json.length && !this.json[this.jsonWritten].open; this.jsonWritten++) {
      const entry = this.json[this.jsonWritten];
      this.jsonOut.add(jsonFileEntry(entry.report, this.language, entry.diagnostics));
      // Written: nothing more of it is needed.
      this.json[this.jsonWritten] = undefined as unknown as JsonEntry;
      this.byFile.delete(entry.report.file);
    }
  }

  private shown(r: FileReport): FileReport {
    return this.quiet ? { ...r, findings: shownFindings(r.findings, true) } : r;
  }

  private print(r: FileReport): void {
    const shown = this.shown(r);
    if (this.format === 'github') {
      const text = findingsAsGithub([shown], this.language);
      if (text) this.io.out(text);
      return;
    }
    const text = textBlock(shown.file, shown.findings, this.spec);
    if (text) this.io.out(text);
  }

  counts() {
    return { errors: this.tally.error, warnings: this.tally.warning };
  }

  /** Prints what waits for the end; the exit code of unreadable input (2) or 0. */
  finish(version: string): number {
    if (this.format === 'json') {
      for (const entry of this.json) if (entry) entry.open = false;
      this.writeJson();
      this.jsonOut.end();
    } else if (this.format === 'sarif') this.io.out(findingsAsSarif(this.reports.map((r) => this.shown(r)), this.language, version));
    else {
      // --quiet: nothing at all for a clean run.
      if (!this.quiet || this.tally.error > 0 || this.failed.length > 0) {
        this.io.err(summaryLine({ tally: this.tally, checked: this.checked, fixedFiles: this.fixedFiles, fixes: this.fixes, unreadable: this.failed.length }, this.language));
      }
    }
    return this.failed.length > 0 ? 2 : 0;
  }
}

/** What `referat outline` prints: text tree by tree as each file is done; JSON (kept as each entry's text), Markdown and CSV at the end. */
export class OutlineOutput {
  private readonly outlines: Outline[] = [];
  private readonly jsonOut: JsonArrayOut;
  private failed = false;
  private printed = 0;
  readonly spec: PrintSpec;

  constructor(private readonly format: string, private readonly language: Language, private readonly io: OutputIo) {
    this.spec = { command: 'outline', format, language, quiet: false, colour: false, grouped: false };
    this.jsonOut = new JsonArrayOut(io.out);
  }

  report(r: FileReport): void {
    if (r.error) {
      this.failed = true;
      this.io.err(`${r.file}: ${r.error[this.language]}`);
    }
  }

  file(result: FileResult): void {
    if (result.error) return this.report({ file: result.file, findings: [], error: result.error });
    if (result.printed) return this.tree(result.printed.text);
    if (!result.outline) return;
    if (this.format === 'json') return this.jsonOut.add(jsonOutlineEntry(result.outline));
    if (this.format === 'text') return this.tree(outlineAsText(result.outline, this.language));
    this.outlines.push(result.outline);
  }

  /** A tree of the text format, or an entry of the JSON array. */
  private tree(text: string): void {
    if (this.format === 'json') this.jsonOut.add(text);
    else this.io.out(`${this.printed++ > 0 ? '\n' : ''}${text}`);
  }

  finish(): number {
    if (this.format === 'json') this.jsonOut.end();
    else if (this.format === 'md') this.io.out(outlinesAsMarkdown(this.outlines, this.language));
    // The CSV ends in CRLF; io.out adds the final \n itself.
    else if (this.format === 'csv') this.io.out(outlinesAsCsv(this.outlines, this.language).slice(0, -1));
    return this.failed ? 2 : 0;
  }
}

interface Summary {
  tally: Tally;
  checked: number;
  fixedFiles: number;
  fixes: number;
  unreadable: number;
}

/** "2 filer kontrolleret: 1 fejl, 0 advarsler, 0 oplysninger; 1 fil kunne ikke læses". */
function summaryLine(summary: Summary, language: Language): string {
  const { tally } = summary;
  const counts = `${count(tally.error, 'error', language)}, ${count(tally.warning, 'warning', language)}, ${count(tally.note, 'note', language)}`;
  // Configuration files reported on are not documents checked.
  const line = cliText(language)('checked', { files: count(summary.checked, 'file', language), counts });
  const parts = [line];
  if (summary.fixedFiles > 0) {
    const fixesWord = summary.fixes === 1 ? cliText(language)('oneFix') : cliText(language)('manyFixes', { n: summary.fixes });
    parts.push(cliText(language)('fixesSaved', { fixes: fixesWord, files: count(summary.fixedFiles, 'file', language) }));
  }
  if (summary.unreadable > 0) parts.push(cliText(language)('unreadable', { files: count(summary.unreadable, 'file', language) }));
  return parts.join('; ');
}
