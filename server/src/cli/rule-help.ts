/**
 * A rule's help for SARIF (shown on a code-scanning alert): its docs page, read from the
 * docs/rules/ folder that ships beside dist/. Without the page (a stripped install), the
 * one-line description stands in. A section that holds an example number (RF200's pages
 * show made-up CPR numbers) is left out: no CPR-like number goes into a report.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Language } from '../core/config';
import { redactCpr } from '../core/redact';
import type { RuleMeta } from '../core/rules/index';

export interface RuleHelp {
  /** The first paragraph of "What it reports", or the description. */
  full: string;
  /** The description with the page's "Why" and the link, as text and as Markdown. */
  text: string;
  markdown: string;
}

const DOCS_DIRS = [path.join(__dirname, '..', 'docs', 'rules'), path.join(__dirname, '..', '..', '..', 'docs', 'rules')];

export function ruleHelp(meta: RuleMeta, language: Language, url: string): RuleHelp {
  const description = meta.description[language];
  const page = readPage(meta.code);
  const link = `[${meta.code} ${meta.name}](${url})`;
  const reports = page && firstParagraph(section(page, 'What it reports'));
  const why = page && section(page, 'Why');
  return {
    full: reports || description,
    text: why ? `${description}\n\n${why.replace(/\s+/g, ' ')}\n\n${url}` : `${description} ${url}`,
    markdown: why ? `${description}\n\n**Why / Hvorfor:** ${why}\n\n${link}` : `${description}\n\n${link}`,
  };
}

/** A section of a docs page, or null; a section with a run of six digits (an example number) is not used. */
function section(page: string, heading: string): string | null {
  const part = page.split(/^## /m).find((p) => p.startsWith(`${heading}\n`));
  const text = part?.slice(heading.length).trim();
  if (!text || /\d{6}/.test(redactCpr(text))) return null;
  return text;
}

function firstParagraph(text: string | null): string | null {
  return text ? text.split(/\n\s*\n/)[0].replace(/\s+/g, ' ').trim() : null;
}

function readPage(code: string): string | null {
  for (const dir of DOCS_DIRS) {
    const file = path.join(dir, `${code}.md`);
    if (existsSync(file)) return readFileSync(file, 'utf8');
  }
  return null;
}
