/**
 * `referat check` for a person at a terminal: findings grouped under their file, the
 * severity in colour. Piped into another program (or a file) the output stays one
 * `file:LINE:COL: severity CODE message` line per finding, which editors and problem
 * matchers read. Colour follows the conventions: NO_COLOR turns it off, FORCE_COLOR
 * forces it (0 or false: off) and wins over NO_COLOR as Node's own tty does.
 */
import type { Language } from '../core/config';
import type { Finding } from '../core/model';
import { redactCpr } from '../core/redact';
import type { FileReport } from './format';
import { printedMessage } from './texts';

export interface OutputStream {
  isTTY?: boolean;
  /** tty.WriteStream#hasColors: the terminal shows colour. */
  hasColors?: () => boolean;
}

/** Whether to colour the output written to `stream`. */
export function colourWanted(env: Record<string, string | undefined>, stream: OutputStream): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.trim().toLowerCase());
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return Boolean(stream.isTTY) && (stream.hasColors?.() ?? true);
}

/** ANSI styles, or none: the text is the same either way. */
export interface Style {
  error: (s: string) => string;
  warning: (s: string) => string;
  note: (s: string) => string;
  dim: (s: string) => string;
  file: (s: string) => string;
}

const ansi = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;
const plain = (s: string) => s;

export function style(colour: boolean): Style {
  if (!colour) return { error: plain, warning: plain, note: plain, dim: plain, file: plain };
  return { error: ansi(31, 39), warning: ansi(33, 39), note: ansi(36, 39), dim: ansi(2, 22), file: ansi(4, 24) };
}

const SEVERITY_WORD: Record<Finding['severity'], { da: string; en: string }> = {
  error: { da: 'fejl', en: 'error' },
  warning: { da: 'advarsel', en: 'warning' },
  information: { da: 'oplysning', en: 'note' },
  hint: { da: 'tip', en: 'hint' },
};

function severityStyle(s: Style, severity: Finding['severity']): (x: string) => string {
  return severity === 'error' ? s.error : severity === 'warning' ? s.warning : s.note;
}

/**
 * One file's findings as a block for a terminal (none: nothing):
 *   minutes/2024-03.txt
 *     30:1   advarsel  RF010  Punkt 3 følger efter punkt 1
 */
export function groupedText(report: FileReport, language: Language, s: Style): string {
  if (report.findings.length === 0) return '';
  const place = (f: Finding) => `${f.range.start.line + 1}:${f.range.start.character + 1}`;
  const placeWidth = Math.max(...report.findings.map((f) => place(f).length));
  const wordWidth = Math.max(...report.findings.map((f) => SEVERITY_WORD[f.severity][language].length));
  const codeWidth = Math.max(...report.findings.map((f) => f.code.length));
  const rows = report.findings.map((f) => {
    const word = SEVERITY_WORD[f.severity][language].padEnd(wordWidth);
    return `  ${s.dim(place(f).padEnd(placeWidth))}  ${severityStyle(s, f.severity)(word)}  ${s.dim(f.code.padEnd(codeWidth))}  ${printedMessage(redactCpr(f.message[language]), f.source, language)}`;
  });
  return [s.file(report.file), ...rows, ''].join('\n');
}

/** One finding as a line for other programs, the severity coloured only when colour is forced. */
export function findingLine(file: string, f: Finding, language: Language, s: Style): string {
  return `${file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${severityStyle(s, f.severity)(f.severity)} ${f.code} ${printedMessage(redactCpr(f.message[language]), f.source, language)}`;
}
