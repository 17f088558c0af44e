/**
 * referat: the command line over the same core as the language server.
 *   referat outline <files|folders|globs> [--format text|json|md|csv]
 *   referat check   <files|folders|globs> [--format text|json|sarif|github] [--fix] [--quiet] [--exit-zero] [--max-warnings N]
 * Files are checked on a pool of threads (cli/pool.ts) and printed in input order as each is done.
 * Exit codes: 0 clean, 1 errors found (or more warnings than --max-warnings),
 * 2 usage error or unreadable input (2 wins over 1).
 */
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { cliText } from './cli/texts';
import { parseArgs } from 'node:util';
import { mergeConfigs, type Language, type ReferatConfig } from './core/config';
import type { Finding } from './core/model';
import type { Outline } from './core/outline';
import { count } from './core/plural';
import { nearest } from './core/config-check';
import { ProfileRegistry } from './core/profiles/builtin';
import { load as loadConfigFile, type FoundConfig } from './node/config-files';
import { createReferatService, crossDocumentFindings as againstAgenda, type ReferatService } from './node/service';
import { nodeWorkspace } from './node/workspace';
import { expandInputs } from './cli/files';
import type { FileJob, FileResult } from './cli/check-file';
import { checkInOrder, isFileWorker, runFileWorker } from './cli/pool';
import { colourWanted, findingLine, groupedText, style, type OutputStream, type Style } from './cli/terminal';
import {
  findingsAsGithub,
  findingsAsJson,
  findingsAsSarif,
  outlineAsText,
  outlinesAsCsv,
  outlinesAsMarkdown,
  unreadable,
  type FileReport,
} from './cli/format';

declare const REFERAT_VERSION: string;
const VERSION = typeof REFERAT_VERSION === 'string' ? REFERAT_VERSION : '0.0.0-dev';

const USAGE = `Referat ${VERSION}: checks Danish municipal minutes (referat) and agendas (dagsorden).

Usage:
  referat outline <files|folders|globs> [--format text|json|md|csv]
  referat check   <files|folders|globs> [--format text|json|sarif|github] [--fix] [--quiet]
                  [--exit-zero] [--max-warnings N]

Options:
  --format F        output format (outline: text, json, md, csv; check: text, json, sarif, github)
  --config FILE     use this .referat.json instead of the nearest one above each file
  --profile ID      parse with this profile (rudersdal, ballerup, hoeje-taastrup, generic, …)
  --language da|en  language of messages (default: the config's, else da)
  --exit-zero       check: exit 0 even when errors are found (a missing file still exits 2)
  --max-warnings N  check: exit 1 when there are more than N warnings
  --fix             check: apply the safe fixes (weekday, item numbers) and save the files,
                    in their own encoding; then report what is left
  -q, --quiet       check: report errors only (warnings still count for --max-warnings)
  --concurrency N   worker threads: a number, auto (one per core; the default) or off
  -h, --help        this text
  -v, --version     the version

Folders are searched for *.referat, *.txt and *.md. Results are printed in the
order of the input, each file as soon as it is checked. On a terminal the findings
are grouped by file and coloured (NO_COLOR, FORCE_COLOR); piped, each is one line
file:LINE:COL: severity CODE message. Exit codes: 0 no errors, 1 errors found,
2 usage error or unreadable input (2 wins).`;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Where `out` writes: a terminal gets grouped, coloured findings; a pipe one line per finding. */
  stdout?: OutputStream;
  /** The environment (NO_COLOR, FORCE_COLOR). */
  env?: Record<string, string | undefined>;
  /** The script a worker thread runs (the CLI bundle); without it every file is checked in the main thread. */
  workerScript?: string;
}

function processIo(): Io {
  return {
    out: (s) => process.stdout.write(s + '\n'),
    err: (s) => process.stderr.write(s + '\n'),
    stdout: process.stdout,
    env: process.env,
    // Under a TypeScript loader (tests) __filename is the source: no workers there.
    workerScript: __filename.endsWith('.js') ? __filename : undefined,
  };
}

/** Below this many files, starting worker threads costs more than it gains (--concurrency auto). */
const MIN_FILES_FOR_WORKERS = 8;

