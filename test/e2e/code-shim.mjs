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
// code-server's own log live), REFERAT_E2E_KEEP_TMP=1 (keep the temp dir), REFERAT_E2E_HOME (tool cache).

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  CHROMIUM,
  CODE_SERVER_ENTRY,
  NODE24,
  PLAYWRIGHT_DIR,
  missingTools,
  node24Env,
} from './tools.mjs';

const TIMEOUT_MS = Number(process.env.REFERAT_E2E_TIMEOUT_MS || 10 * 60_000);
const VERBOSE = process.env.REFERAT_E2E_VERBOSE === '1';
const KEEP_TMP = process.env.REFERAT_E2E_KEEP_TMP === '1';

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

// ---------------------------------------------------------------- helpers

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const str = (v) => (typeof v === 'string' ? v : v === undefined ? 'undefined' : JSON.stringify(v));

/** console.log-style formatting: applies %s/%d/%i/%f/%o/%O, drops %c and its CSS argument. */
function applyFormat(values) {
  if (values.length === 0) return '';
  if (typeof values[0] !== 'string') return values.map(str).join(' ');
  const rest = values.slice(1);
  const out = values[0].replace(/%([csdifoO%])/g, (m, k) => {
    if (k === '%') return '%';
    if (rest.length === 0) return k === 'c' ? '' : m;
    const v = rest.shift();
    if (k === 'c') return '';
    if (k === 'd' || k === 'i') return String(Math.trunc(Number(v)));
    if (k === 'f') return String(Number(v));
    return str(v);
  });
  if (rest.length === 0) return out;
  // The workbench logs as console.log('%c INFO', css, message, ...args): the message is a format too.
  if (typeof rest[0] === 'string') return `${out} ${applyFormat(rest)}`;
  return `${out} ${rest.map(str).join(' ')}`;
}

/**
 * Formats a browser console message for the terminal. The workbench's logger (which also carries the
 * extension host's console output, mocha's reporter included) logs ['%c INFO', css, fmt, ...args]:
 * INFO lines are printed bare, so mocha's output reads as usual; other levels keep a [LEVEL] prefix.
 */
async function formatConsole(msg) {
  let values;
  try {
    values = await Promise.all(msg.args().map((a) => a.jsonValue().catch(() => undefined)));
  } catch {
    values = [];
  }
  if (values.length === 0) {
    const url = msg.location()?.url;
    return msg.text().replace(/%c/g, '') + (url && msg.type() === 'error' ? ` (${url})` : '');
  }
  const level = typeof values[0] === 'string' && values[0].match(/^%c\s*(TRACE|DEBUG|INFO|WARN|ERR)\s*$/);
  if (level && typeof values[1] === 'string') {
    const body = applyFormat(values.slice(2));
    return level[1] === 'INFO' ? body : `[${level[1]}] ${body}`;
  }
  return applyFormat(values);
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

  const tmp = mkdtempSync(path.join(os.tmpdir(), 'referat-e2e-'));
  const home = path.join(tmp, 'home');
  const userDataDir = opts.userDataDir ?? path.join(tmp, 'user-data');
  const extensionsDir = opts.extensionsDir ?? path.join(tmp, 'extensions');
  for (const d of [home, path.join(tmp, 'tmp'), path.join(home, '.config'), path.join(home, '.local', 'share'), path.join(userDataDir, 'User'), extensionsDir]) {
    mkdirSync(d, { recursive: true });
  }
  writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'chat.disableAIFeatures': true,
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'update.mode': 'none',
        'telemetry.telemetryLevel': 'off',
        'security.workspace.trust.enabled': false,
        'extensions.ignoreRecommendations': true,
        'workbench.enableExperiments': false,
      },
      null,
      2,
    ),
  );
  const port = await freePort();
  const configFile = path.join(tmp, 'code-server.yaml');
  writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);

  const env = {
    ...node24Env(),
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    // code-server and its extension host leave sockets (vscode-ipc-*.sock, vscode-git-*.sock) in TMPDIR.
    TMPDIR: path.join(tmp, 'tmp'),
    // No extension gallery: nothing to look up on this offline machine (else: ENOTFOUND open-vsx.org).
    EXTENSIONS_GALLERY: '{}',
  };
  delete env.VSCODE_IPC_HOOK_CLI;
  delete env.ELECTRON_RUN_AS_NODE;

  const serverArgs = [
    CODE_SERVER_ENTRY,
    '--config', configFile,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--vscode-option', 'enable-smoke-test-driver',
  ];
  const serverLog = path.join(tmp, 'code-server.log');
  const serverLogStream = createWriteStream(serverLog);
  log(`starting code-server on 127.0.0.1:${port} (log ${serverLog})`);
  const server = spawn(NODE24, serverArgs, { env, cwd: home, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let serverExit;
  server.on('exit', (code, signal) => (serverExit = { code, signal }));
  server.on('error', (err) => (serverExit = { code: 127, signal: String(err) }));
  for (const s of [server.stdout, server.stderr]) {
    s.on('data', (d) => {
      serverLogStream.write(d);
      if (VERBOSE) process.stderr.write(String(d).replace(/^/gm, '[code-server] '));
    });
  }

  let browser;
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
    const killGroup = (sig) => {
      try {
        process.kill(-server.pid, sig);
        return true;
      } catch {
        return false;
      }
    };
    if (server.pid && killGroup('SIGTERM')) {
      for (let i = 0; i < 50 && killGroup(0); i++) await sleep(100);
      killGroup('SIGKILL');
    }
    await new Promise((r) => serverLogStream.end(r));
    if (KEEP_TMP) log(`kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  };
  const printServerLog = () => {
    try {
      const text = readFileSync(serverLog, 'utf8').trimEnd();
      if (text) console.error(`code-shim: code-server log (last lines):\n${text.split('\n').slice(-40).join('\n')}`);
    } catch {
      /* none */
    }
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
    const base = `http://127.0.0.1:${port}`;
    for (;;) {
      if (serverExit) throw new Error(`code-server exited early (code ${serverExit.code}, signal ${serverExit.signal})`);
      if (Date.now() - t0 > 120_000) throw new Error('code-server did not answer /healthz within 120 s');
      try {
        const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2000) });
        if (res.ok) break;
      } catch {
        /* not yet */
      }
      await sleep(250);
    }
    log(`code-server is up after ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    // 2. Open the workbench in headless chromium.
    const { chromium } = createRequire(path.join(PLAYWRIGHT_DIR, 'package.json'))('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      // Our own signal handlers close the browser and then kill code-server; Playwright's would exit first.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      env: { ...env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
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
