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
import { mergeConfigs, type Language, type ReferatConfig } from './core/config';
import type { Finding } from './core/model';
import { count } from './core/plural';
import { ProfileRegistry } from './core/profiles/builtin';
import type { FoundConfig } from './node/config-files';
import { loadConfigFile, nodeWorkspace } from './node/disk';
import { createReferatService, crossDocumentFindings as againstAgenda, type ReferatService } from './node/service';
import { parseCliArgs, VERSION } from './cli/args';
import { expandInputs } from './cli/files';
import { extract } from './cli/extract';
import { fullMeeting, type FileJob, type FileResult } from './cli/check-file';
import { agendaFor, type IndexedMeeting } from './core/crossdoc';
import type { FileReport } from './cli/format';
import { CheckOutput, OutlineOutput } from './cli/output';
import { checkInOrder, isFileWorker, runFileWorker } from './cli/pool';
import { isReadWorker, runReadWorker } from './node/read-worker';
import { createProgress } from './cli/progress';
import type { OutputStream } from './cli/terminal';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Where `out` writes: a terminal gets grouped, coloured findings; a pipe one line per finding. */
  stdout?: OutputStream;
  /** The environment (NO_COLOR, FORCE_COLOR). */
  env?: Record<string, string | undefined>;
  /** The script a worker thread runs (the CLI bundle); without it every file is checked in the main thread. */
  workerScript?: string;
  /** stderr written without a newline, and whether it is a terminal: a run over many files shows its progress there. */
  progress?: { write: (s: string) => void; isTTY: boolean };
}

function processIo(): Io {
  return {
    out: (s) => process.stdout.write(s + '\n'),
    err: (s) => process.stderr.write(s + '\n'),
    stdout: process.stdout,
    env: process.env,
    progress: { write: (s) => process.stderr.write(s), isTTY: Boolean(process.stderr.isTTY) },
    // Under a TypeScript loader (tests) __filename is the source: no workers there.
    workerScript: __filename.endsWith('.js') ? __filename : undefined,
  };
}

/** Below this many files, starting worker threads costs more than it gains (--concurrency auto). */
const MIN_FILES_FOR_WORKERS = 8;

/** One entry of the output, in input order: a report known before any file is read, or a file to check. */
type Entry = { report: FileReport } | { job: number };

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const options = parseCliArgs(argv);
  if (!('command' in options)) {
    if (options.out !== undefined) io.out(options.out);
    if (options.err !== undefined) io.err(options.err);
    return options.code;
  }
  const { command, inputs, format, concurrency, maxWarnings } = options;
  if (command === 'extract') return extract(inputs, io, options.language ?? 'da');
  const entries: Entry[] = [];
  /** A file that cannot be read is reported in every format (and exits 2), never left out. */
  const unreadableFile = (file: string, error: { da: string; en: string }) => entries.push({ report: { file, findings: [], error } });

  let explicitConfig: ReferatConfig | undefined;
  if (options.config) {
    try {
      const loaded = loadConfigFile(options.config);
      explicitConfig = loaded.config;
      if (loaded.problems.length > 0) entries.push({ report: { file: options.config, findings: loaded.problems.map(configFinding), config: true } });
    } catch (e) {
      io.err(`${options.config}: cannot read the configuration: ${(e as Error).message}`);
      return 2;
    }
  }
  if (options.profile && !new ProfileRegistry(explicitConfig?.profiles ?? []).has(options.profile)) {
    const known = new ProfileRegistry(explicitConfig?.profiles ?? []).ids().join(', ');
    io.err(`referat: unknown profile "${options.profile}" (known: ${known})`);
    return 2;
  }
  const cliLayer: ReferatConfig = {};
  if (options.profile) cliLayer.profile = options.profile;
  if (options.language) cliLayer.language = options.language;

  const workspace = nodeWorkspace();
  const { files, errors } = expandInputs(inputs, process.cwd(), workspace);
  for (const e of errors) unreadableFile(e.path, e.message);

  const explicit: FoundConfig | undefined = explicitConfig && options.config ? { file: options.config, config: explicitConfig, problems: [] } : undefined;
  // The same service as the language server's "Validate workspace": which files, their configuration, ignores.
  const service = createReferatService({ workspace, explicit, configOf: (_file, found) => mergeConfigs(found?.config, cliLayer) });
  const plan = planFiles(files, { command, service, explicit: Boolean(explicit), fix: options.fix });
  for (const e of plan.entries) entries.push(e); // (no spread: an archive may have more files than a call has arguments)
  const { jobs } = plan;
  const language: Language = (options.language) ?? plan.language ?? explicitConfig?.language ?? 'da';

  const output = command === 'outline' ? new OutlineOutput(format, language, io) : new CheckOutput(format, language, io, options.quiet);
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
  const progress = createProgress(jobs.length, language, io.progress?.write, io.progress?.isTTY ?? false);
  await checkInOrder(jobs, { threads, script: io.workerScript ?? '', warn: io.err, print: output.spec }, (result, index) => {
    results[index] = result;
    progress.clear();
    emitReady();
    progress.tick();
  });
  progress.clear();
  emitReady();

  if (output instanceof CheckOutput) {
    for (const { file, findings } of crossDocumentFindings(jobs, results)) output.crossDocument(file, findings);
  }
  let exitCode = output.finish(VERSION);

  if (output instanceof CheckOutput) {
    const { errors: errorsFound, warnings } = output.counts();
    if (!options.exitZero && (errorsFound > 0 || (maxWarnings !== undefined && warnings > maxWarnings))) {
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
  // Paired by what every result carries; the whole meetings read only for the pairs found (check-file.ts packMeeting).
  const meetings = results.flatMap((r) => (r?.meeting ? [r.meeting] : []));
  const resultOf = new Map(results.flatMap((r) => (r?.meeting ? [[r.meeting, r] as const] : [])));
  const whole = (m: IndexedMeeting) => fullMeeting(resultOf.get(m)!)!;
  const out: { file: string; findings: Finding[] }[] = [];
  for (const [k, r] of results.entries()) {
    if (r?.meeting?.kind !== 'referat') continue;
    const agenda = agendaFor(r.meeting, meetings);
    if (!agenda) continue;
    const cross = againstAgenda(whole(r.meeting), [whole(agenda)], jobs[k], r.switches ?? []);
    if (cross.length > 0) out.push({ file: r.file, findings: cross });
  }
  return out;
}

function threadCount(concurrency: number | 'auto', files: number, script: string | undefined): number {
  if (!script || files < 2) return 1;
  if (concurrency !== 'auto') return concurrency;
  return files < MIN_FILES_FOR_WORKERS ? 1 : availableParallelism();
}

function configFinding(p: { range: Finding['range']; message: Finding['message'] }): Finding {
  return { code: 'RF099', severity: 'error', range: p.range, message: p.message };
}

if (isFileWorker()) runFileWorker();
else if (isReadWorker()) runReadWorker();
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
