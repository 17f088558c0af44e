/**
 * The Referat output channel, with its last lines kept in memory: the extension's API gives them, so a
 * test (and a support request) can read what Show log shows, which VS Code's API cannot read back.
 */
import type * as vscode from 'vscode';

const KEPT_LINES = 500;
/** The channel's methods that write a line (a LogOutputChannel's levels and the plain ones). */
const WRITERS = new Set(['append', 'appendLine', 'trace', 'debug', 'info', 'warn', 'error', 'replace']);

export interface RecordedLog {
  channel: vscode.LogOutputChannel;
  /** The last lines written, oldest first. */
  lines(): string[];
}

export function recordingLog(channel: vscode.LogOutputChannel): RecordedLog {
  const kept: string[] = [];
  const record = (args: unknown[]) => {
    const text = args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ');
    kept.push(...text.split(/\r?\n/).filter((l) => l !== ''));
    if (kept.length > KEPT_LINES) kept.splice(0, kept.length - KEPT_LINES);
  };
  const proxy = new Proxy(channel, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || !WRITERS.has(property) || typeof value !== 'function') {
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return (...args: unknown[]) => {
        record(args);
        return value.apply(target, args);
      };
    },
  });
  return { channel: proxy, lines: () => [...kept] };
}
