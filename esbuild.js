// Bundles the extension client, the language server and the CLI into dist/, and the web extension
// (client and server for a browser's web worker: vscode.dev, github.dev, code-server) into dist/web/.
// `node esbuild.js` builds once; `node esbuild.js --watch` rebuilds on change.
const esbuild = require('esbuild');
const { version } = require('./package.json');

const IMPORT_META_URL = "const import_meta_url = require('url').pathToFileURL(__filename).href;";
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  minify: production,
  logLevel: 'warning',
  // jsonc-parser's UMD build hides its requires from the bundler; its ESM build does not.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
  // ESM dependencies (fdir, under tinyglobby) ask import.meta.url for createRequire;
  // in a CommonJS bundle that is this file's URL.
  define: { REFERAT_VERSION: JSON.stringify(version), 'import.meta.url': 'import_meta_url' },
  banner: { js: IMPORT_META_URL },
};

/**
 * pdf.js (server/src/readers/pdfjs-bundle.ts) as a file of its own beside the CLI, dist/pdfjs.js, required on
 * the first PDF: the CLI's bundle keeps `require('./pdfjs.js')` in its place, so a run without a PDF never
 * parses it (about 10 MB of memory).
 */
const pdfjsApart = {
  name: 'pdfjs-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/pdfjs-bundle$/ }, () => ({ path: './pdfjs.js', external: true }));
  },
};

/**
 * The published formats' readers (server/src/readers/published.ts: HTML, DOCX, PDF, with parse5 and mammoth) as
 * dist/readers.js beside the CLI and the server, required on the first such file: their source is no longer read
 * and held by every server that opens only text (its bundle 2.5 → 1.3 MB; the idle server some 3 MB smaller).
 */
const readersApart = {
  name: 'readers-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/published$/ }, (a) => (/readers[\\/]index\.ts$/.test(a.importer) ? { path: './readers.js', external: true } : undefined));
  },
};

/**
 * Every character outside ASCII written as a \\u escape in a Node bundle. esbuild escapes them in strings but
 * leaves them in regular expression literals (some 120 dashes, minus signs and superscripts in core/parse), and
 * one such character makes V8 hold the whole script source as two-byte text: the server's 1.3 MB bundle took
 * 2.5 MB of heap, now 1.3 MB. A \\u escape means the same character in a string, a template, an identifier and
 * a regular expression (with or without the u flag; a pair of surrogate escapes is one code point under u).
 * Columns of the source map after such a character on its line are off by five a character (regex lines only).
 */
const asciiOnly = {
  name: 'ascii-only',
  setup(b) {
    b.onEnd((result) => {
      if (result.errors.length > 0 || !b.initialOptions.outfile) return;
      const fs = require('node:fs');
      const text = fs.readFileSync(b.initialOptions.outfile, 'utf8');
      const ascii = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      if (ascii !== text) fs.writeFileSync(b.initialOptions.outfile, ascii);
    });
  },
};

const entries = [
  { entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: `#!/usr/bin/env node\n${IMPORT_META_URL}` }, plugins: [pdfjsApart, readersApart, asciiOnly] },
  { entryPoints: ['server/src/readers/pdfjs-bundle.ts'], outfile: 'dist/pdfjs.js', plugins: [asciiOnly] },
  { entryPoints: ['server/src/readers/published.ts'], outfile: 'dist/readers.js', plugins: [pdfjsApart, asciiOnly] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', optional: true, plugins: [pdfjsApart, readersApart, asciiOnly] },
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], optional: true },
];

/** The web worker's bundle reads no PDF (server/src/web/no-pdfjs.ts says why): pdf.js is left out of it. */
const noPdfjsInWeb = {
  name: 'no-pdfjs-in-web',
  setup(b) {
    b.onResolve({ filter: /^\.\/pdfjs-bundle$/ }, () => ({ path: require('node:path').join(__dirname, 'server', 'src', 'web', 'no-pdfjs.ts') }));
  },
};

/**
 * The web extension: no Node at all. The only Node modules the shared code names are replaced here by
 * browser modules that do the same: `path` by path-browserify (Node's POSIX path functions; the web
 * worker's paths are POSIX, server/src/web/paths.ts) and `crypto` by server/src/web/crypto.ts (sha256
 * for the findings' fingerprints). Any other Node module fails the build (platform browser), and
 * test/unit/web-bundles.test.ts checks the bundles' inputs and requires.
 * @type {import('esbuild').BuildOptions}
 */
const web = {
  bundle: true,
  plugins: [noPdfjsInWeb],
  platform: 'browser',
  target: 'es2022',
  sourcemap: true,
  minify: production,
  logLevel: 'warning',
  alias: {
    'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js',
    'node:path': 'path-browserify',
    path: 'path-browserify',
    'node:crypto': './server/src/web/crypto.ts',
  },
  define: { REFERAT_VERSION: JSON.stringify(version) },
};

/** @type {(import('esbuild').BuildOptions & { outfile: string })[]} */
const webEntries = [
  // An IIFE: the client starts it as a worker from a blob: URL (client/src/web/extension.ts).
  { entryPoints: ['server/src/web/server.ts'], outfile: 'dist/web/server.js', format: 'iife' },
  // CommonJS with vscode external: the web worker extension host loads it as it loads `main`.
  { entryPoints: ['client/src/web/extension.ts'], outfile: 'dist/web/extension.js', format: 'cjs', external: ['vscode'] },
];

async function main() {
  const fs = require('node:fs');
  const builds = [
    ...entries.filter((e) => !e.optional || fs.existsSync(e.entryPoints[0])).map(({ optional, ...e }) => ({ ...common, ...e })),
    ...webEntries.map((e) => ({ ...web, ...e })),
  ];
  if (watch) {
    for (const b of builds) await (await esbuild.context(b)).watch();
    console.log('esbuild: watching');
    return;
  }
  await Promise.all(builds.map((b) => esbuild.build(b)));
  fs.chmodSync('dist/cli.js', 0o755);
  // The schemas ship with the extension: jsonValidation points at dist/schemas/.
  fs.mkdirSync('dist/schemas', { recursive: true });
  fs.copyFileSync('server/src/core/config.schema.json', 'dist/schemas/referat.schema.json');
  fs.copyFileSync('server/src/core/profiles/profile.schema.json', 'dist/schemas/profile.schema.json');
}

module.exports = { common, entries, web, webEntries, asciiOnly };

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
