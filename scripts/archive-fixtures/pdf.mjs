// Seed 000 as PDF files (written by npm run fixtures:archives next to the web page):
//   seed-000-tagged.pdf     the web page printed by headless Chromium, which tags what it prints (a structure
//                           tree of headings, paragraphs, tables, rows and cells)
//   seed-000-untagged.pdf   the same PDF without its structure tree (/StructTreeRoot and /MarkInfo blanked out
//                           of the catalog), so it is read by the positions of its text, as older systems' PDFs
//   seed-000-cut.pdf        the tagged PDF cut in half (an interrupted download): no cross-reference table, no trailer
//   seed-000-encrypted.pdf  the tagged PDF encrypted with a user password by qpdf
// Tools: chromium and qpdf (Debian: apt-get install chromium qpdf). The tests read the committed files.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const CHROMIUM = process.env.CHROMIUM ?? 'chromium';

/** @param {{ out: string }} options */
export async function make({ out }) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'referat-pdf-'));
  try {
    const tagged = path.join(out, 'seed-000-tagged.pdf');
    execFileSync(
      CHROMIUM,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${path.join(tmp, 'profile')}`,
        `--print-to-pdf=${tagged}`,
        '--no-pdf-header-footer',
        pathToFileURL(path.join(out, 'seed-000.html')).href,
      ],
      { stdio: 'ignore', timeout: 120_000 },
    );
    const plain = path.join(tmp, 'plain.pdf');
    // Objects out of object streams, so that the catalog's keys can be blanked in place (same length: the
    // cross-reference offsets stay right).
    execFileSync('qpdf', ['--object-streams=disable', tagged, plain]);
    const untagged = path.join(out, 'seed-000-untagged.pdf');
    writeFileSync(untagged, untag(readFileSync(plain)));
    const cut = path.join(out, 'seed-000-cut.pdf');
    const whole = readFileSync(tagged);
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    const encrypted = path.join(out, 'seed-000-encrypted.pdf');
    execFileSync('qpdf', ['--encrypt', 'referat', 'referat-owner', '256', '--', tagged, encrypted]);
    return [tagged, untagged, cut, encrypted];
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The PDF with `/StructTreeRoot n 0 R` and `/MarkInfo <<…>>` replaced by spaces of the same length. */
export function untag(pdf) {
  const text = pdf.toString('latin1');
  const blanked = text.replace(/\/StructTreeRoot\s+\d+\s+\d+\s+R|\/MarkInfo\s*<<[^>]*>>/g, (m) => ' '.repeat(m.length));
  if (blanked === text) throw new Error('untag: no structure tree found in the printed PDF');
  return Buffer.from(blanked, 'latin1');
}
