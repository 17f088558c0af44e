// Seed 000 (a Rudersdal referat) as the web page a municipality's site would publish: a <title>, navigation
// and a footer (chrome the HTML reader must leave out), the header as paragraphs, each item heading an <h2>,
// each section heading an <h3>, paragraphs as <p>, and each run of tab-separated lines a real <table>.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const SECTION_HEADINGS = new Set(['Resumé', 'Sagsfremstilling', 'Indstilling', 'Beslutning', 'Bilag', 'Økonomi', 'Tidligere behandling', 'Vedtagelse']);

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The HTML page of a seed text (its lines as paragraphs, headings and tables). */
export function seedAsHtml(text) {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const body = [];
  let table = null;
  const closeTable = () => {
    if (table) body.push(`<table>\n${table.map((cells) => `  <tr>${cells.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`).join('\n')}\n</table>`);
    table = null;
  };
  for (const line of lines) {
    if (line.includes('\t') && !/\.{3,}\t/.test(line)) {
      (table ??= []).push(line.split('\t'));
      continue;
    }
    closeTable();
    const t = line.trim();
    if (t === '') continue;
    if (/^Punkt \d+:/.test(t)) body.push(`<h2>${escape(t)}</h2>`);
    else if (SECTION_HEADINGS.has(t) || /^Vedtagelse i .* den \d/.test(t)) body.push(`<h3>${escape(t)}</h3>`);
    else if (/^REFERAT /.test(t)) body.push(`<h1>${escape(t)}</h1>`);
    else body.push(`<p>${escape(line)}</p>`);
  }
  closeTable();
  return `<!DOCTYPE html>
<html lang="da">
<head>
<meta charset="utf-8">
<title>Referat - Erhvervsudvalget - 03-11-2021</title>
<style>table { border-collapse: collapse } td { border: 1px solid #999; padding: 2px 6px }</style>
<script>window.dataLayer = window.dataLayer || [];</script>
</head>
<body>
<nav><ul><li><a href="/">Forside</a></li><li><a href="/politik">Politik</a></li><li><a href="/dagsordener">Dagsordener og referater</a></li></ul></nav>
<main>
${body.join('\n')}
</main>
<footer><p>Kommunen · Rådhuset · Tlf. 00 00 00 00</p><p>Cookie-indstillinger</p></footer>
</body>
</html>
`;
}

export function seedPath(root) {
  return path.join(root, 'test', 'fixtures', '000_1bde0758b15ed079.txt');
}

export function seedHtml(root) {
  return seedAsHtml(readFileSync(seedPath(root), 'utf8'));
}
