/**
 * Which Node runs the PDF reader. pdfjs-dist 5's legacy build asks for Node 20.16 or later (it loads Node's
 * modules by process.getBuiltinModule); the CLI declares `engines.node` >= 20.19, and only the CLI reads PDFs:
 * the language server and the client (run by VS Code's own Node: VS Code 1.91, the oldest `engines.vscode`
 * allows, is built on Electron 29, whose Node is older than 20.16) hold no pdf.js, so `engines.vscode` need not
 * follow it. Should pdf.js run in an older Node all the
 * same (a CLI run by hand), it reads text without process.getBuiltinModule (pdf-load.ts, pdf-matrix.ts).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string; vscode: string } };

const version = (v: string): number[] => v.replace(/^[^\d]*/, '').split('.').map(Number);
const atLeast = (have: readonly number[], want: readonly number[]): boolean => {
  for (let k = 0; k < want.length; k++) if ((have[k] ?? 0) !== want[k]) return (have[k] ?? 0) > want[k]!;
  return true;
};

describe('the Node the PDF reader runs in', () => {
  it('the Node running these tests meets package.json engines.node', () => {
    const floor = /^>=\s*(\d+(?:\.\d+){0,2})$/.exec(pkg.engines.node);
    assert.ok(floor, `engines.node is a plain lower bound (${pkg.engines.node})`);
    assert.ok(atLeast(version(process.version), version(floor[1]!)), `Node ${process.version} is older than engines.node ${pkg.engines.node}`);
    assert.ok(atLeast(version(floor[1]!), [20, 16]), 'engines.node is at least what pdfjs-dist 5 needs (20.16, process.getBuiltinModule)');
  });

  it('reads a PDF in a Node without process.getBuiltinModule (before 20.16), with nothing on stdout but its own output', () => {
    const script = `
      delete process.getBuiltinModule;
      const m = await import(${JSON.stringify(path.join(ROOT, 'server', 'src', 'readers', 'pdf.ts'))});
      const { pdfReader } = m.pdfReader ? m : m.default;
      const { readFileSync } = await import('node:fs');
      const bytes = new Uint8Array(readFileSync(${JSON.stringify(path.join(ROOT, 'test', 'fixtures', 'archives', 'seed-000-tagged.pdf'))}));
      const doc = await pdfReader.read(bytes, { maxInputBytes: 1e9, maxPages: 100, maxInflatedBytes: 1e9 });
      process.stdout.write(JSON.stringify({ row: doc.text.split('\\n').includes('Afsluttet til ”ledig og jobsøgende”\\t15\\t751'), builtin: typeof process.getBuiltinModule }));`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), { row: true, builtin: 'undefined' });
  });

  it('the extension\'s bundles (the server VS Code\'s Node runs, and the client) hold no pdf.js', () => {
    for (const bundle of ['server.js', 'extension.js']) {
      const file = path.join(ROOT, 'dist', bundle);
      assert.ok(existsSync(file), `${file} is missing: run npm run build first`);
      assert.doesNotMatch(readFileSync(file, 'utf8'), /WorkerMessageHandler|pdfjs-dist/, bundle);
    }
  });
});
