// The Node bundles (dist/server.js, cli.js, readers.js, pdfjs.js) are ASCII only, so that V8 keeps their source
// as one-byte text (half the memory of two-byte): esbuild.js's asciiOnly escapes what esbuild leaves, the
// characters in regular expression literals. These tests build a module with such literals through the plugin
// and check that the output is ASCII and that every literal still matches what it matched before.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const root = path.resolve(__dirname, '..', '..');
const { asciiOnly, entries } = createRequire(__filename)(path.join(root, 'esbuild.js')) as {
  asciiOnly: esbuild.Plugin;
  entries: (esbuild.BuildOptions & { outfile: string })[];
};

const SOURCE = `
export const dash = /^[-–−÷]\\s?\\d/;
export const word = /^(?:møde|år)\\b/iu;
export const superscript = /[¹²³⁴⁵⁶⁷⁸⁹⁰]/g;
export const text = 'Økonomiudvalget – «referat» → ✓';
export const template = \`æ \${1 + 1} ø\`;
`;

describe('Node bundles: ASCII only (esbuild.js asciiOnly)', function () {
  this.timeout(30_000);

  it('every Node bundle goes through asciiOnly', () => {
    for (const outfile of ['dist/server.js', 'dist/cli.js', 'dist/readers.js', 'dist/pdfjs.js']) {
      const entry = entries.find((e) => e.outfile === outfile);
      assert.ok(entry?.plugins?.includes(asciiOnly), `${outfile} is escaped`);
    }
  });

  it('escapes regular expression literals and strings, and they mean what they meant', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'referat-ascii-'));
    try {
      const entry = path.join(dir, 'entry.ts');
      const outfile = path.join(dir, 'out.js');
      writeFileSync(entry, SOURCE);
      await esbuild.build({ entryPoints: [entry], outfile, bundle: true, format: 'cjs', platform: 'node', logLevel: 'silent', plugins: [asciiOnly] });
      const out = readFileSync(outfile, 'utf8');
      assert.ok(/^[\x00-\x7f]*$/.test(out), 'the bundle is ASCII');
      const built = createRequire(__filename)(outfile) as Record<string, RegExp | string>;
      const dash = built.dash as RegExp;
      for (const s of ['– 3', '−4', '÷ 5', '-6']) assert.ok(dash.test(s), s);
      assert.ok(!dash.test('x 3'));
      assert.ok((built.word as RegExp).test('MØDE i dag'));
      assert.deepEqual('x²y⁹'.match(built.superscript as RegExp), ['²', '⁹']);
      assert.equal(built.text, 'Økonomiudvalget – «referat» → ✓');
      assert.equal(built.template, 'æ 2 ø');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
