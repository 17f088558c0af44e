/**
 * The command line's arguments: the usage text, and the options parsed and checked into what main() runs
 * with, or the message and exit code of a usage error.
 */
import { parseArgs } from 'node:util';
import type { Language } from '../core/config';
import { nearest } from '../core/config-check';
import { BUILTIN_PROFILE_JSON } from '../core/profiles/builtin';

declare const REFERAT_VERSION: string;
export const VERSION = typeof REFERAT_VERSION === 'string' ? REFERAT_VERSION : '0.0.0-dev';

/** The built-in profiles by id, the generic one last (as the setting lists them). */
const PROFILE_IDS = [...BUILTIN_PROFILE_JSON.filter((p) => p.id !== 'generic'), ...BUILTIN_PROFILE_JSON.filter((p) => p.id === 'generic')].map((p) => p.id).join(', ');

export const USAGE = `Referat ${VERSION}: checks Danish municipal minutes (referat) and agendas (dagsorden).

Usage:
  referat outline <files|folders|globs> [--format text|json|md|csv]
  referat check   <files|folders|globs> [--format text|json|sarif|github] [--fix] [--quiet]
                  [--exit-zero] [--max-warnings N]
  referat extract <files>  print the text Referat reads from each file (a PDF, Word file
                  or web page as extracted; line numbers in findings are this text's)

Options:
  --format F        output format (outline: text, json, md, csv; check: text, json, sarif, github)
  --config FILE     use this .referat.json instead of the nearest one above each file
  --profile ID      parse with this profile (${PROFILE_IDS}, or one of the configuration's)
  --language da|en  language of messages (default: the config's, else da)
  --exit-zero       check: exit 0 even when errors are found (a missing file still exits 2)
  --max-warnings N  check: exit 1 when there are more than N warnings
  --fix             check: apply the safe fixes (weekday, item numbers) and save the files,
                    in their own encoding; then report what is left (text files only:
                    a PDF, Word file or web page is never written)
  -q, --quiet       check: report errors only (warnings still count for --max-warnings)
  --concurrency N   worker threads: a number, auto (one per core; the default) or off
  -h, --help        this text
  -v, --version     the version

Folders are searched for *.referat, *.txt and *.md, and the published formats
*.pdf, *.docx, *.html and *.htm (a finding in one names its page: "(side 3)").
Results are printed in the order of the input, each file as soon as it is checked. On a terminal the findings
are grouped by file and coloured (NO_COLOR, FORCE_COLOR); piped, each is one line
file:LINE:COL: severity CODE message. Exit codes: 0 no errors, 1 errors found,
2 usage error or unreadable input (2 wins).`;

/** What main() runs with: the command, its inputs and the checked options. */
export interface CliOptions {
  command: 'outline' | 'check' | 'extract';
  inputs: string[];
  format: string;
  config?: string;
  profile?: string;
  language?: Language;
  exitZero: boolean;
  maxWarnings?: number;
  fix: boolean;
  quiet: boolean;
  concurrency: number | 'auto';
}

/** A run that ends before any file is read: help, the version, or a usage error (exit code 2). */
export interface EarlyExit {
  code: number;
  out?: string;
  err?: string;
}

/** Parses and checks the arguments. */
export function parseCliArgs(argv: string[]): CliOptions | EarlyExit {
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
    return { code: 2, err: `referat: ${optionError(e as Error & { code?: string }, argv)}\nRun "referat --help" for the options.` };
  }
  const { values, positionals } = parsed;
  if (values.help) {
    return { code: 0, out: USAGE };
  }
  if (values.version) {
    return { code: 0, out: VERSION };
  }
  const [command, ...inputs] = positionals;
  if (command !== 'outline' && command !== 'check' && command !== 'extract') {
    return { code: 2, err: command ? `referat: unknown command "${command}"\n\n${USAGE}` : USAGE };
  }
  const formats = command === 'outline' ? ['text', 'json', 'md', 'csv'] : command === 'extract' ? ['text'] : ['text', 'json', 'sarif', 'github'];
  const format = values.format ?? 'text';
  if (!formats.includes(format)) {
    return { code: 2, err: `referat: --format for ${command} is one of ${formats.join(', ')}, not "${format}"` };
  }
  if (values.language !== undefined && values.language !== 'da' && values.language !== 'en') {
    return { code: 2, err: `referat: --language is da or en, not "${values.language}"` };
  }
  for (const option of ['fix', 'quiet', 'exit-zero', 'max-warnings'] as const) {
    if (command !== 'check' && values[option] !== undefined) {
      return { code: 2, err: `referat: --${option} is an option of check, not of ${command}` };
    }
  }
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) {
      return { code: 2, err: `referat: --max-warnings takes a whole number ≥ 0, not "${values['max-warnings']}"` };
    }
  }
  const concurrency = parseConcurrency(values.concurrency);
  if (concurrency === null) {
    return { code: 2, err: `referat: --concurrency takes a whole number ≥ 1, auto or off, not "${values.concurrency}"` };
  }
  if (inputs.length === 0) {
    return { code: 2, err: `referat: ${command} needs at least one file, folder or glob\n\n${USAGE}` };
  }

  return {
    command,
    inputs,
    format,
    ...(values.config !== undefined ? { config: values.config } : {}),
    ...(values.profile !== undefined ? { profile: values.profile } : {}),
    ...(values.language !== undefined ? { language: values.language as Language } : {}),
    exitZero: Boolean(values['exit-zero']),
    ...(maxWarnings !== undefined ? { maxWarnings } : {}),
    fix: Boolean(values.fix),
    quiet: Boolean(values.quiet),
    concurrency,
  };
}

/** --concurrency: a number of threads, auto (one per core, when there are files enough) or off (the main thread alone). */
function parseConcurrency(value: string | undefined): number | 'auto' | null {
  if (value === undefined || value === 'auto') return 'auto';
  if (value === 'off') return 1;
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : null;
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

