#!/usr/bin/env node
// Stands in for the `code` binary so that @vscode/test-electron's runTests({ vscodeExecutablePath }) can
// run the extension tests in code-server (VS Code OSS server + web workbench, real Node extension host)
// driven by headless Debian chromium through playwright-core. See /work/shared/E2E.md.
//
// Accepts the desktop flags runTests passes:
//   --extensionDevelopmentPath=… (repeatable) --extensionTestsPath=… --user-data-dir=… --extensions-dir=… [folder]
// and ignores the others (--no-sandbox, --disable-updates, …). Exits with the tests' exit code.
//
// Environment: REFERAT_E2E_TIMEOUT_MS (overall limit, default 600000), REFERAT_E2E_VERBOSE=1 (show
// code-server's own log live), REFERAT_E2E_KEEP_TMP=1 (keep the temp dir), REFERAT_E2E_HOME (tool cache),
// REFERAT_E2E_WORKSPACE_TRUST=1 (workspace trust on: the folder opens untrusted, in Restricted Mode).

import os from 'node:os';
import path from 'node:path';
import { missingTools } from './tools.mjs';
import { formatConsole, launchChromium, makeSandbox, sleep, startCodeServer, TRUST_SETTINGS } from './workbench.mjs';

const TIMEOUT_MS = Number(process.env.REFERAT_E2E_TIMEOUT_MS || 10 * 60_000);
const VERBOSE = process.env.REFERAT_E2E_VERBOSE === '1';
const KEEP_TMP = process.env.REFERAT_E2E_KEEP_TMP === '1';
const WORKSPACE_TRUST = process.env.REFERAT_E2E_WORKSPACE_TRUST === '1';

const log = (msg) => console.log(`code-shim: ${msg}`);
const t0 = Date.now();

// ---------------------------------------------------------------- arguments

function parseArgs(argv) {
  const opts = { extensionDevelopmentPath: [], extensionTestsPath: undefined, userDataDir: undefined, extensionsDir: undefined, folder: undefined };
  const withValue = {
    '--extensionDevelopmentPath': (v) => opts.extensionDevelopmentPath.push(v),
    '--extensionTestsPath': (v) => (opts.extensionTestsPath = v),
    '--user-data-dir': (v) => (opts.userDataDir = v),
    '--extensions-dir': (v) => (opts.extensionsDir = v),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg : arg.slice(0, eq);
      const set = withValue[name];
      if (!set) continue; // a desktop flag code-server has no use for
      if (eq !== -1) set(arg.slice(eq + 1));
      else if (i + 1 < argv.length) set(argv[++i]);
    } else if (!arg.startsWith('-')) {
      opts.folder = arg;
    }
  }
  const abs = (p) => (p === undefined ? p : path.resolve(p));
  opts.extensionDevelopmentPath = opts.extensionDevelopmentPath.map(abs);
  opts.extensionTestsPath = abs(opts.extensionTestsPath);
  opts.userDataDir = abs(opts.userDataDir);
  opts.extensionsDir = abs(opts.extensionsDir);
  opts.folder = abs(opts.folder);
  return opts;
}

