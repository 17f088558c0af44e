/** Output formats of the CLI. JSON shapes are contracts: add fields, never rename. */
import { cliText, printedMessage } from './texts';
import type { Language } from '../core/config';
import type { Finding, Range } from '../core/model';
import { decisionLabel, decisionStatusOf, KIND_LABELS, type Outline } from '../core/outline';
import { ALL_CODES } from '../core/rules/index';
import { docsUrl } from '../core/rules/index';
import { redactCpr } from '../core/redact';
import { FINGERPRINT_KEY } from '../node/fingerprint';
import { ruleHelp } from './rule-help';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { danishCsv } from '../core/csv';

export interface FileReport {
  file: string;
  findings: Finding[];
  /** Set when the file could not be read (missing, binary, a format not supported, no access): it was not checked. */
  error?: { da: string; en: string };
  /** A configuration file's own problems, not a document. */
  config?: boolean;
  /** How many safe fixes `check --fix` wrote into the file. */
  fixed?: number;
}

/** The reports of files that could not be read. */
export const unreadable = (reports: FileReport[]) => reports.filter((r) => r.error);

export function findingsAsText(reports: FileReport[], language: Language): string {
  const out: string[] = [];
  for (const r of reports) {
    for (const f of r.findings) {
      out.push(`${r.file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} ${f.code} ${redactCpr(f.message[language])}`);
    }
  }
  return out.join('\n');
}

export function findingsAsJson(reports: FileReport[], language: Language): string {
  return jsonArray(reports.map((r) => jsonFileEntry(r, language, jsonDiagnostics(r.findings, language))));
}

/*
 * findingsAsJson's document in pieces, so that a worker thread renders a file's findings where it checked the file
 * and the main thread writes the array entry by entry (output.ts): the same bytes as JSON.stringify of the whole
 * (indent 2), since each piece is JSON.stringify of its part, indented to its depth in the document. Indenting by
 * putting spaces after every line break is safe: JSON.stringify writes a line break inside a string as \n.
 */

/** `json` (JSON.stringify, indent 2) as it stands `depth` spaces deep in a document. */
const indented = (json: string, depth: number) => {
  const pad = ' '.repeat(depth);
  return pad + json.replace(/\n/g, `\n${pad}`);
};

/** Depth of a file's object in the array, and of a finding's in its file's diagnostics. */
const FILE_DEPTH = 2;
const DIAGNOSTIC_DEPTH = 6;

/** A file's findings as entries of its "diagnostics" array, joined by ",\n"; '' for none. */
export function jsonDiagnostics(findings: readonly Finding[], language: Language): string {
  return findings
    .map((f) =>
      indented(
        JSON.stringify(
          {
            code: f.code,
            severity: f.severity,
            message: redactCpr(f.message[language]),
            range: f.range,
            // Where it is in the published original (a PDF's page, an HTML line and column); range is the extracted text's.
            ...(f.source ? { source: f.source } : {}),
            ...(f.fingerprint ? { fingerprint: f.fingerprint } : {}),
          },
          null,
          2,
        ),
        DIAGNOSTIC_DEPTH,
      ),
    )
    .join(',\n');
}

/** Two pieces of jsonDiagnostics as one. */
export const joinJsonDiagnostics = (a: string, b: string) => (a && b ? `${a},\n${b}` : a || b);

/** A file's object as an entry of the JSON array, with its diagnostics (jsonDiagnostics). */
export function jsonFileEntry(r: Pick<FileReport, 'file' | 'error' | 'fixed'>, language: Language, diagnostics: string): string {
  const head = indented(
    JSON.stringify(
      {
        file: r.file,
        // A file that could not be read says so; it is never left out, or a dashboard would take its findings for fixed.
        ...(r.error ? { error: r.error[language] } : {}),
        ...(r.fixed ? { fixed: r.fixed } : {}),
        diagnostics: [],
      },
      null,
      2,
    ),
    FILE_DEPTH,
  );
  if (!diagnostics) return head;
  const close = `[]\n${' '.repeat(FILE_DEPTH)}}`;
  return `${head.slice(0, -close.length)}[\n${diagnostics}\n${' '.repeat(DIAGNOSTIC_DEPTH - 2)}]\n${' '.repeat(FILE_DEPTH)}}`;
}

