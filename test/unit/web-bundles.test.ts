// The web extension (package.json "browser": dist/web/extension.js, and dist/web/server.js it starts in a web
// worker) must run where there is no Node: vscode.dev, github.dev, code-server's browser. These tests build
// both bundles with esbuild.js's own options and read esbuild's metafile: no input is a Node module, and
// nothing is left to `require` at run time but `vscode` (which the web worker extension host gives).
import * as assert from 'node:assert/strict';
import { builtinModules, createRequire } from 'node:module';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const root = path.resolve(__dirname, '..', '..');
const { web, webEntries } = createRequire(__filename)(path.join(root, 'esbuild.js')) as {
  web: esbuild.BuildOptions;
  webEntries: (esbuild.BuildOptions & { outfile: string })[];
};
const NODE_MODULES = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

async function build(outfile: string): Promise<{ meta: esbuild.Metafile; text: string }> {
  const entry = webEntries.find((e) => e.outfile === outfile);
  assert.ok(entry, `esbuild.js builds ${outfile}`);
  const result = await esbuild.build({ ...web, ...entry, absWorkingDir: root, write: false, metafile: true, sourcemap: false, minify: false, logLevel: 'silent' });
  const js = result.outputFiles.find((f) => f.path.endsWith('.js'));
  return { meta: result.metafile, text: js!.text };
}

describe('web bundles (dist/web/): no Node module', function () {
  this.timeout(60_000);

  for (const [outfile, allowedExternal] of [['dist/web/server.js', []], ['dist/web/extension.js', ['vscode']]] as const) {
    it(`${outfile} takes in no Node module and requires ${allowedExternal.length > 0 ? `only ${allowedExternal.join(', ')}` : 'no module'}`, async () => {
      const { meta, text } = await build(outfile);
      const inputs = Object.keys(meta.inputs);
      assert.ok(inputs.some((i) => i.includes(outfile.includes('server') ? 'server/src/web/server.ts' : 'client/src/web/extension.ts')), 'the web entry is bundled');
      const imports = Object.values(meta.inputs).flatMap((i) => i.imports);
      // '<runtime>' is esbuild's own helpers (the readers' dynamic imports use them), written into the bundle: no module.
      const external = [...new Set(imports.filter((i) => i.external && i.path !== '<runtime>').map((i) => i.path))];
      assert.deepEqual(external.filter((p) => !(allowedExternal as readonly string[]).includes(p)), [], 'left to require at run time');
      assert.deepEqual(imports.map((i) => i.path).filter((p) => NODE_MODULES.has(p)), [], 'Node modules imported');
      // The code the Node server and CLI use for files, threads and V8 stays out.
      for (const nodeOnly of ['server/src/node/disk.ts', 'server/src/node/read-text.ts', 'server/src/features/node-host.ts', 'server/src/features/analysisPool.ts']) {
        assert.ok(!inputs.includes(nodeOnly), `${nodeOnly} is not in ${outfile}`);
      }
      const requires = [...new Set([...text.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]))];
      // ajv writes `require("ajv/dist/runtime/…")` into the code it generates, as text: not a call of this bundle.
      assert.deepEqual(requires.filter((r) => !(allowedExternal as readonly string[]).includes(r) && !r.startsWith('ajv/dist/runtime/')), [], 'require() calls');
    });
  }

  it('the server bundle gets browser modules in place of path and crypto (esbuild.js alias)', async () => {
    const { meta } = await build('dist/web/server.js');
    const inputs = Object.keys(meta.inputs);
    assert.ok(inputs.some((i) => i.includes('node_modules/path-browserify/')), 'path-browserify');
    assert.ok(inputs.includes('server/src/web/crypto.ts'), 'the sha256 of web/crypto.ts');
    assert.ok(!inputs.some((i) => i.includes('vscode-languageserver/lib/node/')), "vscode-languageserver's Node side is not in it");
  });

  it('the server bundle leaves pdf.js out and refuses a PDF with a message that says where it can be read', async () => {
    const { meta } = await build('dist/web/server.js');
    const inputs = Object.keys(meta.inputs);
    assert.ok(!inputs.some((i) => i.includes('node_modules/pdfjs-dist/')), 'pdf.js is not in the web bundle');
    assert.ok(inputs.includes('server/src/web/no-pdfjs.ts'), 'the refusal takes its place');
    const { UnreadableInputError } = await import('../../server/src/readers/reader');
    await assert.rejects(import('../../server/src/web/no-pdfjs'), (e: unknown) => e instanceof UnreadableInputError && /browseren/.test(e.text.da));
  });

  it('the manifest has the browser entry beside main', () => {
    const manifest = createRequire(__filename)(path.join(root, 'package.json')) as { main: string; browser?: string };
    assert.equal(manifest.main, './dist/extension.js');
    assert.equal(manifest.browser, './dist/web/extension.js');
  });
});
