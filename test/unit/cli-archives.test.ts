/**
 * The CLI over archives: `referat extract` prints the text Referat reads, a run over many files shows its
 * progress on a terminal's stderr (and nowhere else), and a finding in a published file names its page.
 * The readers of the published formats have their own tests (readers-*.test.ts).
 */
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main, type Io } from '../../server/src/cli';
import { printedMessage } from '../../server/src/cli/texts';
import { FIXTURES } from './helpers';

const WEEKDAY = path.join(FIXTURES, 'rules', 'dates', 'weekday.txt');

async function run(args: string[], progress?: { isTTY: boolean }) {
  const out: string[] = [];
  const err: string[] = [];
  const written: string[] = [];
  const io: Io = {
    out: (s) => out.push(s),
    err: (s) => err.push(s),
    stdout: {},
    env: {},
    ...(progress ? { progress: { write: (s: string) => written.push(s), isTTY: progress.isTTY } } : {}),
  };
  const code = await main(args, io);
  return { code, out: out.join('\n'), err: err.join('\n'), progress: written };
}

describe('referat extract', () => {
  it('prints the text Referat reads from a text file, as it is', async () => {
    const r = await run(['extract', WEEKDAY]);
    assert.equal(r.code, 0);
    assert.equal(r.out, readFileSync(WEEKDAY, 'utf8').replace(/\n$/, ''));
  });

  it('puts each of several files under a "==> file <==" line, and exits 2 for a missing one', async () => {
    const r = await run(['extract', WEEKDAY, WEEKDAY.replace('weekday', 'nowhere')]);
    assert.equal(r.code, 2);
    assert.match(r.err, /nowhere\.txt: filen eller mappen findes ikke/);
    const one = await run(['extract', WEEKDAY, path.join(FIXTURES, 'rules', 'dates', 'impossible.txt')]);
    assert.match(one.out, /^==> .*weekday\.txt <==\n/);
    assert.match(one.out, /\n==> .*impossible\.txt <==\n/);
  });

  it('takes no option of check', async () => {
    const r = await run(['extract', WEEKDAY, '--fix']);
    assert.equal(r.code, 2);
    assert.match(r.err, /--fix is an option of check, not of extract/);
  });
});

describe('progress over many files', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'referat-progress-'));
  for (let k = 0; k < 25; k++) copyFileSync(WEEKDAY, path.join(dir, `m${String(k).padStart(2, '0')}.txt`));

  it('on a terminal: "N af 25 filer kontrolleret" on stderr, redrawn in place and cleared at the end', async () => {
    const r = await run(['check', dir, '--concurrency', 'off'], { isTTY: true });
    assert.ok(r.progress.some((s) => /\r\x1b\[K\d+ af 25 filer kontrolleret$/.test(s)), JSON.stringify(r.progress.slice(0, 3)));
    assert.equal(r.progress.at(-1), '\r\x1b[K', 'the line is cleared at the end');
    assert.ok(!r.out.includes('filer kontrolleret'), 'nothing on stdout');
  });

  it('piped (stderr not a terminal), or over few files: no progress at all', async () => {
    assert.deepEqual((await run(['check', dir, '--concurrency', 'off'], { isTTY: false })).progress, []);
    assert.deepEqual((await run(['check', WEEKDAY], { isTTY: true })).progress, []);
  });
});

describe('a finding in a published file names its page', () => {
  it('adds "(side N)" in Danish and "(page N)" in English, and nothing without a page', () => {
    assert.equal(printedMessage('Ugedagen passer ikke.', { page: 3 }, 'da'), 'Ugedagen passer ikke. (side 3)');
    assert.equal(printedMessage('The weekday is wrong.', { page: 3 }, 'en'), 'The weekday is wrong. (page 3)');
    assert.equal(printedMessage('Ugedagen passer ikke.', { line: 12 }, 'da'), 'Ugedagen passer ikke.');
    assert.equal(printedMessage('Ugedagen passer ikke.', undefined, 'da'), 'Ugedagen passer ikke.');
  });
});
