// Seed 000 (a Rudersdal referat) as the web page a municipality's site would publish: a <title>, navigation
// and a footer (chrome the HTML reader must leave out), the header as paragraphs, each item heading an <h2>,
// each section heading an <h3>, paragraphs as <p>, and each run of tab-separated lines a real <table>.
// seedBlocks is the one reading of the seed's lines as blocks; docx.mjs writes the same blocks as Word.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const SECTION_HEADINGS = new Set(['Resumé', 'Sagsfremstilling', 'Indstilling', 'Beslutning', 'Bilag', 'Økonomi', 'Tidligere behandling', 'Vedtagelse']);

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The seed's lines as blocks: { kind: 'h1' | 'h2' | 'h3' | 'p', text } (a paragraph keeps its line as written)
 * and { kind: 'table', rows } (each run of tab-separated lines that is no dot-leader contents line).
 * @param {string} text
 * @returns {({ kind: 'h1' | 'h2' | 'h3' | 'p', text: string } | { kind: 'table', rows: string[][] })[]}
 */
export function seedBlocks(text) {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  /** @type {({ kind: 'h1' | 'h2' | 'h3' | 'p', text: string } | { kind: 'table', rows: string[][] })[]} */
  const blocks = [];
  /** @type {string[][] | null} */
  let table = null;
  const closeTable = () => {
    if (table) blocks.push({ kind: 'table', rows: table });
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
    if (/^Punkt \d+:/.test(t)) blocks.push({ kind: 'h2', text: t });
    else if (SECTION_HEADINGS.has(t) || /^Vedtagelse i .* den \d/.test(t)) blocks.push({ kind: 'h3', text: t });
    else if (/^REFERAT /.test(t)) blocks.push({ kind: 'h1', text: t });
    else blocks.push({ kind: 'p', text: line });
  }
  closeTable();
  return blocks;
}

/** The HTML page of a seed text (its lines as paragraphs, headings and tables). */
export function seedAsHtml(text) {
  const body = seedBlocks(text).map((b) =>
    b.kind === 'table'
      ? `<table>\n${b.rows.map((cells) => `  <tr>${cells.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`).join('\n')}\n</table>`
      : `<${b.kind}>${escape(b.text)}</${b.kind}>`,
  );
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

export function seedText(root) {
  return readFileSync(seedPath(root), 'utf8');
}

export function seedHtml(root) {
  return seedAsHtml(seedText(root));
}
