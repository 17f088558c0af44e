/**
 * referat: the command line over the same core as the language server.
 *   referat outline <files|folders|globs> [--format text|json|md|csv]
 *   referat check   <files|folders|globs> [--format text|json|sarif|github] [--exit-zero] [--max-warnings N]
 * Exit codes: 0 clean, 1 errors found (or more warnings than --max-warnings),
 * 2 usage error or unreadable input (2 wins over 1).
 */
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { analyze } from './core/analyze';
import { mergeConfigs, ruleLevel, type Language, type ReferatConfig } from './core/config';
import type { Finding } from './core/model';
import { agendaFor, compareAgendaAndMinutes, indexMeeting, type IndexedMeeting } from './core/crossdoc';
import { toOutline, type Outline } from './core/outline';
import { count } from './core/plural';
import { withFingerprints } from './core/fingerprint';
import { applyIgnores } from './core/ignore';
import { nearest } from './core/config-check';
import { applySwitches, findSwitches } from './core/suppress';
import { ProfileRegistry } from './core/profiles/builtin';
import { ConfigFiles, load as loadConfigFile } from './cli/config-files';
import { expandInputs, readText, UnreadableFileError } from './cli/files';
import {
  findingsAsGithub,
  findingsAsJson,
  findingsAsSarif,
  findingsAsText,
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
  referat check   <files|folders|globs> [--format text|json|sarif|github] [--exit-zero] [--max-warnings N]

Options:
  --format F        output format (outline: text, json, md, csv; check: text, json, sarif, github)
  --config FILE     use this .referat.json instead of the nearest one above each file
  --profile ID      parse with this profile (rudersdal, ballerup, hoeje-taastrup, generic, …)
  --language da|en  language of messages (default: the config's, else da)
  --exit-zero       check: exit 0 even when errors are found (a missing file still exits 2)
  --max-warnings N  check: exit 1 when there are more than N warnings
  -h, --help        this text
  -v, --version     the version

Folders are searched for *.referat, *.txt and *.md. Exit codes: 0 no errors,
1 errors found, 2 usage error or unreadable input (2 wins).`;

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

export function main(argv: string[], io: Io = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') }): number {
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
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) {
      io.err(`referat: --max-warnings takes a whole number ≥ 0, not "${values['max-warnings']}"`);
      return 2;
    }
  }
  if (inputs.length === 0) {
    io.err(`referat: ${command} needs at least one file, folder or glob\n\n${USAGE}`);
    return 2;
  }

  let exitCode = 0;
  const fail = (file: string, message: string) => {
    io.err(`${file}: ${message}`);
    exitCode = 2;
  };
  const reports: FileReport[] = [];
  /** A file that cannot be read is reported in every format (and exits 2), never left out. */
  const unreadableFile = (file: string, error: { da: string; en: string }) => {
    reports.push({ file, findings: [], error });
    exitCode = 2;
  };

  let explicitConfig: ReferatConfig | undefined;
  if (values.config) {
    try {
      const loaded = loadConfigFile(values.config);
      explicitConfig = loaded.config;
      if (loaded.problems.length > 0) reports.push({ file: values.config, findings: loaded.problems.map(configFinding), config: true });
    } catch (e) {
      fail(values.config, `cannot read the configuration: ${(e as Error).message}`);
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

  const { files, errors } = expandInputs(inputs);
  for (const e of errors) unreadableFile(e.path, e.message);

  const configFiles = new ConfigFiles();
  const reportedConfigs = new Set<string>();
  const outlines: Outline[] = [];
  const meetings: { meeting: IndexedMeeting; report: FileReport; config: ReferatConfig; switches: ReturnType<typeof findSwitches> }[] = [];
  let language: Language = (values.language as Language | undefined) ?? explicitConfig?.language ?? 'da';
  for (const file of files) {
    // Documentation and other files the configuration says are not minutes.
    if (configFiles.ignores(file, explicitConfig && values.config ? { file: values.config, config: explicitConfig } : undefined)) continue;
    let text: string;
    let encodingNote: Finding | undefined;
    try {
      const decoded = readText(file);
      text = decoded.text;
      if (decoded.encoding !== 'utf-8') encodingNote = encodingFinding(decoded.encoding);
    } catch (e) {
      unreadableFile(file, e instanceof UnreadableFileError ? e.text : { da: `kan ikke læses: ${(e as Error).message}`, en: `cannot be read: ${(e as Error).message}` });
      continue;
    }
    let fileConfig = explicitConfig;
    if (!fileConfig) {
      const found = configFiles.forDocument(file);
      if (found) {
        fileConfig = found.config;
        if (found.problems.length > 0 && !reportedConfigs.has(found.file)) {
          reportedConfigs.add(found.file);
          reports.push({ file: path.relative(process.cwd(), found.file), findings: found.problems.map(configFinding), config: true });
        }
      }
    }
    const config = mergeConfigs(fileConfig, cliLayer);
    if (!values.language && config.language) language = config.language;
    const analysis = analyze(text, { config });
    if (command === 'outline') {
      outlines.push(toOutline(file, analysis.model));
    } else {
      // RF098 follows the configuration like any rule: turned off, or given another severity.
      const encodingLevel = ruleLevel(config, 'RF098', 'information');
      const note = encodingNote && encodingLevel !== 'off' ? { ...encodingNote, severity: encodingLevel } : undefined;
      const own = withFingerprints(note ? [note, ...analysis.findings] : analysis.findings, { ...analysis.model, lines: analysis.lines });
      const report = { file, findings: own };
      reports.push(report);
      if (analysis.model.kind) {
        // Only the inline switches are kept of the text: an archive of thousands of files stays small.
        meetings.push({ meeting: indexMeeting(file, analysis.model), report, config, switches: analysis.model.kind === 'referat' ? findSwitches(analysis.lines) : [] });
      }
    }
  }
  // Minutes and their agenda among the files checked: what changed between them (RF220, RF221).
  for (const m of meetings) {
    if (m.meeting.kind !== 'referat') continue;
    const agenda = agendaFor(m.meeting, meetings.map((x) => x.meeting));
    if (!agenda) continue;
    const cross = applySwitches(compareAgendaAndMinutes(agenda, m.meeting, m.config), m.switches);
    m.report.findings = [...m.report.findings, ...withFingerprints(cross, m.meeting)];
  }

  // Findings ignored in .referat.json (never in the document itself).
  for (const r of reports) {
    if (r.error || r.config) continue;
    const found = explicitConfig && values.config ? { file: values.config, config: explicitConfig } : configFiles.forDocument(r.file);
    if (found?.config.ignore) r.findings = applyIgnores(r.findings, path.relative(path.dirname(path.resolve(found.file)), path.resolve(r.file)), found.config.ignore);
  }

  // Why each unreadable file was not checked, on stderr in the messages' language (stdout may be JSON or SARIF).
  for (const r of unreadable(reports)) io.err(`${r.file}: ${r.error![language]}`);

  if (command === 'outline') {
    if (format === 'json') io.out(JSON.stringify(outlines, null, 2));
    else if (format === 'md') io.out(outlinesAsMarkdown(outlines, language));
    else if (format === 'csv') io.out(outlinesAsCsv(outlines, language));
    else if (outlines.length > 0) io.out(outlines.map((o) => outlineAsText(o, language)).join('\n\n'));
    return exitCode;
  }

  if (format === 'json') io.out(findingsAsJson(reports, language));
  else if (format === 'sarif') io.out(findingsAsSarif(reports, language, VERSION));
  else if (format === 'github') {
    const annotations = findingsAsGithub(reports, language);
    if (annotations) io.out(annotations);
    io.err(summaryLine(reports, language));
  }
  else {
    const text = findingsAsText(reports, language);
    if (text) io.out(text);
    io.err(summaryLine(reports, language));
  }
  const all = reports.flatMap((r) => r.findings);
  const errorsFound = all.some((f) => f.severity === 'error');
  const warnings = all.filter((f) => f.severity === 'warning').length;
  if (!values['exit-zero'] && (errorsFound || (maxWarnings !== undefined && warnings > maxWarnings))) {
    if (maxWarnings !== undefined && warnings > maxWarnings) {
      io.err(`referat: ${count(warnings, 'warning', language)} ${language === 'da' ? 'er flere end' : 'exceed'} --max-warnings ${maxWarnings}`);
    }
    exitCode = Math.max(exitCode, 1);
  }
  return exitCode;
}

const OPTIONS = ['--format', '--config', '--profile', '--language', '--exit-zero', '--max-warnings', '--help', '--version'];

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
  const line = `${count(checked, 'file', language)} ${language === 'da' ? 'kontrolleret' : 'checked'}: ${counts}`;
  const failed = unreadable(reports).length;
  if (failed === 0) return line;
  return `${line}; ${count(failed, 'file', language)} ${language === 'da' ? 'kunne ikke læses' : 'could not be read'}`;
}

function configFinding(p: { range: Finding['range']; message: Finding['message'] }): Finding {
  return { code: 'RF099', severity: 'error', range: p.range, message: p.message };
}

function encodingFinding(encoding: string): Finding {
  return {
    code: 'RF098',
    severity: 'information',
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    message: {
      da: `Filen er ikke UTF-8; den blev læst som ${encoding}. Gem den som UTF-8 for at være sikker på æ, ø og å.`,
      en: `The file is not UTF-8; it was read as ${encoding}. Save it as UTF-8 to be sure of æ, ø and å.`,
    },
  };
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