/** An outline as an entry of `referat outline --format json`'s array. */
export const jsonOutlineEntry = (outline: Outline) => indented(JSON.stringify(outline, null, 2), FILE_DEPTH);

/** The JSON array of entries (jsonFileEntry, jsonOutlineEntry) as JSON.stringify(array, null, 2) writes it. */
export function jsonArray(entries: readonly string[]): string {
  return entries.length === 0 ? '[]' : `[\n${entries.join(',\n')}\n]`;
}

const SARIF_LEVEL: Record<Finding['severity'], string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** The base the result paths are relative to: the folder `referat check` ran in (the checkout on CI). */
export const SRCROOT = '%SRCROOT%';

/**
 * SARIF 2.1.0 as GitHub code scanning ingests it: paths as URI-encoded references relative
 * to %SRCROOT% (a path outside it as a file: URI), UTF-16 columns said out loud, each rule
 * with its full description and help, related places as relatedLocations, a stable
 * fingerprint per result, and the run marked unsuccessful when a file could not be read.
 */
export function findingsAsSarif(reports: FileReport[], language: Language, version: string, cwd = process.cwd()): string {
  const uri = (file: string) => artifactLocation(file, cwd);
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'referat',
            version,
            semanticVersion: /^\d+\.\d+\.\d+/.test(version) ? version : undefined,
            informationUri: 'https://github.com/referat-dk/referat',
            rules: ALL_CODES.map((r) => {
              const helpUri = docsUrl(r.code);
              const help = ruleHelp(r, language, helpUri);
              return {
                id: r.code,
                name: r.name,
                shortDescription: { text: r.description[language] },
                fullDescription: { text: help.full },
                help: { text: help.text, markdown: help.markdown },
                helpUri,
                defaultConfiguration: { level: SARIF_LEVEL[r.defaultSeverity] },
              };
            }),
          },
        },
        // A file that could not be read makes the run unsuccessful, so that code scanning does not close its alerts.
        invocations: [
          {
            executionSuccessful: unreadable(reports).length === 0,
            toolExecutionNotifications: unreadable(reports).map((r) => ({
              level: 'error',
              message: { text: `${r.file}: ${r.error![language]}` },
              locations: [{ physicalLocation: { artifactLocation: uri(r.file) } }],
            })),
          },
        ],
        originalUriBaseIds: { [SRCROOT]: { uri: folderUri(cwd) } },
        columnKind: 'utf16CodeUnits',
        results: reports.flatMap((r) =>
          r.findings.map((f) => {
            const result: Record<string, unknown> = {
              ruleId: f.code,
              ruleIndex: ALL_CODES.findIndex((x) => x.code === f.code),
              level: SARIF_LEVEL[f.severity],
              message: { text: redactCpr(f.message[language]) },
              locations: [{ physicalLocation: { artifactLocation: uri(r.file), region: sarifRegion(f.range) } }],
            };
            if (f.related && f.related.length > 0) {
              result.relatedLocations = f.related.map((rel, k) => ({
                id: k + 1,
                physicalLocation: { artifactLocation: uri(r.file), region: sarifRegion(rel.range) },
                message: { text: redactCpr(rel.message[language]) },
              }));
            }
            if (f.fingerprint) result.partialFingerprints = { [FINGERPRINT_KEY]: f.fingerprint };
            // The place in the published original; the region is the extracted text's (`referat extract`).
            if (f.source) result.properties = { source: f.source };
            return result;
          }),
        ),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}

