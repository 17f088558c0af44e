/**
 * Fixture sidecars: every finding of every rule on a hand-made fixture, as (line, column, code, messageId),
 * line and column 1-based: the message id tells which of a rule's findings it is (RF011's "noEntry" or
 * "otherTitle"), without the prose, which the catalogue owns.
 * A fixture made for one rule family is checked against all of them, so a table fixture that wrongly
 * triggers a structure rule fails (as markdownlint snapshots every rule on every fixture).
 * Sidecars are rewritten only by `npm run fixtures:update` and reviewed in the diff like code.
 */
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../server/src/core/analyze';

export interface SidecarEntry {
  line: number;
  column: number;
  code: string;
  messageId: string;
}

/** The fixture folders whose files carry a sidecar x.expected.json. */
export const FIXTURE_DIRS = ['attachments', 'dates', 'publication', 'structure', 'tables', 'templates'];

/** Fixture files of a folder: the .txt and .md files. */
export const FIXTURE_PATTERN = /\.(txt|md)$/;

export const sidecarName = (fixture: string) => fixture.replace(FIXTURE_PATTERN, '.expected.json');

export function fixturesIn(dir: string): string[] {
  return readdirSync(dir).filter((f) => FIXTURE_PATTERN.test(f)).sort();
}

/** What the sidecar of a fixture must hold: all findings with the default configuration, in order. */
export function sidecarOf(text: string): SidecarEntry[] {
  return analyze(text)
    .findings.map((f) => ({ line: f.range.start.line + 1, column: f.range.start.character + 1, code: f.code, messageId: f.messageId ?? '' }))
    .sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code) || a.messageId.localeCompare(b.messageId));
}

/** One entry a line, so a diff shows which finding came or went. */
export function formatSidecar(entries: SidecarEntry[]): string {
  if (entries.length === 0) return '[]\n';
  return `[\n${entries.map((e) => `  { "line": ${e.line}, "column": ${e.column}, "code": "${e.code}", "messageId": "${e.messageId}" }`).join(',\n')}\n]\n`;
}

export const fixtureDir = (root: string, family: string) => path.join(root, 'test', 'fixtures', 'rules', family);
