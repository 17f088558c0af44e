/**
 * Findings ignored in .referat.json rather than in the document: a `referat-disable` line
 * in a .txt referat would be published with it. An entry names the file (relative to the
 * .referat.json's folder, "/" separators), the code, and the finding's fingerprint
 * (node/fingerprint.ts: stable across edits elsewhere, never derived from a CPR number).
 * Without a fingerprint, every finding of the code in that file is ignored.
 */
import { modify, type EditResult } from 'jsonc-parser';
import type { IgnoreEntry } from './config';
import type { Finding } from './model';

/** The path an ignore entry uses for `file`, from the path relative to the .referat.json's folder. */
export const ignoreKey = (relativePath: string) => relativePath.split('\\').join('/').replace(/^\.\//, '');

export function applyIgnores(findings: Finding[], relativePath: string, entries: readonly IgnoreEntry[] | undefined): Finding[] {
  if (!entries || entries.length === 0) return findings;
  const file = ignoreKey(relativePath);
  const mine = entries.filter((e) => ignoreKey(e.file) === file);
  if (mine.length === 0) return findings;
  return findings.filter((f) => !mine.some((e) => e.code === f.code && (e.fingerprint === undefined || e.fingerprint === f.fingerprint)));
}

/** The entry that ignores `finding` in the file. */
export function ignoreEntryFor(finding: Finding, relativePath: string): IgnoreEntry {
  return { file: ignoreKey(relativePath), code: finding.code, ...(finding.fingerprint ? { fingerprint: finding.fingerprint } : {}) };
}

/**
 * The edits that add `entry` to the `ignore` list of a .referat.json text (keeping its
 * comments and layout), or, for no file yet, the whole new file's text.
 */
export function addIgnoreEntry(configText: string | null, entry: IgnoreEntry): { edits: EditResult } | { text: string } {
  if (configText === null || configText.trim() === '') return { text: JSON.stringify({ ignore: [entry] }, null, 2) + '\n' };
  return { edits: modify(configText, ['ignore', -1], entry, { formattingOptions: { insertSpaces: true, tabSize: 2 }, isArrayInsertion: true }) };
}