/** One entry of the output, in input order: a report known before any file is read, or a file to check. */
type Entry = { report: FileReport } | { job: number };

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        config: { type: 'string' },
        profile: { type: 'string' },
        language: { type: 'string' },
        'exit-zero': { type: 'boolean' },
        'max-warnings': { type: 'string' },
        fix: { type: 'boolean' },
        quiet: { type: 'boolean', short: 'q' },
        concurrency: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    io.err(`referat: ${optionError(e as Error & { code?: string }, argv)}\nRun "referat --help" for the options.`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  if (values.version) {
    io.out(VERSION);
    return 0;
  }
  const [command, ...inputs] = positionals;
  if (command !== 'outline' && command !== 'check') {
    io.err(command ? `referat: unknown command "${command}"\n\n${USAGE}` : USAGE);
    return 2;
  }
  const formats = command === 'outline' ? ['text', 'json', 'md', 'csv'] : ['text', 'json', 'sarif', 'github'];
  const format = values.format ?? 'text';
  if (!formats.includes(format)) {
    io.err(`referat: --format for ${command} is one of ${formats.join(', ')}, not "${format}"`);
    return 2;
  }
  if (values.language !== undefined && values.language !== 'da' && values.language !== 'en') {
    io.err(`referat: --language is da or en, not "${values.language}"`);
    return 2;
  }
  for (const option of ['fix', 'quiet', 'exit-zero', 'max-warnings'] as const) {
    if (command === 'outline' && values[option] !== undefined) {
      io.err(`referat: --${option} is an option of check, not of outline`);
      return 2;
    }
  }
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) {
      io.err(`referat: --max-warnings takes a whole number ≥ 0, not "${values['max-warnings']}"`);
      return 2;
    }
  }
  const concurrency = parseConcurrency(values.concurrency);
  if (concurrency === null) {
    io.err(`referat: --concurrency takes a whole number ≥ 1, auto or off, not "${values.concurrency}"`);
    return 2;
  }
  if (inputs.length === 0) {
    io.err(`referat: ${command} needs at least one file, folder or glob\n\n${USAGE}`);
    return 2;
  }

  const entries: Entry[] = [];
  /** A file that cannot be read is reported in every format (and exits 2), never left out. */
  const unreadableFile = (file: string, error: { da: string; en: string }) => entries.push({ report: { file, findings: [], error } });

  let explicitConfig: ReferatConfig | undefined;
  if (values.config) {
    try {
      const loaded = loadConfigFile(values.config);
      explicitConfig = loaded.config;
      if (loaded.problems.length > 0) entries.push({ report: { file: values.config, findings: loaded.problems.map(configFinding), config: true } });
    } catch (e) {
      io.err(`${values.config}: cannot read the configuration: ${(e as Error).message}`);
      return 2;
    }
  }
  if (values.profile && !new ProfileRegistry(explicitConfig?.profiles ?? []).has(values.profile)) {
    const known = new ProfileRegistry(explicitConfig?.profiles ?? []).ids().join(', ');
    io.err(`referat: unknown profile "${values.profile}" (known: ${known})`);
    return 2;
  }
  const cliLayer: ReferatConfig = {};
  if (values.profile) cliLayer.profile = values.profile;
  if (values.language) cliLayer.language = values.language as Language;

  const workspace = nodeWorkspace();
  const { files, errors } = expandInputs(inputs, process.cwd(), workspace);
  for (const e of errors) unreadableFile(e.path, e.message);

  const explicit: FoundConfig | undefined = explicitConfig && values.config ? { file: values.config, config: explicitConfig, problems: [] } : undefined;
  // The same service as the language server's "Validate workspace": which files, their configuration, ignores.
  const service = createReferatService({ workspace, explicit, configOf: (_file, found) => mergeConfigs(found?.config, cliLayer) });
  const plan = planFiles(files, { command, service, explicit: Boolean(explicit), fix: Boolean(values.fix) });
  for (const e of plan.entries) entries.push(e); // (no spread: an archive may have more files than a call has arguments)
  const { jobs } = plan;
  const language: Language = (values.language as Language | undefined) ?? plan.language ?? explicitConfig?.language ?? 'da';

  const output = command === 'outline' ? new OutlineOutput(format, language, io) : new CheckOutput(format, language, io, Boolean(values.quiet));
  const results: (FileResult | undefined)[] = [];
  let emitted = 0;
  /** Hands on every entry whose turn it is: a file once it and all before it are done. */
  const emitReady = () => {
    for (; emitted < entries.length; emitted++) {
      const entry = entries[emitted];
      if ('report' in entry) output.report(entry.report);
      else if (results[entry.job]) output.file(results[entry.job]!);
      else return;
    }
  };
  const threads = threadCount(concurrency, jobs.length, io.workerScript);
  await checkInOrder(jobs, { threads, script: io.workerScript ?? '', warn: io.err }, (result, index) => {
    results[index] = result;
    emitReady();
  });
  emitReady();

  if (output instanceof CheckOutput) {
    for (const { file, findings } of crossDocumentFindings(jobs, results)) output.crossDocument(file, findings);
  }
  let exitCode = output.finish(VERSION);

  if (output instanceof CheckOutput) {
    const { errors: errorsFound, warnings } = output.counts();
    if (!values['exit-zero'] && (errorsFound > 0 || (maxWarnings !== undefined && warnings > maxWarnings))) {
      if (maxWarnings !== undefined && warnings > maxWarnings) {
        io.err(`referat: ${cliText(language)('exceedsMaxWarnings', { warnings: count(warnings, 'warning', language), max: maxWarnings })}`);
      }
      exitCode = Math.max(exitCode, 1);
    }
  }
  return exitCode;
}

/**
 * Every file's configuration, found before any file is read: the language of the messages
 * is known before the first one is printed, and a .referat.json's own problems are
 * reported once, before the first file it applies to.
 */