/** A file as SARIF wants it: a URI reference, each path segment percent-encoded ("M%C3%B8der%202024/%233.txt"). */
function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const abs = path.resolve(cwd, file);
  const rel = path.relative(cwd, abs);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return { uri: pathToFileURL(abs).href };
  return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function folderUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function sarifRegion(range: Range) {
  // SARIF lines and columns are 1-based; columns count UTF-16 code units (columnKind), as LSP does.
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

const GITHUB_COMMAND: Record<Finding['severity'], string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/**
 * GitHub Actions workflow commands ("::error file=…,line=…::message"): annotations on the
 * pull request without code scanning, which private repositories may not have.
 */
export function findingsAsGithub(reports: FileReport[], language: Language): string {
  const out: string[] = [];
  for (const r of reports) {
    const file = r.file.split(path.sep).join('/');
    if (r.error) out.push(`::error file=${property(file)},title=${property('Referat')}::${data(`${r.file}: ${r.error[language]}`)}`);
    for (const f of r.findings) {
      const at = `line=${f.range.start.line + 1},col=${f.range.start.character + 1},endLine=${f.range.end.line + 1},endColumn=${f.range.end.character + 1}`;
      out.push(`::${GITHUB_COMMAND[f.severity]} file=${property(file)},${at},title=${property(`${f.code} ${ALL_CODES.find((c) => c.code === f.code)?.name ?? ''}`.trim())}::${data(printedMessage(redactCpr(f.message[language]), f.source, language))}`);
    }
  }
  return out.join('\n');
}

/** Escapes of the workflow command syntax: a message may hold %, line breaks; a property also : and ,. */
const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** The outline as an indented tree for a terminal. */
export function outlineAsText(outline: Outline, language: Language): string {
  const out: string[] = [];
  const head = [outline.file];
  if (outline.kind) head.push(KIND_LABELS[outline.kind][language]);
  head.push(`profile ${outline.profile}`);
  if (outline.meeting) head.push([outline.meeting.committee, outline.meeting.date].filter(Boolean).join(' '));
  out.push(head.join(' · '));
  if (!outline.kind) {
    out.push(cliText(language)('notMinutes'));
    return out.join('\n');
  }
  for (const item of outline.items) {
    out.push(`  Punkt ${item.number}: ${item.title}${itemDetail(item, outline, language)}`);
    for (const s of item.sections) out.push(`    ${s.heading} (${s.role})`);
  }

  return out.join('\n');
}

function itemDetail(item: Outline['items'][number], outline: Outline, language: Language): string {
  const parts: string[] = [];
  if (item.caseNumber) parts.push(item.caseNumber);
  const decision = decisionLabel(outline.kind, item, language);
  if (decision) parts.push(decision);
  return parts.length > 0 ? `  — ${parts.join(' · ')}` : '';
}

/** One row per item, for a reviewer's spreadsheet, as Danish Excel opens it (core/csv.ts: BOM, semicolons, CRLF). */
export function outlinesAsCsv(outlines: Outline[], language: Language): string {
  const header = cliText(language)('csvHead').split(',');
  const rows = [header];
  for (const o of outlines) {
    for (const it of o.items) {
      rows.push([
        o.file, o.kind ?? '', o.meeting?.committee ?? '', o.meeting?.date ?? '', String(it.number), it.title,
        it.caseNumber ?? '', it.decision?.text.replace(/\s+/g, ' ') ?? '', it.decision?.outcome ?? '',
      ]);
    }
  }
  return danishCsv(rows);
}

export function outlinesAsMarkdown(outlines: Outline[], language: Language): string {
  const out: string[] = [];
  for (const o of outlines) {
    const title = [o.kind ? KIND_LABELS[o.kind][language] : o.file, o.meeting?.committee, o.meeting?.date].filter(Boolean).join(' · ');
    out.push(`## ${title}`, '', `\`${o.file}\``, '');
    if (o.items.length === 0) continue;
    out.push(cliText(language)('markdownHead'), '|---:|---|---|');
    for (const it of o.items) {
      const label = decisionLabel(o.kind, it, language);
      const decision = decisionStatusOf(o.kind, it) === 'missing' ? `**${label}**` : label;
      out.push(`| ${it.number} | ${it.title.replace(/\|/g, '\\|')} | ${decision} |`);
    }
    out.push('');
  }
  return out.join('\n');
}