// ---------------------------------------------------------------- main

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!opts.extensionTestsPath || opts.extensionDevelopmentPath.length === 0) {
    console.error('code-shim: needs --extensionDevelopmentPath=… and --extensionTestsPath=… (as runTests passes them)');
    return 2;
  }
  const missing = missingTools();
  if (missing.length) {
    console.error(`code-shim: e2e tools missing or out of date: ${missing.join(', ')}\n  Run: node scripts/setup-e2e.mjs`);
    return 2;
  }

  const sandbox = makeSandbox({ userDataDir: opts.userDataDir, extensionsDir: opts.extensionsDir, settings: WORKSPACE_TRUST ? TRUST_SETTINGS : {} });
  const cs = await startCodeServer(sandbox, {
    extraArgs: ['--vscode-option', 'enable-smoke-test-driver'],
    workspaceTrust: WORKSPACE_TRUST,
    verbose: VERBOSE,
    log,
  });
  const { server } = cs;

  let browser;
  /** @type {any} */
  let page;
  let cleaning;
  const cleanup = () => (cleaning ??= doCleanup());
  const doCleanup = async () => {
    try {
      await Promise.race([browser?.close(), sleep(10_000)]);
    } catch {
      /* already gone */
    }
    // Kill code-server's whole process group (file watchers, extension host, …).
    await cs.stop();
    if (KEEP_TMP) log(`kept ${sandbox.tmp}`);
    else sandbox.remove();
  };
  const printServerLog = () => {
    process.stderr.write('code-shim: ');
    cs.printLog(40);
  };

  let interrupted = false;
  const onSignal = async (sig) => {
    if (interrupted) return;
    interrupted = true;
    console.error(`code-shim: ${sig}, stopping`);
    await cleanup();
    process.exit(130);
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, onSignal);

  let timer;
  const overall = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`TIMEOUT: no test result after ${Math.round(TIMEOUT_MS / 1000)} s (REFERAT_E2E_TIMEOUT_MS)`)),
      TIMEOUT_MS,
    );
  });

  try {
    const code = await Promise.race([overall, drive()]);
    return code;
  } catch (err) {
    if (interrupted) return 130;
    console.error(`code-shim: FAILED: ${err.message}`);
    printServerLog();
    if (page) {
      // A picture of what the workbench showed, next to the user-data dir (test/e2e/.run/ under run.mjs).
      const shot = path.join(opts.userDataDir ? path.dirname(opts.userDataDir) : os.tmpdir(), 'e2e-failure.png');
      try {
        await page.screenshot({ path: shot, timeout: 10_000 });
        console.error(`code-shim: screenshot of the workbench: ${shot}`);
      } catch {
        /* page gone */
      }
    }
    return 1;
  } finally {
    clearTimeout(timer);
    await cleanup();
  }

  async function drive() {
    // 1. Wait for code-server.
    const { base } = cs;
    await cs.waitUntilUp(Math.max(1000, 120_000 - (Date.now() - t0)));
    log(`code-server is up after ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    // 2. Open the workbench in headless chromium.
    browser = await launchChromium(sandbox.env);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();

    let resolveExit;
    const exited = new Promise((r) => (resolveExit = r));
    // Must be exposed before goto: the workbench reports the tests' result through it.
    await page.exposeFunction('codeAutomationExit', (code) => {
      resolveExit(typeof code === 'number' ? code : Number(code) || 0);
    });
    page.on('console', async (msg) => {
      if (process.env.REFERAT_E2E_DEBUG_CONSOLE === '1') {
        const raw = await Promise.all(msg.args().map((a) => a.jsonValue().catch(() => '<?>')));
        process.stdout.write(`[console ${msg.type()}] ${JSON.stringify(raw)}\n`);
      }
      const text = await formatConsole(msg);
      if (text.trim() === '') return;
      process.stdout.write(`${text}\n`);
    });
    page.on('pageerror', (err) => console.error(`code-shim: page error: ${err.message}`));
    const crashed = new Promise((_, reject) => {
      page.on('crash', () => reject(new Error('the workbench page crashed')));
      browser.on('disconnected', () => reject(new Error('chromium disconnected')));
      server.on('exit', (code, signal) => reject(new Error(`code-server exited during the run (code ${code}, signal ${signal})`)));
    });

    const remote = (p) => `vscode-remote://remote${p}`;
    const payload = [
      ...opts.extensionDevelopmentPath.map((p) => ['extensionDevelopmentPath', remote(p)]),
      ['extensionTestsPath', remote(opts.extensionTestsPath)],
    ];
    let url = `${base}/?payload=${encodeURIComponent(JSON.stringify(payload))}`;
    if (opts.folder) url += `&folder=${encodeURIComponent(opts.folder)}`;
    log(`opening the workbench${opts.folder ? ` on ${opts.folder}` : ''}`);
    await page.goto(url, { waitUntil: 'domcontentloaded' });

    const code = await Promise.race([exited, crashed]);
    log(`tests exited with code ${code} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return code;
  }
}

const code = await main().catch((err) => {
  console.error('code-shim: FAILED with an unexpected error:', err);
  return 1;
});
process.exit(code);
