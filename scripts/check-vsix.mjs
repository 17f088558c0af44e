#!/usr/bin/env node
// Checks the packaged extension (`npm run package` writes referat-<version>.vsix) before anyone installs it:
//   node scripts/check-vsix.mjs [file.vsix]
// - it is smaller than 2.5 MB (the goal is well under 4 MB; raised from 2 MB only as far as the PDF reader, dist/pdfjs.js,
//   and the browser entry, dist/web/, needed: 2.19 MB when they came);
// - it holds every file the manifest inside it points at (main, grammars, language configuration, JSON
//   schemas, icon), every rule page (docs/rules/RF###.md, opened from a diagnostic), the translations of package.json, README, CHANGELOG and LICENSE;
// - it holds nothing else: no node_modules, sources, tests, fixtures, bench, docs, source maps, …;
// - its package.json is complete (display name, description, categories, keywords, icon, repository,
//   engines.vscode, activation only on the languages the extension serves) and its icon is a 128×128 PNG.
// A .vsix is a zip; it is read here with node:zlib alone. Exits 1 when a check fails.
// Prints mocha-style "  N passing" / "  N failing" lines, which .ci/run adds up.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MAX_BYTES = 2.5 * 1024 * 1024;

// ---------------------------------------------------------------- zip

/** The entries of a zip file: [{ name, method, compressedSize, size, offset }]. */
export function zipEntries(buf) {
  const EOCD = 0x06054b50;
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file (no end of central directory record)');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let k = 0; k < count; k++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`broken central directory at byte ${p}`);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    entries.push({
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      offset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The uncompressed bytes of one entry. */
export function zipRead(buf, entry) {
  const p = entry.offset;
  if (buf.readUInt32LE(p) !== 0x04034b50) throw new Error(`broken local header for ${entry.name}`);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const data = buf.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method === 8) return inflateRawSync(data);
  throw new Error(`${entry.name}: unsupported compression method ${entry.method}`);
}

// ---------------------------------------------------------------- rules

/** What may be in the package besides the files the manifest names (paths inside extension/). */
const ALLOWED = [
  /^package\.json$/,
  /^package\.nls(\.[a-z]{2}(-[a-z]{2})?)?\.json$/,
  /^(readme|changelog)\.md$/i,
  /^LICENSE(\.txt|\.md)?$/i,
  /^language-configuration\.json$/,
  /^dist\/web\/(extension|server)\.js$/, // the browser entry and its web worker server
  /^dist\/(extension|server|cli|pdfjs|readers)\.js$/,
  /^dist\/schemas\/[\w.-]+\.json$/,
  /^syntaxes\/[\w.-]+\.json$/,
  /^images\/icon\.png$/,
  /^docs\/walkthrough\/[\w./-]+\.(md|png|svg|jpe?g|gif)$/, // the walkthrough's pages and pictures
  /^docs\/rules\/RF\d{3}\.md$/, // the rule pages a diagnostic opens (no network needed)
  /^docs\/(tables|accuracy)\.md$/, // the pages the rule pages link to
];

