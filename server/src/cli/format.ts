/** Output formats of the CLI. JSON shapes are contracts: add fields, never rename. */
import type { Language } from '../core/config';
import type { Finding, Range } from '../core/model';
import { KIND_LABELS, OUTCOME_LABELS, type Outline } from '../core/outline';
import { ALL_CODES } from '../core/rules/index';
import { docsUrl } from '../core/rules/rule';
import { redactCpr } from '../core/redact';

export interface FileReport {
  file: string;
  findings: Finding[];
  /** Set when the file could not be read (missing, binary, a format not supported, no access): it was not checked. */
  error?: { da: string; en: string };
  /** A configuration file's own problems, not a document. */
  config?: boolean;
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
  return JSON.stringify(
    reports.map((r) => ({
      file: r.file,
      // A file that could not be read says so; it is never left out, or a dashboard would take its findings for fixed.
      ...(r.error ? { error: r.error[language] } : {}),
      diagnostics: r.findings.map((f) => ({ code: f.code, severity: f.severity, message: redactCpr(f.message[language]), range: f.range })),
    })),
    null,
    2,
  );
}

const SARIF_LEVEL: Record<Finding['severity'], string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** SARIF 2.1.0, as GitHub code scanning and other CI dashboards read it. */
export function findingsAsSarif(reports: FileReport[], language: Language, version: string): string {
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'referat',
            version,
            informationUri: 'https://github.com/referat-dk/referat',
            rules: ALL_CODES.map((r) => ({
              id: r.code,
              name: r.name,
              shortDescription: { text: r.description[language] },
              helpUri: docsUrl(r.code),
              defaultConfiguration: { level: SARIF_LEVEL[r.defaultSeverity] },
            })),
          },
        },
        // A file that could not be read makes the run unsuccessful, so that code scanning does not close its alerts.
        invocations: [
          {
            executionSuccessful: unreadable(reports).length === 0,
            toolExecutionNotifications: unreadable(reports).map((r) => ({
              level: 'error',
              message: { text: `${r.file}: ${r.error![language]}` },
              locations: [{ physicalLocation: { artifactLocation: { uri: r.file.split('\\').join('/') } } }],
            })),
          },
        ],
        results: reports.flatMap((r) =>
          r.findings.map((f) => ({
            ruleId: f.code,
            ruleIndex: ALL_CODES.findIndex((x) => x.code === f.code),
            level: SARIF_LEVEL[f.severity],
            message: { text: redactCpr(f.message[language]) },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: r.file.split('\\').join('/') },
                  region: sarifRegion(f.range),
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}

function sarifRegion(range: Range) {
  // SARIF lines and columns are 1-based; columns count UTF-16 units like LSP by default.
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/** The outline as an indented tree for a terminal. */
export function outlineAsText(outline: Outline, language: Language): string {
  const out: string[] = [];
  const head = [outline.file];
  if (outline.kind) head.push(KIND_LABELS[outline.kind][language]);
  head.push(`profile ${outline.profile}`);
  if (outline.meeting) head.push([outline.meeting.committee, outline.meeting.date].filter(Boolean).join(' '));
  out.push(head.join(' · '));
  if (!outline.kind) {
    out.push(language === 'da' ? '  (ikke genkendt som referat eller dagsorden)' : '  (not recognised as minutes or an agenda)');
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
  if (item.decision?.outcome) parts.push(OUTCOME_LABELS[item.decision.outcome][language]);
  else if (outline.kind === 'referat' && !item.exempt) parts.push(language === 'da' ? 'mangler beslutning' : 'no decision');
  return parts.length > 0 ? `  — ${parts.join(' · ')}` : '';
}

/** One row per item, for a reviewer's spreadsheet. */
export function outlinesAsCsv(outlines: Outline[], language: Language): string {
  const header = language === 'da'
    ? ['fil', 'art', 'udvalg', 'dato', 'punkt', 'titel', 'sagsnr', 'beslutning', 'udfald']
    : ['file', 'kind', 'committee', 'date', 'item', 'title', 'case', 'decision', 'outcome'];
  const rows = [header];
  for (const o of outlines) {
    for (const it of o.items) {
      rows.push([
        o.file, o.kind ?? '', o.meeting?.committee ?? '', o.meeting?.date ?? '', String(it.number), it.title,
        it.caseNumber ?? '', it.decision?.text.replace(/\s+/g, ' ') ?? '', it.decision?.outcome ?? '',
      ]);
    }
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\n');
}

function csvCell(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function outlinesAsMarkdown(outlines: Outline[], language: Language): string {
  const out: string[] = [];
  for (const o of outlines) {
    const title = [o.kind ? KIND_LABELS[o.kind][language] : o.file, o.meeting?.committee, o.meeting?.date].filter(Boolean).join(' · ');
    out.push(`## ${title}`, '', `\`${o.file}\``, '');
    if (o.items.length === 0) continue;
    out.push(language === 'da' ? '| Punkt | Titel | Beslutning |' : '| Item | Title | Decision |', '|---:|---|---|');
    for (const it of o.items) {
      const decision = it.decision?.outcome
        ? OUTCOME_LABELS[it.decision.outcome][language]
        : o.kind === 'referat' && !it.exempt ? (language === 'da' ? '**mangler beslutning**' : '**no decision**') : '';
      out.push(`| ${it.number} | ${it.title.replace(/\|/g, '\\|')} | ${decision} |`);
    }
    out.push('');
  }
  return out.join('\n');
}
