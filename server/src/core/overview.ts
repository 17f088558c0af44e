/**
 * The meeting at a glance for a reviewer: every item with its decision outcome,
 * the sections its template still lacks and its problem counts. Shared by the
 * editor's overview view, "Export overview" and the status bar.
 */
import type { Language } from './language';
import type { Finding, MinutesDocument, Range, SectionRole } from './model';
import { decisionLabel, KIND_LABELS } from './outline';
import { catalogue, textsIn } from './messages';
import type { Profile } from './profiles/profile';
import { roleHeading } from './sections';
import { redactCpr } from './redact';
import { danishCsv } from './csv';

export interface OverviewItem {
  number: number;
  title: string;
  range: Range;
  exempt: boolean;
  outcome: string | null;
  /** The outcome (or "mangler beslutning"/"no decision") in the chosen language. */
  status: string;
  missing: string[];
  errors: number;
  warnings: number;
}

export interface Overview {
  kind: MinutesDocument['kind'];
  kindLabel: string;
  profile: string;
  committee: string | null;
  date: string | null;
  items: OverviewItem[];
  errors: number;
  warnings: number;
  infos: number;
}

const inside = (r: Range, outer: Range) => r.start.line >= outer.start.line && r.start.line <= outer.end.line;

export function overview(model: MinutesDocument, profile: Profile, findings: Finding[], language: Language): Overview {
  const required: SectionRole[] = model.kind ? profile.required[model.kind] : [];
  const count = (fs: Finding[], sev: Finding['severity']) => fs.filter((f) => f.severity === sev).length;
  const items = model.items.map((item) => {
    const own = findings.filter((f) => inside(f.range, item.range));
    const present = new Set(item.sections.map((s) => s.role));
    const missing = item.exempt ? [] : required.filter((r) => !present.has(r)).map((r) => roleHeading(model, profile, r));
    const status = decisionLabel(model.kind, item, language);
    return {
      number: item.number,
      title: redactCpr(item.title, model.personalNumbers),
      range: item.range,
      exempt: item.exempt,
      outcome: item.decision?.outcome ?? null,
      status,
      missing,
      errors: count(own, 'error'),
      warnings: count(own, 'warning'),
    };
  });
  return {
    kind: model.kind,
    kindLabel: model.kind ? KIND_LABELS[model.kind][language] : '',
    profile: model.profile,
    committee: model.header?.committee ? redactCpr(model.header.committee.text, model.personalNumbers) : null,
    date: model.header?.date?.iso ?? null,
    items,
    errors: count(findings, 'error'),
    warnings: count(findings, 'warning'),
    infos: count(findings, 'information') + count(findings, 'hint'),
  };
}

const overviewText = textsIn(
  catalogue('overview', {
    title: { da: 'Oversigt', en: 'Overview' },
    summary: { da: 'Profil: {profile} · {errors} fejl, {warnings} advarsler', en: 'Profile: {profile} · {errors} errors, {warnings} warnings' },
    tableHead: { da: '| Punkt | Titel | Beslutning | Mangler | Fejl | Advarsler |', en: '| Item | Title | Decision | Missing | Errors | Warnings |' },
    csvHead: { da: 'punkt,titel,beslutning,udfald,mangler,fejl,advarsler', en: 'item,title,decision,outcome,missing,errors,warnings' },
  }),
);

export function overviewAsMarkdown(o: Overview, language: Language): string {
  const text = overviewText(language);
  const head = [o.kindLabel, o.committee, o.date].filter(Boolean).join(' · ');
  const lines = [`# ${head || text('title')}`, ''];
  lines.push(text('summary', { profile: o.profile, errors: o.errors, warnings: o.warnings }), '');
  lines.push(text('tableHead'));
  lines.push('|---:|---|---|---|---:|---:|');
  for (const it of o.items) {
    const cell = (s: string) => s.replace(/\|/g, '\\|');
    lines.push(`| ${it.number} | ${cell(it.title)} | ${cell(it.status)} | ${cell(it.missing.join(', '))} | ${it.errors} | ${it.warnings} |`);
  }
  return lines.join('\n') + '\n';
}

/**
 * The overview as a CSV file that Excel with Danish regional settings opens in columns: a
 * semicolon between cells (the comma is the Danish decimal sign, so Danish Excel splits on
 * ';'), CRLF line endings, and a UTF-8 byte order mark (without it Excel reads the file as
 * Windows-1252 and "Beslutning" texts with æ, ø, å come out garbled).
 */
export { CSV_BOM } from './csv';

export function overviewAsCsv(o: Overview, language: Language): string {
  const rows = [overviewText(language)('csvHead').split(',')];
  for (const it of o.items) rows.push([String(it.number), it.title, it.status, it.outcome ?? '', it.missing.join(', '), String(it.errors), String(it.warnings)]);
  return danishCsv(rows);
}
