#!/usr/bin/env node
// Runs the web tests (test/web/suite/*.test.ts) inside code-server's browser web worker extension host, with
// the extension's `browser` entry (dist/web/extension.js) and its server in a web worker:
//   node test/web/run.mjs            (npm run test:web builds first)
//
// How code-server is made to run the extension in its web worker host (see docs/architecture.md):
//   - the user setting "remote.extensionKind": { "referat.referat": ["web"] };
//   - the extension and the tests named by the *real* remote authority, vscode-remote://127.0.0.1:<port>/…;
//     with code-server's alias `remote` (what test/e2e/code-shim.mjs uses for the Node host) the test
//     runner falls back to the Node extension host.
// Headless Debian chromium drives the workbench (test/e2e/workbench.mjs, the tools of npm run setup:e2e).
// Two launches: test/web/workspace/ (trusted), and test/e2e/untrusted/ in Restricted Mode.
//
// Environment: REFERAT_E2E_TIMEOUT_MS (one launch's limit, default 300000), REFERAT_E2E_VERBOSE=1
// (code-server's log live), REFERAT_E2E_GREP (only tests whose title matches).

import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { missingTools, REPO_ROOT } from '../e2e/tools.mjs';
import { CLEAN_SETTINGS, formatConsole, launchChromium, makeSandbox, sleep, startCodeServer, TRUST_SETTINGS } from '../e2e/workbench.mjs';

const WEB_DIR = path.dirname(fileURLToPath(import.meta.url));
const SUITE = path.join(WEB_DIR, 'suite');
const RUN_DIR = path.join(WEB_DIR, '.run');
const TIMEOUT_MS = Number(process.env.REFERAT_E2E_TIMEOUT_MS || 5 * 60_000);
const VERBOSE = process.env.REFERAT_E2E_VERBOSE === '1';
const t0 = Date.now();
const log = (msg) => console.log(`web: ${msg}`);
const die = (msg) => {
  console.error(`web: ERROR: ${msg}`);
  process.exit(1);
};

// 1. Tools and the extension.
const missing = missingTools();
if (missing.length) die(`the e2e tools are missing or out of date: ${missing.join(', ')}\n  Install them with: npm run setup:e2e`);
const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
if (!manifest.browser) die('package.json has no "browser" entry');
for (const file of [manifest.browser, 'dist/web/server.js']) {
  if (!existsSync(path.join(REPO_ROOT, file))) die(`${file} does not exist: run 'npm run build' first`);
}
const extensionId = `${manifest.publisher}.${manifest.name}`;

// 2. One bundle a launch: mocha's browser build, then the launch's test files, then run().
const requireFromRepo = createRequire(path.join(REPO_ROOT, 'package.json'));
const esbuild = requireFromRepo('esbuild');
const MOCHA_BROWSER = requireFromRepo.resolve('mocha/mocha.js');

/** Mocha's UMD build sees esbuild's `module` (mocha is an ES module package) and would replace the bundle's exports: hide it. */
const mochaBrowserPlugin = {
  name: 'mocha-browser',
  setup(build) {
    build.onResolve({ filter: /^mocha-browser$/ }, () => ({ path: MOCHA_BROWSER, namespace: 'mocha-browser' }));
    build.onLoad({ filter: /.*/, namespace: 'mocha-browser' }, () => ({
      contents: `(function (module, exports, define) {\n${readFileSync(MOCHA_BROWSER, 'utf8')}\n}).call(globalThis);\n`,
      loader: 'js',
    }));
  },
};

const LAUNCHES = [
  { name: 'trusted', folder: path.join(WEB_DIR, 'workspace'), tests: ['web.test.ts', 'large.test.ts'], trust: false },
  { name: 'untrusted', folder: path.join(REPO_ROOT, 'test', 'e2e', 'untrusted'), tests: ['untrusted.test.ts'], trust: true },
];