/** Things that must never ship, with the reason shown when one does. */
const FORBIDDEN = [
  [/(^|\/)node_modules\//, 'node_modules (the bundles in dist/ hold all the code)'],
  [/\.map$/, 'a source map'],
  [/(?<!\.d)\.ts$|\.tsx$/, 'a TypeScript source'],
  [/^(server|client)\//, 'sources'],
  [/^test\//, 'tests or fixtures'],
  [/^(bench|examples|scripts|out|\.ci|\.github|\.vscode(-test)?)\//, 'a folder that is not part of the extension'],
  [/^docs\/(?!walkthrough\/|rules\/RF\d{3}\.md$|(tables|accuracy)\.md$)/, 'documentation sources (only docs/walkthrough/, the rule pages and the pages they link to ship)'],
  [/(^|\/)\.git\//, 'git data'],
  [/\.vsix$/, 'another package'],
  [/^(tsconfig\.json|esbuild\.js|package-lock\.json|\.mocharc\.json|\.vscodeignore|\.gitignore)$/, 'build or test configuration'],
];

const PREFIX = 'extension/';

// ---------------------------------------------------------------- checks

function main() {
  const pkgInRepo = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const file = path.resolve(process.argv[2] ?? path.join(ROOT, `${pkgInRepo.name}-${pkgInRepo.version}.vsix`));
  const results = [];
  const check = (title, fn) => {
    try {
      const problems = fn() ?? [];
      results.push({ title, problems: Array.isArray(problems) ? problems : [problems] });
    } catch (err) {
      results.push({ title, problems: [err.message] });
    }
  };

  if (!existsSync(file)) {
    console.error(`check-vsix: ERROR: ${file} does not exist: run 'npm run package' first`);
    console.log('  0 passing\n  1 failing');
    process.exit(1);
  }
  const buf = readFileSync(file);
  const entries = zipEntries(buf);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const inExt = entries.filter((e) => e.name.startsWith(PREFIX)).map((e) => e.name.slice(PREFIX.length));
  const has = (p) => byName.has(PREFIX + p.replace(/^\.\//, ''));
  const hasCi = (p) => inExt.some((n) => n.toLowerCase() === p.toLowerCase());
  const readJson = (p) => JSON.parse(zipRead(buf, byName.get(PREFIX + p)).toString('utf8'));

  console.log(`check-vsix: ${path.relative(process.cwd(), file) || file} (${(buf.length / 1024).toFixed(1)} KiB, ${entries.length} entries)`);
  for (const e of entries) console.log(`  ${String(e.size).padStart(9)}  ${e.name}`);
  console.log('');

  check(`is smaller than 2.5 MB`, () =>
    buf.length >= MAX_BYTES ? `${buf.length} bytes (${(buf.length / 1048576).toFixed(2)} MiB) ≥ 2.5 MiB` : []);

  check('has the VS Code package files (extension.vsixmanifest, [Content_Types].xml)', () =>
    ['extension.vsixmanifest', '[Content_Types].xml'].filter((n) => !byName.has(n)).map((n) => `missing ${n}`));

  let manifest;
  check('has a package.json of the same name and version as the repository', () => {
    manifest = readJson('package.json');
    const out = [];
    for (const key of ['name', 'publisher', 'version']) {
      if (manifest[key] !== pkgInRepo[key]) out.push(`${key} is ${JSON.stringify(manifest[key])}, the repository says ${JSON.stringify(pkgInRepo[key])}`);
    }
    return out;
  });
  manifest ??= /** @type {any} */ ({});
  const contributes = manifest.contributes ?? {};

  check('has the files the manifest points at (main, browser, grammars, language configuration, schemas, icon, walkthrough)', () => {
    const wanted = new Set();
    if (manifest.main) wanted.add(manifest.main.endsWith('.js') ? manifest.main : `${manifest.main}.js`);
    // vscode.dev, github.dev and code-server's browser run the `browser` entry; it starts dist/web/server.js.
    if (!manifest.browser) return ['no browser entry (vscode.dev and github.dev would not run Referat)'];
    wanted.add(manifest.browser.replace(/^\.\//, ''));
    wanted.add('dist/web/server.js');
    for (const g of contributes.grammars ?? []) wanted.add(g.path);
    for (const l of contributes.languages ?? []) if (l.configuration) wanted.add(l.configuration);
    for (const j of contributes.jsonValidation ?? []) if (!/^https?:/.test(j.url)) wanted.add(j.url);
    if (manifest.icon) wanted.add(manifest.icon);
    for (const w of contributes.walkthroughs ?? []) {
      for (const step of w.steps ?? []) {
        const media = step.media ?? {};
        for (const key of ['markdown', 'svg']) if (typeof media[key] === 'string') wanted.add(media[key]);
        const image = media.image;
        if (typeof image === 'string') wanted.add(image);
        else if (image && typeof image === 'object') for (const v of Object.values(image)) wanted.add(v);
      }
    }
    // The client starts the language server from dist/server.js (client/src/extension.ts).
    wanted.add('dist/server.js');
    // The CLI requires pdf.js from beside it on the first PDF (esbuild.js).
    wanted.add('dist/pdfjs.js');
    // The server and the CLI require the published formats' readers from beside them on the first such file (esbuild.js).
    wanted.add('dist/readers.js');
    // A diagnostic's code opens its rule page from the package (server/src/features/diagnostics.ts).
    for (const page of readdirSync(path.join(ROOT, 'docs', 'rules')).filter((f) => /^RF\d{3}\.md$/.test(f))) {
      wanted.add(`docs/rules/${page}`);
      // A page it links to (../tables.md) must be there too, or the link is dead offline.
      const text = readFileSync(path.join(ROOT, 'docs', 'rules', page), 'utf8');
      for (const m of text.matchAll(/\]\((\.\.\/[\w-]+\.md)(#[\w-]*)?\)/g)) wanted.add(path.posix.join('docs/rules', m[1]));
    }
    return [...wanted].map((p) => p.replace(/^\.\//, '')).filter((p) => !has(p)).map((p) => `missing ${p}`);
  });

  check('has every package.nls*.json translation of the manifest', () =>
    readdirSync(ROOT)
      .filter((f) => /^package\.nls(\..+)?\.json$/.test(f))
      .filter((f) => !has(f))
      .map((f) => `missing ${f}`));

  check('has the schemas in dist/schemas/, the README, CHANGELOG and LICENSE', () => {
    const out = [];
    for (const f of readdirSync(path.join(ROOT, 'dist', 'schemas')).filter((f) => f.endsWith('.json'))) {
      if (!has(`dist/schemas/${f}`)) out.push(`missing dist/schemas/${f}`);
    }
    if (!hasCi('readme.md')) out.push('missing README.md');
    if (!hasCi('changelog.md')) out.push('missing CHANGELOG.md');
    if (!hasCi('LICENSE') && !hasCi('LICENSE.txt') && !hasCi('LICENSE.md')) out.push('missing LICENSE');
    return out;
  });

  check('holds no node_modules, sources, tests, fixtures, bench, docs or source maps', () => {
    const out = [];
    for (const n of entries.map((e) => e.name)) {
      const rel = n.startsWith(PREFIX) ? n.slice(PREFIX.length) : n;
      const bad = FORBIDDEN.find(([re]) => /** @type {RegExp} */ (re).test(rel));
      if (bad) out.push(`${n}: ${bad[1]}`);
    }
    return out;
  });

  check('holds nothing unexpected (every file matches the allowlist in check-vsix.mjs)', () =>
    inExt.filter((n) => !ALLOWED.some((re) => re.test(n))).map((n) => `unexpected ${PREFIX}${n}`));

  check('has a complete manifest (display name, description, categories, keywords, icon, repository, engines)', () => {
    const out = [];
    for (const key of ['displayName', 'description', 'publisher', 'license', 'icon']) {
      if (typeof manifest[key] !== 'string' || !manifest[key].trim()) out.push(`no ${key}`);
    }
    if (!Array.isArray(manifest.categories) || manifest.categories.length === 0) out.push('no categories');
    if (!Array.isArray(manifest.keywords) || manifest.keywords.length === 0) out.push('no keywords');
    else if (manifest.keywords.length > 30) out.push(`${manifest.keywords.length} keywords (the Marketplace takes 30)`);
    const repo = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
    if (!repo) out.push('no repository');
    if (!/^\^?\d+\.\d+\.\d+$/.test(manifest.engines?.vscode ?? '')) out.push(`engines.vscode is ${JSON.stringify(manifest.engines?.vscode)}`);
    return out;
  });

  // Besides those: its own scheme (a published file's read-only view, restored after a reload) and a folder holding
  // published PDF or Word files, which has no text file to activate on (opening a PDF fires no event), so the offer to
  // open such a file as text needs Referat running there. Web pages are left out: web projects hold them.
  const PUBLISHED_ACTIVATION = new Set(['onFileSystem:referat-source', 'workspaceContains:**/*.pdf', 'workspaceContains:**/*.docx']);
  check('activates only on the languages it serves (referat, plaintext, markdown), its own commands, views and views of published files, and folders of published PDF or Word files', () => {
    const served = new Set(['referat', 'plaintext', 'markdown']);
    const events = manifest.activationEvents ?? [];
    const ownViews = new Set(Object.values(contributes.views ?? {}).flat().map((v) => v.id));
    const ok = (e) =>
      (e.startsWith('onLanguage:') && served.has(e.slice('onLanguage:'.length))) ||
      e.startsWith('onCommand:referat.') ||
      (e.startsWith('onView:') && ownViews.has(e.slice('onView:'.length))) ||
      PUBLISHED_ACTIVATION.has(e);
    const out = events.filter((e) => !ok(e)).map((e) => `activation event ${e}`);
    if (events.includes('*')) out.push('activates on startup ("*")');
    return out;
  });

  check(`has a 128×128 PNG icon`, () => {
    const entry = byName.get(PREFIX + String(manifest.icon ?? '').replace(/^\.\//, ''));
    if (!entry) return 'no icon in the package';
    const png = zipRead(buf, entry);
    if (png.readUInt32BE(0) !== 0x89504e47 || png.toString('ascii', 12, 16) !== 'IHDR') return `${manifest.icon} is not a PNG`;
    const w = png.readUInt32BE(16);
    const h = png.readUInt32BE(20);
    return w === 128 && h === 128 ? [] : `${manifest.icon} is ${w}×${h}`;
  });

  // Not a failure (the package may be checked on purpose while the sources move on), but worth a word.
  for (const src of ['server/src', 'client/src']) {
    if (newestMtime(path.join(ROOT, src)) > statSync(file).mtimeMs) {
      console.log(`check-vsix: WARNING: ${src} changed after ${path.basename(file)} was packaged; 'npm run package' rebuilds it`);
    }
  }

  let failed = 0;
  for (const r of results) {
    if (r.problems.length === 0) console.log(`  ✔ ${r.title}`);
    else {
      failed++;
      console.log(`  ✘ ${r.title}`);
      for (const p of r.problems) console.log(`      ${p}`);
    }
  }
  const passed = results.length - failed;
  console.log('');
  console.log(`check-vsix: ${passed} passed, ${failed} failed`);
  console.log(`  ${passed} passing`);
  if (failed) console.log(`  ${failed} failing`);
  process.exit(failed ? 1 : 0);
}

function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const d of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!d.isFile()) continue;
    newest = Math.max(newest, statSync(path.join(d.parentPath ?? d.path, d.name)).mtimeMs);
  }
  return newest;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
