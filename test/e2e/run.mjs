#!/usr/bin/env node
// Runs the e2e mocha suite (test/e2e/suite/*.test.ts) inside a real VS Code workbench:
//   node test/e2e/run.mjs
// The standard harness (@vscode/test-electron runTests) launches test/e2e/code-shim.mjs in place of the
// `code` binary; the shim runs code-server + headless chromium (installed by scripts/setup-e2e.mjs).
//
// Environment:
//   REFERAT_E2E_EXTENSION_PATH  extension folder to test (default: the repo root; its package.json `main`
//                               must exist, so run `npm run build` first)
//   REFERAT_E2E_GREP            only run tests whose title matches
//   REFERAT_E2E_TIMEOUT_MS      overall limit for one launch (default 600000), see code-shim.mjs
//   REFERAT_E2E_VERBOSE=1       also print code-server's own log

import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { E2E_DIR, REPO_ROOT, missingTools } from './tools.mjs';

const t0 = Date.now();
const log = (msg) => console.log(`e2e: ${msg}`);
const die = (msg) => {
  console.error(`e2e: ERROR: ${msg}`);
  process.exit(1);
};

const RUN_DIR = path.join(E2E_DIR, '.run');
const SUITE_SRC = path.join(E2E_DIR, 'suite');
const SUITE_OUT = path.join(RUN_DIR, 'suite');
const RESULT_FILE = path.join(RUN_DIR, 'result.json');
const WORKSPACE = path.join(E2E_DIR, 'workspace');
const SHIM = path.join(E2E_DIR, 'code-shim.mjs');

// 1. Tools.
const missing = missingTools();
if (missing.length) {
  die(`e2e tools are missing or out of date: ${missing.join(', ')}\n  Install them with: node scripts/setup-e2e.mjs`);
}

// 2. The extension under test.
const extensionPath = path.resolve(process.env.REFERAT_E2E_EXTENSION_PATH || REPO_ROOT);
let manifest;
try {
  manifest = JSON.parse(readFileSync(path.join(extensionPath, 'package.json'), 'utf8'));
} catch (err) {
  die(`cannot read the extension's package.json in ${extensionPath}: ${err.message}`);
}
if (manifest.main) {
  const main = path.resolve(extensionPath, manifest.main);
  if (!existsSync(main) && !existsSync(main + '.js')) {
    die(`the extension's main ${manifest.main} does not exist in ${extensionPath}: run 'npm run build' first` +
      ' (or point REFERAT_E2E_EXTENSION_PATH at another extension folder)');
  }
}
log(`extension ${manifest.publisher}.${manifest.name} from ${extensionPath}`);

// 3. Bundle the suite (index.ts + *.test.ts) into .run/suite/.
const requireFromRepo = createRequire(path.join(REPO_ROOT, 'package.json'));
const esbuild = requireFromRepo('esbuild');
const { runTests } = requireFromRepo('@vscode/test-electron');

const entries = readdirSync(SUITE_SRC)
  .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
  .map((f) => path.join(SUITE_SRC, f));
if (!entries.some((f) => f.endsWith('index.ts'))) die(`missing ${path.join(SUITE_SRC, 'index.ts')}`);
if (entries.length < 2) die(`no *.test.ts files in ${SUITE_SRC}`);

rmSync(SUITE_OUT, { recursive: true, force: true });
rmSync(RESULT_FILE, { force: true });
rmSync(path.join(RUN_DIR, 'e2e-failure.png'), { force: true });
mkdirSync(SUITE_OUT, { recursive: true });
try {
  await esbuild.build({
    entryPoints: entries,
    outdir: SUITE_OUT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
    // No source maps: the extension host installs its own Error.prepareStackTrace, so Node would not
    // apply them; stack traces point into the readable (unminified) bundles in .run/suite/.
    sourcemap: false,
    logLevel: 'warning',
  });
} catch (err) {
  die(`bundling the e2e suite failed: ${err.message}`);
}
log(`bundled ${entries.length - 1} test file(s) into ${path.relative(REPO_ROOT, SUITE_OUT)}/`);

// 4. Run through the standard harness, with the shim as the `code` executable. Two launches:
//    - the fixture workspace, trusted (workspace trust off): every suite but untrusted.test.ts;
//    - test/e2e/untrusted/ with workspace trust on and the folder never trusted (Restricted Mode):
//      untrusted.test.ts only (package.json declares capabilities.untrustedWorkspaces "limited").
chmodSync(SHIM, 0o755);
const LAUNCHES = [
  { name: 'trusted', folder: WORKSPACE, env: { REFERAT_E2E_SUITE: 'main' } },
  { name: 'untrusted', folder: path.join(E2E_DIR, 'untrusted'), env: { REFERAT_E2E_SUITE: 'untrusted', REFERAT_E2E_WORKSPACE_TRUST: '1' } },
];

/** One launch; returns { exitCode, result } with the counts the suite recorded (undefined if none). */
async function launch({ name, folder, env }) {
  const userDataDir = path.join(RUN_DIR, `user-data-${name}`);
  const extensionsDir = path.join(RUN_DIR, 'extensions');
  rmSync(userDataDir, { recursive: true, force: true });
  rmSync(RESULT_FILE, { force: true });
  mkdirSync(extensionsDir, { recursive: true });
  log(`launch "${name}": ${path.relative(REPO_ROOT, folder)}`);
  let exitCode = 0;
  // The shim and the extension host read these from the environment.
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    await runTests({
      vscodeExecutablePath: SHIM,
      extensionDevelopmentPath: extensionPath,
      extensionTestsPath: path.join(SUITE_OUT, 'index.js'),
      extensionTestsEnv: env,
      launchArgs: [folder, `--user-data-dir=${userDataDir}`, `--extensions-dir=${extensionsDir}`],
    });
  } catch (err) {
    exitCode = typeof err?.code === 'number' && err.code !== 0 ? err.code : 1;
    console.error(`e2e: the test run "${name}" failed: ${err?.message ?? err}`);
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  let result;
  try {
    result = JSON.parse(readFileSync(RESULT_FILE, 'utf8'));
  } catch {
    result = undefined;
  }
  return { exitCode, result };
}

// 5. A plain closing line for CI, from what the suites recorded.
let exitCode = 0;
const total = { passed: 0, failed: 0, skipped: 0 };
for (const l of LAUNCHES) {
  const { exitCode: code, result } = await launch(l);
  if (!result) {
    console.error(`e2e: no result was recorded for launch "${l.name}": the suite did not run to its end`);
    exitCode ||= code || 1;
    total.failed++;
    continue;
  }
  if (code !== 0 || result.failed > 0 || result.passed === 0) exitCode ||= code || 1;
  total.passed += result.passed;
  total.failed += result.failed;
  total.skipped += result.skipped ?? 0;
}
const took = `${((Date.now() - t0) / 1000).toFixed(1)} s`;
log(`finished in ${took}`);
console.log(`e2e: ${total.passed} passed, ${total.failed} failed` + (total.skipped ? `, ${total.skipped} skipped` : ''));
process.exit(exitCode);
