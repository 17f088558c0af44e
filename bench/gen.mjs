// Builds a referat of about N lines from the seeds' own items, renumbered, so that a
// benchmark reads real text at any size. Usage: node bench/gen.mjs 10000 > big.txt
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures');
const SOURCES = ['000_1bde0758b15ed079.txt', '001_1bb751e75b116f8a.txt', '002_cee8b5e6ba1df47f.txt'];
const ITEM = /^Punkt (\d+): (.*)$/;

/** The items of a seed as { title, body lines }. */
function itemsOf(text) {
  const lines = text.split(/\r?\n/);
  const items = [];
  let current = null;
  for (const line of lines) {
    const m = ITEM.exec(line);
    if (m) {
      current = { title: m[2], body: [] };
      items.push(current);
    } else if (current) current.body.push(line);
  }
  return items;
}

let cached = null;
function sources() {
  cached ??= {
    header: readFileSync(path.join(fixtures, SOURCES[0]), 'utf8').split(/\r?\n/).slice(0, 10),
    pool: SOURCES.flatMap((f) => itemsOf(readFileSync(path.join(fixtures, f), 'utf8'))),
  };
  return cached;
}

/** About targetLines lines; `first` picks the seed item to start from, so documents of one size differ. */
export function generateReferat(targetLines, first = 0) {
  const { header, pool } = sources();
  const out = [...header, ''];
  for (let n = 1, k = first % pool.length; out.length < targetLines; n++, k = (k + 1) % pool.length) {
    out.push(`Punkt ${n}: ${pool[k].title}`, ...pool[k].body);
  }
  return out.join('\n') + '\n';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(generateReferat(Number(process.argv[2] ?? 10000)));
}
