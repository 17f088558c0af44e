/**
 * The CLI over archives: `referat extract` prints the text Referat reads, a run over many files shows its
 * progress on a terminal's stderr (and nowhere else), and a finding in a published file names its page.
 * The readers of the published formats have their own tests (readers-*.test.ts).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
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

describe('referat check on published files (HTML and DOCX)', () => {
  const ARCHIVES = path.join(FIXTURES, 'archives');
  const json = async (...files: string[]) => {
    const r = await run(['check', '--format', 'json', '--concurrency', 'off', ...files.map((f) => path.join(ARCHIVES, f))]);
    return { code: r.code, err: r.err, files: JSON.parse(r.out) as { file: string; error?: string; diagnostics: { code: string; range: { start: { line: number } }; source?: Record<string, number> }[] }[] };
  };

  it('seed 000 as a web page and as a Word file: exactly the seed\'s finding (RF103 on the 751), placed in the original', async () => {
    const { code, files } = await json('seed-000.html', 'seed-000.docx');
    assert.equal(code, 0);
    for (const f of files) {
      assert.deepEqual(f.diagnostics.map((d) => d.code), ['RF103'], f.file);
      assert.ok(f.diagnostics[0].source, `${f.file}: a source place`);
    }
    assert.equal(typeof files[0].diagnostics[0].source!.line, 'number', 'HTML: its line');
    assert.equal(typeof files[1].diagnostics[0].source!.paragraph, 'number', 'DOCX: its paragraph');
  });

  it('hostile files are answered, each clearly, and the other files of the run are still checked', async () => {
    const started = Date.now();
    const { code, files } = await json('zip-bomb.docx', 'not-a-zip.docx', 'seed-000-truncated.docx', 'seed-000.html');
    assert.ok(Date.now() - started < 30_000, 'within seconds');
    assert.equal(code, 2, 'unreadable input exits 2');
    const byName = (n: string) => files.find((f) => f.file.endsWith(n))!;
    assert.match(byName('zip-bomb.docx').error ?? '', /zip-bombe/);
    assert.match(byName('not-a-zip.docx').error ?? '', /ikke et Word-dokument/);
    assert.deepEqual(byName('seed-000-truncated.docx').diagnostics.map((d) => d.code), ['RF097', 'RF103'], 'read as far as it is whole, and says so');
    assert.deepEqual(byName('seed-000.html').diagnostics.map((d) => d.code), ['RF103']);
  });

  it('--fix never writes a published file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'referat-fix-published-'));
    const copy = path.join(dir, 'seed-000.html');
    copyFileSync(path.join(ARCHIVES, 'seed-000.html'), copy);
    const before = readFileSync(copy);
    const r = await run(['check', copy, '--fix', '--concurrency', 'off']);
    assert.match(r.err, /ikke rettet: er ikke en tekstfil/);
    assert.deepEqual(readFileSync(copy), before);
  });

  it('referat extract prints the text read from a web page, without its navigation or footer', async () => {
    const r = await run(['extract', path.join(ARCHIVES, 'seed-000.html')]);
    assert.equal(r.code, 0);
    assert.match(r.out, /^REFERAT Erhvervsudvalget d\. 03-11-2021$/m);
    assert.doesNotMatch(r.out, /Forside|Cookie-indstillinger|dataLayer/);
  });
});

describe('referat check on published PDF files', () => {
  const ARCHIVES = path.join(FIXTURES, 'archives');
  const json = async (...files: string[]) => {
    const r = await run(['check', '--format', 'json', '--concurrency', 'off', ...files.map((f) => path.join(ARCHIVES, f))]);
    return { code: r.code, files: JSON.parse(r.out) as { file: string; error?: string; diagnostics: { code: string; message: string; source?: Record<string, number> }[] }[] };
  };

  it('seed 000 as a tagged and as an untagged PDF: exactly the seed\'s finding (RF103 on the 751), with its page and place', async () => {
    const { code, files } = await json('seed-000-tagged.pdf', 'seed-000-untagged.pdf');
    assert.equal(code, 0);
    for (const f of files) {
      assert.deepEqual(f.diagnostics.map((d) => d.code), ['RF103'], f.file);
      const source = f.diagnostics[0]!.source!;
      assert.ok(Number.isInteger(source.page) && source.page! >= 1, `${f.file}: its page`);
      assert.equal(typeof source.x, 'number');
      assert.equal(typeof source.y, 'number');
    }
    const text = await run(['check', path.join(ARCHIVES, 'seed-000-tagged.pdf'), '--concurrency', 'off']);
    assert.match(text.out, /seed-000-tagged\.pdf:\d+:\d+: warning RF103 .*\(side \d+\)/);
  });

  it('a PDF cut in half and an encrypted PDF are answered within seconds, and the other files are still checked', async () => {
    const started = Date.now();
    const { code, files } = await json('seed-000-cut.pdf', 'seed-000-encrypted.pdf', 'seed-000-untagged.pdf');
    assert.ok(Date.now() - started < 30_000, 'within seconds');
    assert.equal(code, 2, 'unreadable input exits 2');
    const byName = (n: string) => files.find((f) => f.file.endsWith(n))!;
    assert.match(byName('seed-000-cut.pdf').error ?? '', /afkortet PDF/);
    assert.match(byName('seed-000-encrypted.pdf').error ?? '', /krypteret PDF/);
    assert.deepEqual(byName('seed-000-untagged.pdf').diagnostics.map((d) => d.code), ['RF103']);
  });

  it('the bundled CLI reads a PDF with no worker file beside it and nothing but JSON on stdout (pdf.js\'s warnings kept off it)', function () {
    const cli = path.join(__dirname, '..', '..', 'dist', 'cli.js');
    assert.ok(existsSync(cli), `${cli} is missing: run npm run build first (this test checks the bundle)`);
    // A copy of the bundles alone in a folder (the CLI, and the readers and pdf.js it loads on the first PDF): the packaged
    // extension's layout, no node_modules to fall back on.
    const dir = mkdtempSync(path.join(tmpdir(), 'referat-bundle-'));
    copyFileSync(cli, path.join(dir, 'cli.js'));
    copyFileSync(path.join(path.dirname(cli), 'pdfjs.js'), path.join(dir, 'pdfjs.js'));
    copyFileSync(path.join(path.dirname(cli), 'readers.js'), path.join(dir, 'readers.js'));
    const r = spawnSync(process.execPath, [path.join(dir, 'cli.js'), 'check', '--format', 'json', path.join(ARCHIVES, 'seed-000-tagged.pdf'), path.join(ARCHIVES, 'seed-000-untagged.pdf')], { encoding: 'utf8', cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    const files = JSON.parse(r.stdout) as { diagnostics: { code: string }[] }[];
    assert.deepEqual(files.map((f) => f.diagnostics.map((d) => d.code)), [['RF103'], ['RF103']]);
    assert.doesNotMatch(r.stderr, /Warning:/);
  });
});
