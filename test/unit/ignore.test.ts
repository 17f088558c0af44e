/**
 * Ignoring a finding writes into .referat.json, never into the minutes: `ignore` entries
 * (file, code, fingerprint) filter the CLI's output; the entry the quick fix writes keeps
 * the file's comments, and holds no digit of a CPR number.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { applyEdits as applyJsonEdits, parse } from 'jsonc-parser';
import { analyze } from '../../server/src/core/analyze';
import { withFingerprints } from '../../server/src/node/fingerprint';
import { addIgnoreEntry, applyIgnores, ignoreEntryFor } from '../../server/src/core/ignore';
import { ROOT } from './helpers';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
const CPR = 'REFERAT Økonomiudvalget d. 01-02-2022\n\nPunkt 1: Klage\n\nSagsfremstilling\n\nBorgeren 010203-1234 og 0203041234 har klaget.\n\nBeslutning\n\nGodkendt\n';

describe('ignore entries in .referat.json', () => {
  const findings = () => {
    const a = analyze(CPR);
    return withFingerprints(a.findings, { ...a.model, lines: a.lines });
  };

  it('an entry with a fingerprint ignores that finding only; without, every finding of the code', () => {
    const fs = findings().filter((f) => f.code === 'RF200');
    assert.equal(fs.length, 2);
    const entry = ignoreEntryFor(fs[0], 'møder/a.txt');
    assert.deepEqual(Object.keys(entry), ['file', 'code', 'fingerprint']);
    assert.doesNotMatch(JSON.stringify(entry), /010203|1234|0203041234/, 'no digit of the number in the entry');
    assert.deepEqual(applyIgnores(fs, 'møder/a.txt', [entry]), [fs[1]]);
    assert.deepEqual(applyIgnores(fs, 'møder\\a.txt', [entry]), [fs[1]], 'Windows separators');
    assert.deepEqual(applyIgnores(fs, 'b.txt', [entry]), fs, 'another file');
    assert.deepEqual(applyIgnores(fs, 'møder/a.txt', [{ file: 'møder/a.txt', code: 'RF200' }]), []);
  });

  it('adds an entry to an existing file, keeping its comments, or writes a new file', () => {
    const entry = { file: 'a.txt', code: 'RF201', fingerprint: 'abc' };
    const text = '{\n  // sprog\n  "language": "da"\n}\n';
    const change = addIgnoreEntry(text, entry);
    assert.ok('edits' in change);
    const out = applyJsonEdits(text, change.edits);
    assert.match(out, /\/\/ sprog/);
    assert.deepEqual(parse(out), { language: 'da', ignore: [entry] });
    const twice = applyJsonEdits(out, (addIgnoreEntry(out, { ...entry, fingerprint: 'def' }) as { edits: never }).edits);
    assert.equal(parse(twice).ignore.length, 2);
    assert.deepEqual(addIgnoreEntry(null, entry), { text: JSON.stringify({ ignore: [entry] }, null, 2) + '\n' });
  });

  it('referat check leaves out the ignored finding and keeps the others', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'referat-ignore-'));
    mkdirSync(path.join(dir, 'møder'));
    writeFileSync(path.join(dir, 'møder', 'a.txt'), CPR);
    const [report] = JSON.parse(run(['check', '.', '--format', 'json'], dir).stdout);
    const rf200 = report.diagnostics.filter((d: { code: string }) => d.code === 'RF200');
    assert.equal(rf200.length, 2);
    writeFileSync(path.join(dir, '.referat.json'), JSON.stringify({ ignore: [{ file: 'møder/a.txt', code: 'RF200', fingerprint: rf200[0].fingerprint }] }));
    const [after] = JSON.parse(run(['check', '.', '--format', 'json'], dir).stdout);
    assert.deepEqual(after.diagnostics.filter((d: { code: string }) => d.code === 'RF200').map((d: { fingerprint: string }) => d.fingerprint), [rf200[1].fingerprint]);
  });
});
