// The bare pass: a FIXED reference for the benchmark, the least work any checker of these
// documents must do. It is not tuned after the fact (changing it would move the yardstick):
//   1. split the text into lines;
//   2. count the lines that start with "Punkt N";
//   3. count the lines equal (trimmed) to a section heading of any built-in profile;
//   4. for tab-separated lines, parse the Danish numbers of each column and add them up;
//      at a line starting "I alt", compare its numbers with the sums (then start again).
// Referat's full validation is measured against it (target: within 10×).
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const profiles = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'server', 'src', 'core', 'profiles');

/** Every section heading written in the profile JSON files. */
export function sectionNames() {
  const names = new Set();
  for (const f of readdirSync(profiles).filter((x) => x.endsWith('.json') && !x.includes('schema'))) {
    const profile = JSON.parse(readFileSync(path.join(profiles, f), 'utf8'));
    for (const section of profile.sections ?? []) for (const h of section.headings ?? []) names.add(h);
  }
  return names;
}

const PUNKT = /^Punkt \d+/;
const DANISH_NUMBER = /^-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$/;

function danishNumber(cell) {
  const s = cell.trim();
  if (!DANISH_NUMBER.test(s)) return null;
  return Number(s.replace(/\./g, '').replace(',', '.'));
}

export function barePass(text, names) {
  const lines = text.split(/\r\n|\r|\n/);
  let items = 0;
  let sections = 0;
  let totals = 0;
  let mismatches = 0;
  let sums = [];
  for (const line of lines) {
    if (PUNKT.test(line)) items++;
    if (names.has(line.trim())) sections++;
    if (!line.includes('\t')) {
      sums = [];
      continue;
    }
    const cells = line.split('\t');
    if (line.startsWith('I alt')) {
      totals++;
      for (let c = 1; c < cells.length; c++) {
        const n = danishNumber(cells[c]);
        if (n !== null && Math.abs((sums[c] ?? 0) - n) > 0.5) mismatches++;
      }
      sums = [];
      continue;
    }
    for (let c = 1; c < cells.length; c++) {
      const n = danishNumber(cells[c]);
      if (n !== null) sums[c] = (sums[c] ?? 0) + n;
    }
  }
  return { lines: lines.length, items, sections, totals, mismatches };
}
