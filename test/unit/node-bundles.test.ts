/**
 * What the Node bundles hold (esbuild.js): the language server's dist/server.js leaves the published formats'
 * readers (dist/readers.js, required on the first web page, Word file or PDF) and the CLI's encoder back to
 * Windows-1252 (iconv-lite, node/write-text.ts) out, so a server that opens only text never reads their source.
 * The readers' bundle has its own copy of UnreadableInputError: its errors must still be recognised as one.
 */
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { DEFAULT_LIMITS, UnreadableInputError, type InputReader } from '../../server/src/readers/index';
import { UnreadableFileError } from '../../server/src/node/decode';

const ROOT = path.join(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');
const { common, entries } = createRequire(__filename)(path.join(ROOT, 'esbuild.js')) as {
  common: esbuild.BuildOptions;
  entries: (esbuild.BuildOptions & { outfile: string })[];
};

/** One of esbuild.js's Node bundles, built with its own options: its inputs and the modules it leaves to load at run time. */
async function build(outfile: string): Promise<{ inputs: string[]; external: string[] }> {
  const { optional: _optional, ...entry } = entries.find((e) => e.outfile === outfile) as esbuild.BuildOptions & { outfile: string; optional?: boolean };
  const result = await esbuild.build({ ...common, ...entry, absWorkingDir: ROOT, write: false, metafile: true, sourcemap: false, logLevel: 'silent' });
  const imports = Object.values(result.metafile.inputs).flatMap((i) => i.imports);
  return { inputs: Object.keys(result.metafile.inputs), external: [...new Set(imports.filter((i) => i.external).map((i) => i.path))] };
}

describe('the Node bundles (esbuild.js)', function () {
  this.timeout(60_000);

  it('dist/server.js loads the published readers from dist/readers.js and holds neither them nor iconv-lite', async () => {
    const server = await build('dist/server.js');
    assert.ok(server.external.includes('./readers.js'), 'the readers are loaded from beside the bundle');
    for (const left of ['node_modules/parse5/', 'node_modules/mammoth/', 'node_modules/iconv-lite/', 'server/src/readers/html.ts', 'server/src/readers/docx.ts', 'server/src/readers/pdf.ts']) {
      assert.ok(!server.inputs.some((i) => i.includes(left)), `${left} is not in dist/server.js`);
    }
    assert.ok(server.inputs.includes('server/src/readers/text.ts'), 'the text reader stays in');
    const readers = await build('dist/readers.js');
    for (const kept of ['node_modules/parse5/', 'node_modules/mammoth/', 'server/src/readers/html.ts', 'server/src/readers/docx.ts', 'server/src/readers/pdf.ts']) {
      assert.ok(readers.inputs.some((i) => i.includes(kept)), `${kept} is in dist/readers.js`);
    }
    assert.ok(readers.external.includes('./pdfjs.js'), 'pdf.js stays a file of its own');
  });

  it('dist/cli.js loads the readers the same way and keeps iconv-lite for --fix', async () => {
    const cli = await build('dist/cli.js');
    assert.ok(cli.external.includes('./readers.js'));
    assert.ok(!cli.inputs.some((i) => i.includes('node_modules/parse5/')), 'parse5 is not in dist/cli.js');
    assert.ok(cli.inputs.some((i) => i.includes('node_modules/iconv-lite/')), 'iconv-lite is in dist/cli.js');
  });

  it("an error thrown by dist/readers.js's own copy of the class is an UnreadableInputError here too", async () => {
    const file = path.join(DIST, 'readers.js');
    assert.ok(existsSync(file), `${file} is missing: run npm run build first (this test loads the bundle)`);
    const { htmlReader } = createRequire(__filename)(file) as { htmlReader: InputReader };
    const error: unknown = await htmlReader.read(new Uint8Array(10), { ...DEFAULT_LIMITS, maxInputBytes: 1 }).then(
      () => assert.fail('bytes past the limit are refused'),
      (e: unknown) => e,
    );
    assert.notEqual((error as object).constructor, UnreadableInputError, 'the bundle has a class of its own');
    assert.ok(error instanceof UnreadableInputError);
    assert.match(error.text.da, /\S/);
    // A subclass is asked as usual: the readers' error is not a file error.
    assert.ok(!(error instanceof UnreadableFileError));
    assert.ok(new UnreadableFileError({ da: 'x', en: 'x' }) instanceof UnreadableInputError);
    assert.ok(!(new Error('x') instanceof UnreadableInputError));
  });
});
