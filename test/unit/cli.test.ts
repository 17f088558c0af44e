/**
 * The CLI as a user runs it: the bundled dist/cli.js in a child process (built by
 * `npm test` before the tests), its output shapes and every exit code.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ROOT, SEEDS } from './helpers';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const seed = (name: string) => `test/fixtures/${name}`;

function run(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('referat CLI', () => {
  before(function () {
    if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npm run build` (npm test does it first)');
  });

  it('prints the outline of every seed as JSON in the documented shape', () => {
    const r = run(['outline', 'test/fixtures/0*.txt', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const outlines = JSON.parse(r.stdout);
    assert.deepEqual(outlines.map((o: { items: unknown[] }) => o.items.length), [6, 10, 5, 11, 2]);
    const first = outlines[0];
    assert.deepEqual(Object.keys(first), ['file', 'kind', 'profile', 'meeting', 'items', 'template']);
    assert.deepEqual(first.meeting, { committee: 'Erhvervsudvalget', date: '2021-11-03' });
    const item = first.items[1];
    for (const key of ['number', 'title', 'range', 'caseNumber', 'sections', 'decision']) assert.ok(key in item, key);
    assert.deepEqual(item.decision, { text: 'ERHVERVSUDVALGET indstiller Direktionens forslag tiltrådt.', outcome: 'recommended', labelled: true });
    assert.deepEqual(item.range.start, { line: 29, character: 0 });
    assert.deepEqual(Object.keys(item.sections[0]), ['heading', 'role', 'range']);
    assert.equal(outlines[3].meeting, null); // 003 lost its first page
    assert.equal(outlines[4].kind, 'dagsorden');
    // The evidence of what was inferred from the document itself.
    assert.equal(first.template.decisions, 'labelled');
    assert.equal(first.template.kindFrom, 'header');
    assert.deepEqual(first.template.numbering, { first: 1, last: 6 });
    assert.equal(outlines[3].template.kindFrom, 'decisions');
  });

  it('prints a readable outline tree as text', () => {
    const r = run(['outline', seed(SEEDS.ballerup2021)]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Referat · profile ballerup · Erhvervs- og Beskæftigelsesudvalget 2021-03-09/);
    assert.match(r.stdout, /  Punkt 3: Erhvervs- og Vækstpolitik 2021-2025  — 24\.00\.00-G01-4-20 · Ikke godkendt/);
  });

  it('prints the outline as Markdown, and as CSV the way Danish Excel opens it (BOM, semicolons, CRLF)', () => {
    const md = run(['outline', seed(SEEDS.rudersdal2020), '--format', 'md']);
    assert.match(md.stdout, /\| 4 \| Åben og Rolig - styrket indsats for stressramte \| Anbefalet \|/);
    const csv = run(['outline', seed(SEEDS.rudersdal2020), '--format', 'csv', '--language', 'en']);
    assert.ok(csv.stdout.startsWith('\uFEFF'), 'a byte order mark');
    const rows = csv.stdout.slice(1).split('\r\n');
    assert.equal(rows[0], 'file;kind;committee;date;item;title;case;decision;outcome');
    assert.equal(rows.at(-1), '', 'the last row ends in CRLF');
    assert.equal(rows.length - 1, 6);
    assert.ok(!csv.stdout.slice(1).replace(/\r\n/g, '').includes('\n'), 'no bare LF');
  });

  it('gives a file that is not minutes kind null and no items', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'referat-cli-'));
    writeFileSync(path.join(dir, 'README.md'), '# Hello\n\nNothing to see.\n');
    const r = run(['outline', path.join(dir, 'README.md'), '--format', 'json']);
    assert.equal(r.code, 0);
    const [o] = JSON.parse(r.stdout);
    assert.equal(o.kind, null);
    assert.deepEqual(o.items, []);
    assert.equal(o.meeting, null);
  });

  it('check --format json prints diagnostics with LSP ranges', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'referat-cli-'));
    writeFileSync(path.join(dir, 'note.txt'), 'En huskeseddel.\n');
    const r = run(['check', path.join(dir, 'note.txt'), '--format', 'json']);
    assert.equal(r.code, 0);
    const [report] = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(report), ['file', 'diagnostics']);
    assert.deepEqual(report.diagnostics.map((d: { code: string; severity: string }) => [d.code, d.severity]), [['RF090', 'information']]);
    assert.deepEqual(report.diagnostics[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  });

  it('check text output is file:LINE:COL: severity CODE message, 1-based', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'referat-cli-'));
    writeFileSync(path.join(dir, 'note.txt'), 'En huskeseddel.\n');
    const r = run(['check', 'note.txt', '--language', 'en'], dir);
    assert.match(r.stdout, /^note\.txt:1:1: information RF090 The text was not recognised as minutes/m);
  });

  it('check text output ends with a summary in counted words on stderr', () => {
    const r = run(['check', seed(SEEDS.ballerup2021)]);
    assert.match(r.stderr, /^1 fil kontrolleret: 0 fejl, 2 advarsler, 0 oplysninger$/m);
    const en = run(['check', seed(SEEDS.rudersdal2021), '--language', 'en']);
    assert.match(en.stderr, /^1 file checked: 0 errors, 1 warning, 0 notes$/m);
  });

  it('check --format sarif prints SARIF 2.1.0 with rule metadata and help links', () => {
    const r = run(['check', seed(SEEDS.ballerupPdf), '--format', 'sarif']);
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    const rules = sarif.runs[0].tool.driver.rules;
    assert.ok(rules.length > 0);
    for (const rule of rules) assert.match(rule.helpUri, new RegExp(`docs/rules/${rule.id}\\.md$`));
  });

  it('exits 2 with a message naming a missing file, and still checks the others', () => {
    const r = run(['outline', 'nothere.txt', seed(SEEDS.hoejeTaastrup), '--format', 'json']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /nothere\.txt: filen eller mappen findes ikke/);
    assert.equal(JSON.parse(r.stdout).length, 1);
  });

  it('exits 2 for a glob that matches nothing, a binary file and an unreadable file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'referat-cli-'));
    assert.equal(run(['check', 'nomatch/*.referat'], dir).code, 2);
    writeFileSync(path.join(dir, 'junk.txt'), Buffer.from([0, 1, 2, 3, 255, 0, 7]));
    const bin = run(['check', 'junk.txt'], dir);
    assert.equal(bin.code, 2);
    assert.match(bin.stderr, /junk\.txt: er en binær fil/);
    if (process.getuid?.() !== 0) {
      writeFileSync(path.join(dir, 'secret.txt'), 'x');
      chmodSync(path.join(dir, 'secret.txt'), 0);
      assert.equal(run(['check', 'secret.txt'], dir).code, 2);
    }
  });

  it('reports an unreadable file in every format: JSON { file, error }, SARIF invocations, the summary', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'referat-cli-'));
    writeFileSync(path.join(dir, 'good.txt'), 'En huskeseddel.\n');
    writeFileSync(path.join(dir, 'junk.txt'), Buffer.from([0, 1, 2, 3, 255, 0, 7]));
    const json = run(['check', '.', '--format', 'json'], dir);
    assert.equal(json.code, 2);
    const reports = JSON.parse(json.stdout);
    assert.deepEqual(reports.map((r: { file: string; error?: string }) => [r.file, r.error ?? null]), [['good.txt', null], ['junk.txt', 'er en binær fil, ikke tekst']]);
    assert.deepEqual(reports[1].diagnostics, [], 'a consumer that reads diagnostics still finds an array');
    const sarif = JSON.parse(run(['check', '.', '--format', 'sarif', '--language', 'en'], dir).stdout);
    const [inv] = sarif.runs[0].invocations;
    assert.equal(inv.executionSuccessful, false);
    assert.equal(inv.toolExecutionNotifications.length, 1);
    assert.equal(inv.toolExecutionNotifications[0].level, 'error');
    assert.match(inv.toolExecutionNotifications[0].message.text, /junk\.txt: is a binary file/);
    const text = run(['check', '.'], dir);
    assert.match(text.stderr, /^1 fil kontrolleret: 0 fejl, 0 advarsler, 1 oplysning; 1 fil kunne ikke læses$/m);
    const ok = JSON.parse(run(['check', 'good.txt', '--format', 'sarif'], dir).stdout);
    assert.deepEqual(ok.runs[0].invocations, [{ executionSuccessful: true, toolExecutionNotifications: [] }]);
  });

  it('a missing file is counted as unreadable, not as "0 files checked" alone', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'referat-cli-'));
    const r = run(['check', 'missing.txt'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^0 filer kontrolleret: 0 fejl, 0 advarsler, 0 oplysninger; 1 fil kunne ikke læses$/m);
    const json = JSON.parse(run(['check', 'missing.txt', '--format', 'json'], dir).stdout);
    assert.deepEqual(json, [{ file: 'missing.txt', error: 'filen eller mappen findes ikke', diagnostics: [] }]);
  });

  it('says a .doc or .odt is a format Referat cannot read, not "a binary file"', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'referat-cli-'));
    writeFileSync(path.join(dir, 'referat.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]));
    writeFileSync(path.join(dir, 'referat.odt'), Buffer.from([0x50, 0x4b, 3, 4, 0, 0]));
    const r = run(['check', 'referat.doc', 'referat.odt', '--format', 'json'], dir);
    assert.equal(r.code, 2);
    const [doc, odt] = JSON.parse(r.stdout);
    assert.match(doc.error, /^er en Word 97-2003 \(\.doc\)-fil; det format kan Referat ikke læse endnu/);
    assert.match(odt.error, /^er en OpenDocument \(\.odt\)-fil; det format kan Referat ikke læse endnu/);
    assert.match(run(['check', 'referat.doc', '--language', 'en'], dir).stderr, /referat\.doc: is a Word 97-2003 \(\.doc\) file; Referat cannot read that format yet/);
  });

  it('a CI gate stops a public referat with a closed item in full (RF201) and an empty file (RF091): exit 1', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'referat-cli-'));
    writeFileSync(path.join(dir, 'empty.txt'), '');
    writeFileSync(path.join(dir, 'blank.txt'), '\n  \n');
    const r = run(['check', 'empty.txt', 'blank.txt', '--format', 'json'], dir);
    assert.equal(r.code, 1);
    for (const report of JSON.parse(r.stdout)) {
      assert.deepEqual(report.diagnostics.map((d: { code: string; severity: string; message: string }) => [d.code, d.severity, d.message.split(':')[0]]), [['RF091', 'error', 'Filen er tom']]);
    }
    writeFileSync(path.join(dir, 'closed.txt'), 'REFERAT Økonomiudvalget d. 01-02-2022\n\nPunkt 1: Lukket punkt: Personalesag\n\nSagsfremstilling\n\nMedarbejderen er afskediget.\n\nBeslutning\n\nGodkendt\n');
    const closed = run(['check', 'closed.txt', '--format', 'json'], dir);
    assert.equal(closed.code, 1, closed.stdout);
    assert.ok(JSON.parse(closed.stdout)[0].diagnostics.some((d: { code: string; severity: string }) => d.code === 'RF201' && d.severity === 'error'));
  });

  it('exits 2 on usage errors', () => {
    assert.equal(run([]).code, 2);
    assert.equal(run(['lint', 'x']).code, 2);
    assert.equal(run(['outline', 'x', '--format', 'sarif']).code, 2);
    assert.equal(run(['check']).code, 2);
    assert.equal(run(['check', 'x', '--max-warnings', 'many']).code, 2);
    assert.equal(run(['check', seed(SEEDS.hoejeTaastrup), '--profile', 'nowhere']).code, 2);
    assert.equal(run(['--help']).code, 0);
  });

  it('reads a Windows-1252 file and says which encoding it assumed', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'referat-cli-'));
    const text = 'REFERAT Økonomiudvalget d. 01-02-2022\n\nPunkt 1: Årsregnskab\n\nIndstilling\n\nGodkendes.\n\nBeslutning\n\nGodkendt\n';
    const bytes = Buffer.from(text.replace(/[ØÅ]/g, (c) => String.fromCharCode(c === 'Ø' ? 0xd8 : 0xc5)), 'latin1');
    writeFileSync(path.join(dir, 'old.txt'), bytes);
    const o = run(['outline', 'old.txt', '--format', 'json'], dir);
    assert.equal(JSON.parse(o.stdout)[0].items[0].title, 'Årsregnskab');
    const c = run(['check', 'old.txt', '--format', 'json'], dir);
    const codes = JSON.parse(c.stdout)[0].diagnostics.map((d: { code: string; message: string }) => d.code);
    assert.ok(codes.includes('RF098'));
    assert.match(JSON.parse(c.stdout)[0].diagnostics[0].message, /windows-1252/);
    writeFileSync(path.join(dir, '.referat.json'), '{ "rules": { "RF098": "off" } }');
    const off = run(['check', 'old.txt', '--format', 'json'], dir);
    assert.ok(!JSON.parse(off.stdout)[0].diagnostics.some((d: { code: string }) => d.code === 'RF098'), 'RF098 can be turned off');
  });

  it('reports a broken .referat.json on that file, exits 1, and checks with the defaults', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'referat-cli-'));
    writeFileSync(path.join(dir, '.referat.json'), '{ "language": "en", ');
    writeFileSync(path.join(dir, 'm.txt'), 'Referat\n\nPunkt 1: A\n\nBeslutning\n\nGodkendt\n');
    const r = run(['check', '.', '--format', 'json'], dir);
    assert.equal(r.code, 1);
    const reports = JSON.parse(r.stdout);
    assert.equal(reports[0].file, '.referat.json');
    assert.equal(reports[0].diagnostics[0].code, 'RF099');
    assert.equal(reports[0].diagnostics[0].severity, 'error');
  });

  it('--exit-zero turns found errors into exit 0, but never hides exit 2', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'referat-cli-'));
    writeFileSync(path.join(dir, '.referat.json'), '{ "rules": { "RF090": "error" } }');
    writeFileSync(path.join(dir, 'note.txt'), 'En huskeseddel.\n');
    assert.equal(run(['check', 'note.txt'], dir).code, 1);
    assert.equal(run(['check', 'note.txt', '--exit-zero'], dir).code, 0);
    assert.equal(run(['check', 'note.txt', 'missing.txt', '--exit-zero'], dir).code, 2);
  });

  it('--max-warnings N exits 1 when there are more warnings', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'referat-cli-'));
    writeFileSync(path.join(dir, '.referat.json'), '{ "rules": { "RF090": "warning" } }');
    writeFileSync(path.join(dir, 'note.txt'), 'En huskeseddel.\n');
    assert.equal(run(['check', 'note.txt', '--max-warnings', '1'], dir).code, 0);
    assert.equal(run(['check', 'note.txt', '--max-warnings', '0'], dir).code, 1);
  });
});

describe('referat CLI across documents', () => {
  it('compares minutes with the agenda of the same meeting among the files checked', () => {
    const r = run(['check', 'test/fixtures/rules/crossdoc', '--format', 'json']);
    const reports = JSON.parse(r.stdout) as { file: string; diagnostics: { code: string }[] }[];
    const minutes = reports.find((x) => x.file.endsWith('minutes.txt') && !x.file.endsWith('earlier-minutes.txt'))!;
    assert.deepEqual(minutes.diagnostics.map((d) => d.code).sort(), ['RF220', 'RF220', 'RF220', 'RF221']);
    const agenda = reports.find((x) => x.file.endsWith('agenda.txt'))!;
    assert.deepEqual(agenda.diagnostics.filter((d) => d.code.startsWith('RF22')), []);
  });

  it('does not compare when only the minutes are checked', () => {
    const r = run(['check', 'test/fixtures/rules/crossdoc/minutes.txt', '--format', 'json']);
    assert.deepEqual(JSON.parse(r.stdout)[0].diagnostics.filter((d: { code: string }) => d.code.startsWith('RF22')), []);
  });
});

describe('referat CLI on a pool of worker threads', () => {
  /** A folder of every kind of input: seeds, rule fixtures, agenda and minutes, a binary file, a Windows-1252 file. */
  function archive(): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'referat-pool-'));
    for (const f of readdirSync(path.join(ROOT, 'test', 'fixtures')).filter((x) => /^00\d_.*\.txt$/.test(x))) copyFileSync(path.join(ROOT, 'test', 'fixtures', f), path.join(dir, f));
    for (const sub of ['crossdoc', 'dates', 'structure']) {
      const from = path.join(ROOT, 'test', 'fixtures', 'rules', sub);
      for (const f of readdirSync(from).filter((x) => x.endsWith('.txt'))) copyFileSync(path.join(from, f), path.join(dir, `${sub}-${f}`));
    }
    writeFileSync(path.join(dir, 'junk.txt'), Buffer.from([0, 1, 2, 3, 255, 0, 7]));
    writeFileSync(path.join(dir, 'old.txt'), Buffer.from('REFERAT Økonomiudvalget d. 01-02-2022\n\nPunkt 1: Årsregnskab\n\nBeslutning\n\nGodkendt\n', 'latin1'));
    return dir;
  }

  it('prints the same as one thread, in input order, in every format, with the same exit code', () => {
    const dir = archive();
    for (const format of ['text', 'json', 'sarif', 'github']) {
      const one = run(['check', '.', '--format', format, '--concurrency', 'off'], dir);
      const pool = run(['check', '.', '--format', format, '--concurrency', '2'], dir);
      assert.equal(pool.stdout, one.stdout, format);
      assert.equal(pool.stderr, one.stderr, format);
      assert.equal(pool.code, one.code, format);
      assert.equal(pool.code, 2, 'the binary file wins');
    }
    const json = JSON.parse(run(['check', '.', '--format', 'json', '--concurrency', '2'], dir).stdout) as { file: string }[];
    const files = json.map((r) => r.file);
    assert.deepEqual(files, [...files].sort(), 'input (name) order');
    const outline = (c: string) => run(['outline', '.', '--concurrency', c], dir).stdout;
    assert.equal(outline('2'), outline('off'));
  });

  it('stops quietly with exit 2 when the reader of its output goes away (| head)', async () => {
    // A hundred copies of a seed with warnings and no errors: finished, the run would exit 0.
    const dir = mkdtempSync(path.join(tmpdir(), 'referat-pipe-'));
    for (let k = 0; k < 100; k++) copyFileSync(path.join(ROOT, 'test', 'fixtures', SEEDS.ballerup2021), path.join(dir, `m${String(k).padStart(3, '0')}.txt`));
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [CLI, 'check', '.', '--concurrency', '2'], { cwd: dir });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 2);
    assert.doesNotMatch(stderr, /EPIPE|at /);
  });

  it('checks the files of a worker that stops in the main thread: none is lost', async () => {
    const { checkInOrder } = await import('../../server/src/cli/pool');
    const from = path.join(ROOT, 'test', 'fixtures', 'rules', 'dates');
    const jobs = readdirSync(from).filter((f) => f.endsWith('.txt')).map((f) => ({ command: 'check' as const, file: path.join(from, f), config: {} }));
    const seen: number[] = [];
    const warnings: string[] = [];
    await checkInOrder(jobs, { threads: 3, script: path.join(ROOT, 'no-such-worker.js'), warn: (m) => warnings.push(m) }, (_r, index) => seen.push(index));
    assert.deepEqual(seen, jobs.map((_, k) => k));
    // Three workers start; each that stops before the run is over says so (one given no job may not get to).
    assert.ok(warnings.length >= 1 && warnings.length <= 3, `${warnings.length} warnings`);
    for (const w of warnings) assert.match(w, /a worker stopped .*checked in the main thread/);
  });

  it('hands on results in input order when a large first file finishes last', async () => {
    const { checkInOrder } = await import('../../server/src/cli/pool');
    const dir = mkdtempSync(path.join(tmpdir(), 'referat-pool-'));
    const big = path.join(dir, 'big.txt');
    writeFileSync(big, readFileSync(path.join(ROOT, 'test', 'fixtures', SEEDS.rudersdal2020), 'utf8').repeat(20));
    const small = readdirSync(path.join(ROOT, 'test', 'fixtures', 'rules', 'dates')).filter((f) => f.endsWith('.txt')).map((f) => path.join(ROOT, 'test', 'fixtures', 'rules', 'dates', f));
    const jobs = [big, ...small, path.join(dir, 'missing.txt')].map((file) => ({ command: 'check' as const, file, config: {} }));
    const seen: number[] = [];
    await checkInOrder(jobs, { threads: 3, script: CLI }, (result, index) => {
      assert.equal(result.file, jobs[index].file);
      seen.push(index);
    });
    assert.deepEqual(seen, jobs.map((_, k) => k));
  });
});
