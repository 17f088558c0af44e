/**
 * `referat check` and "Validate workspace" (referat/validateWorkspace) on the same folder
 * report the same findings: file, code, line, severity. The folder holds an agenda and its
 * minutes (findings between them), a Windows-1252 file (RF098 and what its text has), a
 * text that is not minutes, and a folder that the .referat.json's ignorePatterns leave out.
 * Both go through node/service.ts; this proves the adapters add nothing of their own.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ROOT, TestClient } from './client';
import { encodeText } from '../../server/src/node/write-text';

/** LSP's DiagnosticSeverity by the CLI's name. */
const SEVERITY: Record<string, number> = { error: 1, warning: 2, information: 3, hint: 4 };

type Row = string;
const row = (file: string, code: unknown, line: number, severity: number): Row => `${file}:${line + 1} ${String(code)} ${severity}`;

describe('referat check and Validate workspace agree', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'referat-parity-'));
  before(() => {
    cpSync(path.join(ROOT, 'test', 'fixtures', 'rules', 'crossdoc', 'agenda.txt'), path.join(dir, 'agenda.txt'));
    cpSync(path.join(ROOT, 'test', 'fixtures', 'rules', 'crossdoc', 'minutes.txt'), path.join(dir, 'minutes.txt'));
    // A seed with real defects, saved as an old Windows-1252 file (æ, ø, å and its curly quotes as single bytes).
    const seed = readFileSync(path.join(ROOT, 'test', 'fixtures', '000_1bde0758b15ed079.txt'), 'utf8');
    mkdirSync(path.join(dir, 'old'));
    writeFileSync(path.join(dir, 'old', 'legacy.txt'), encodeText(seed, { encoding: 'windows-1252' }));
    writeFileSync(path.join(dir, 'note.txt'), 'Husk at bestille kaffe til mødet.\n');
    // Ignored by ignorePatterns: minutes with defects, reported by neither.
    mkdirSync(path.join(dir, 'docs'));
    cpSync(path.join(ROOT, 'test', 'fixtures', '001_1bb751e75b116f8a.txt'), path.join(dir, 'docs', 'example.txt'));
    writeFileSync(path.join(dir, '.referat.json'), JSON.stringify({ ignorePatterns: ['docs/**'] }));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reports the same findings on the same folder', async () => {
    const cli = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'check', '--format', 'json', '--concurrency', 'off', '.'], { cwd: dir, encoding: 'utf8' });
    assert.ok(cli.status === 0 || cli.status === 1, cli.stderr);
    const reports = JSON.parse(cli.stdout) as { file: string; diagnostics: { code: string; severity: string; range: { start: { line: number } } }[] }[];
    const fromCli = reports.flatMap((r) => r.diagnostics.map((d) => row(r.file, d.code, d.range.start.line, SEVERITY[d.severity]))).sort();

    const client = new TestClient();
    try {
      await client.initialize(dir);
      const result = await client.request<{ files: number; checked: number }>('referat/validateWorkspace', {});
      assert.equal(result.checked, result.files);
      const files = reports.map((r) => r.file);
      // Publications are sent before the request answers; let the last ones arrive.
      await new Promise((r) => setTimeout(r, 200));
      const fromServer = files
        .flatMap((file) => (client.lastDiagnostics(`file://${path.join(dir, file)}`) ?? []).map((d) => row(file, d.code, d.range.start.line, d.severity ?? 1)))
        .sort();
      assert.deepEqual(fromServer, fromCli);
      // What the folder was built to show is there, and the ignored file is not.
      assert.deepEqual(files.sort(), ['agenda.txt', 'minutes.txt', 'note.txt', path.join('old', 'legacy.txt')].sort());
      for (const code of ['RF098', 'RF220', 'RF090']) assert.ok(fromCli.some((r) => r.includes(` ${code} `)), `${code} in ${fromCli.join('\n')}`);
      assert.equal(client.lastDiagnostics(`file://${path.join(dir, 'docs', 'example.txt')}`), undefined);
    } finally {
      await client.stop();
    }
  });
});