function planFiles(files: string[], options: { command: FileJob['command']; service: ReferatService; explicit: boolean; fix: boolean }) {
  const { command, service, explicit, fix } = options;
  const reportedConfigs = new Set<string>();
  const entries: Entry[] = [];
  const jobs: FileJob[] = [];
  /** The language of the last configuration that names one (as before files were checked in parallel). */
  let language: Language | undefined;
  for (const file of files) {
    // Null: documentation and other files the configuration's ignorePatterns say are not minutes.
    const setup = service.setup(file);
    if (!setup) continue;
    const discovered = explicit ? undefined : setup.configFile;
    if (discovered && discovered.problems.length > 0 && !reportedConfigs.has(discovered.file)) {
      reportedConfigs.add(discovered.file);
      entries.push({ report: { file: path.relative(process.cwd(), discovered.file), findings: discovered.problems.map(configFinding), config: true } });
    }
    if (setup.config.language) language = setup.config.language;
    entries.push({ job: jobs.length });
    jobs.push({ command, file, config: setup.config, ...(setup.ignore ? { ignore: setup.ignore } : {}), ...(fix ? { fix: true } : {}) });
  }
  return { entries, jobs, language };
}

/** Minutes and their agenda among the files checked: what changed between them (RF220, RF221), per minutes file (node/service.ts). */
function crossDocumentFindings(jobs: readonly FileJob[], results: readonly (FileResult | undefined)[]): { file: string; findings: Finding[] }[] {
  const meetings = results.flatMap((r) => (r?.meeting ? [r.meeting] : []));
  const out: { file: string; findings: Finding[] }[] = [];
  for (const [k, r] of results.entries()) {
    if (r?.meeting?.kind !== 'referat') continue;
    const cross = againstAgenda(r.meeting, meetings, jobs[k], r.switches ?? []);
    if (cross.length > 0) out.push({ file: r.file, findings: cross });
  }
  return out;
}

/** --concurrency: a number of threads, auto (one per core, when there are files enough) or off (the main thread alone). */
function parseConcurrency(value: string | undefined): number | 'auto' | null {
  if (value === undefined || value === 'auto') return 'auto';
  if (value === 'off') return 1;
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : null;
}

function threadCount(concurrency: number | 'auto', files: number, script: string | undefined): number {
  if (!script || files < 2) return 1;
  if (concurrency !== 'auto') return concurrency;
  return files < MIN_FILES_FOR_WORKERS ? 1 : availableParallelism();
}

/**
 * What `referat check` prints: text and GitHub annotations file by file as they are done
 * (the findings between documents appended after the last file), JSON and SARIF as one
 * document at the end. Counts every finding, also those --quiet leaves out.
 */
class CheckOutput {
  private readonly reports: FileReport[] = [];
  private readonly byFile = new Map<string, FileReport>();
  private readonly style: Style;
  private readonly grouped: boolean;
  private readonly streamed: boolean;

  constructor(private readonly format: string, private readonly language: Language, private readonly io: Io, private readonly quiet: boolean) {
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
class OutlineOutput {
  private readonly outlines: Outline[] = [];
  private failed = false;
  private printed = 0;

  constructor(private readonly format: string, private readonly language: Language, private readonly io: Io) {}

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
    else if (this.format === 'csv') this.io.out(outlinesAsCsv(this.outlines, this.language));
    return this.failed ? 2 : 0;
  }
}

const OPTIONS = ['--format', '--config', '--profile', '--language', '--exit-zero', '--max-warnings', '--fix', '--quiet', '--concurrency', '--help', '--version'];

/** Node's parseArgs error as one plain sentence, with the nearest option for a typo. */
function optionError(e: Error & { code?: string }, argv: string[]): string {
  const quoted = /'(-[^' ]*)/.exec(e.message)?.[1];
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = quoted ?? argv.find((a) => a.startsWith('-') && !OPTIONS.includes(a.split('=')[0])) ?? '';
    const near = nearest(option.split('=')[0], OPTIONS);
    return `unknown option "${option}".${near ? ` Did you mean "${near}"?` : ''}`;
  }
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const option = /'(--[a-z-]+)/.exec(e.message)?.[1] ?? quoted ?? 'the option';
    return /argument missing/.test(e.message) ? `${option} needs a value (${option} VALUE).` : `${option} takes no value.`;
  }
  return e.message;
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

function configFinding(p: { range: Finding['range']; message: Finding['message'] }): Finding {
  return { code: 'RF099', severity: 'error', range: p.range, message: p.message };
}

if (isFileWorker()) runFileWorker();
else if (require.main === module) {
  // The reader went away (`referat check archive | head`): stop quietly rather than with a
  // stack trace. The check did not finish, so the exit code is 2, as for input not read.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(2);
  });
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e) => {
      process.stderr.write(`referat: ${(e as Error).stack ?? e}\n`);
      process.exitCode = 2;
    },
  );
}