rmSync(RUN_DIR, { recursive: true, force: true });
mkdirSync(RUN_DIR, { recursive: true });
const grep = process.env.REFERAT_E2E_GREP;
for (const l of LAUNCHES) {
  const lines = [
    "import './mocha-setup';",
    ...(grep ? [`mocha.grep(${JSON.stringify(grep)});`] : []),
    ...l.tests.map((t) => `import './${t.replace(/\.ts$/, '')}';`),
    "export { run } from './run';",
  ];
  try {
    await esbuild.build({
      stdin: { contents: lines.join('\n'), resolveDir: SUITE, sourcefile: `index-${l.name}.ts`, loader: 'ts' },
      outfile: path.join(RUN_DIR, `index-${l.name}.js`),
      bundle: true,
      platform: 'browser',
      format: 'cjs',
      target: 'es2022',
      external: ['vscode'],
      plugins: [mochaBrowserPlugin],
      logLevel: 'warning',
    });
  } catch (err) {
    die(`bundling the web suite failed: ${err.message}`);
  }
}
log(`bundled ${LAUNCHES.length} launch(es) into ${path.relative(REPO_ROOT, RUN_DIR)}/`);

/** One launch; returns { code, passed, failed } (the counts from the suite's closing line). */
async function launch(l) {
  const sandbox = makeSandbox({
    prefix: 'referat-web-',
    settings: { ...CLEAN_SETTINGS, ...(l.trust ? TRUST_SETTINGS : {}), 'remote.extensionKind': { [extensionId]: ['web'] } },
  });
  const cs = await startCodeServer(sandbox, { extraArgs: ['--vscode-option', 'enable-smoke-test-driver'], workspaceTrust: l.trust, verbose: VERBOSE, log });
  let browser;
  const counts = { passed: 0, failed: 0, seen: false };
  try {
    await cs.waitUntilUp();
    browser = await launchChromium(sandbox.env);
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    let exit;
    const exited = new Promise((r) => (exit = r));
    await page.exposeFunction('codeAutomationExit', (code) => exit(typeof code === 'number' ? code : Number(code) || 0));
    // One message after the other, in order; the exit waits for them (the closing line comes just before it).
    let consoleDone = Promise.resolve();
    page.on('console', (msg) => {
      consoleDone = consoleDone.then(async () => {
        const text = await formatConsole(msg);
        if (text.trim() === '') return;
        const m = text.match(/^web: (\d+) passed, (\d+) failed/);
        if (m) Object.assign(counts, { passed: Number(m[1]), failed: Number(m[2]), seen: true });
        process.stdout.write(`${text}\n`);
      });
    });
    page.on('pageerror', (err) => console.error(`web: page error: ${err.message}`));
    // The real authority: with `remote` the runner would fall back to the Node extension host.
    const remote = (p) => `vscode-remote://127.0.0.1:${cs.port}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(REPO_ROOT)],
      ['extensionTestsPath', remote(path.join(RUN_DIR, `index-${l.name}.js`))],
    ];
    log(`launch "${l.name}": ${path.relative(REPO_ROOT, l.folder)}`);
    await page.goto(`${cs.base}/?folder=${encodeURIComponent(l.folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`, { waitUntil: 'domcontentloaded' });
    const timeout = sleep(TIMEOUT_MS).then(() => 'timeout');
    const code = await Promise.race([exited, timeout]);
    await sleep(500);
    await consoleDone;
    if (code === 'timeout') {
      console.error(`web: TIMEOUT: no result after ${Math.round(TIMEOUT_MS / 1000)} s (REFERAT_E2E_TIMEOUT_MS)`);
      await page.screenshot({ path: path.join(RUN_DIR, `failure-${l.name}.png`) }).catch(() => undefined);
      cs.printLog(40);
      return { code: 1, ...counts };
    }
    return { code, ...counts };
  } catch (err) {
    console.error(`web: launch "${l.name}" failed: ${err.message}`);
    cs.printLog(40);
    return { code: 1, ...counts };
  } finally {
    await Promise.race([browser?.close(), sleep(10_000)]).catch(() => undefined);
    await cs.stop();
    sandbox.remove();
  }
}

let exitCode = 0;
const total = { passed: 0, failed: 0 };
for (const l of LAUNCHES) {
  const r = await launch(l);
  if (!r.seen) {
    console.error(`web: launch "${l.name}" recorded no result: the suite did not run to its end`);
    total.failed++;
  }
  total.passed += r.passed;
  total.failed += r.failed;
  if (r.code !== 0 || r.failed > 0 || r.passed === 0) exitCode = 1;
}
log(`finished in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
console.log(`web: ${total.passed} passed, ${total.failed} failed`);
process.exit(exitCode);
