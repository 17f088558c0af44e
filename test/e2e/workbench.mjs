// Shared pieces for driving a real VS Code workbench: code-server (VS Code OSS server + web workbench, real
// Node extension host) and headless Debian chromium through playwright-core. See /work/shared/E2E.md.
// Used by test/e2e/code-shim.mjs (the mocha suite through @vscode/test-electron) and test/e2e/ui.mjs
// (what a person sees, with the packaged .vsix installed).

import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM, CODE_SERVER_ENTRY, NODE24, PLAYWRIGHT_DIR, node24Env } from './tools.mjs';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (srv.address());
      srv.close(() => resolve(port));
    });
  });
}

/** User settings for a quiet, reproducible workbench (no welcome page, AI features, updates, telemetry, trust prompt). */
export const CLEAN_SETTINGS = {
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
};

/**
 * A throwaway home for code-server and chromium: a temp dir with HOME, XDG dirs and TMPDIR in it, a
 * user-data dir whose User/settings.json holds CLEAN_SETTINGS (+ settings), an extensions dir, and
 * the environment to run code-server with (Node 24 first on PATH). remove() deletes the temp dir.
 * @param {{ userDataDir?: string, extensionsDir?: string, settings?: Record<string, unknown>, prefix?: string }} [options]
 */
export function makeSandbox({ userDataDir, extensionsDir, settings = {}, prefix = 'referat-e2e-' } = {}) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), prefix));
  const home = path.join(tmp, 'home');
  userDataDir ??= path.join(tmp, 'user-data');
  extensionsDir ??= path.join(tmp, 'extensions');
  for (const d of [home, path.join(tmp, 'tmp'), path.join(home, '.config'), path.join(home, '.local', 'share'), path.join(userDataDir, 'User'), extensionsDir]) {
    mkdirSync(d, { recursive: true });
  }
  writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...CLEAN_SETTINGS, ...settings }, null, 2));
  /** @type {Record<string, string>} */
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
  return {
    tmp,
    home,
    userDataDir,
    extensionsDir,
    env,
    remove: () => rmSync(tmp, { recursive: true, force: true, maxRetries: 3 }),
  };
}

/** The code-server arguments that choose the sandbox's data dirs and keep it offline and quiet. */
function sandboxArgs(sandbox) {
  return ['--user-data-dir', sandbox.userDataDir, '--extensions-dir', sandbox.extensionsDir];
}

/** `code-server --install-extension <vsix>` into the sandbox's extensions dir. Throws with its output on failure. */
export function installExtension(sandbox, vsix) {
  const res = spawnSync(NODE24, [CODE_SERVER_ENTRY, ...sandboxArgs(sandbox), '--install-extension', vsix], {
    env: sandbox.env,
    cwd: sandbox.home,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const output = `${res.stdout ?? ''}${res.stderr ?? ''}`.trim();
  if (res.error || res.status !== 0) {
    throw new Error(`code-server --install-extension ${vsix} failed (${res.error?.message ?? `exit ${res.status}`}):\n${output}`);
  }
  return output;
}

/** Settings for a launch with workspace trust on: the folder stays untrusted and nothing asks (no prompt, no banner). */
export const TRUST_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  'security.workspace.trust.emptyWindow': false,
};

/**
 * Starts code-server on a free port in its own process group. Returns { base, port, exit (set when it
 * exited), logFile, waitUntilUp(ms), printLog(n), stop() }. stop() kills the whole group (file watchers,
 * extension host, …). extraArgs go after the standard ones. workspaceTrust: true leaves out
 * --disable-workspace-trust (pair it with TRUST_SETTINGS in the sandbox).
 * @param {ReturnType<typeof makeSandbox>} sandbox
 * @param {{ extraArgs?: string[], verbose?: boolean, log?: (msg: string) => void, workspaceTrust?: boolean }} [options]
 */
export async function startCodeServer(sandbox, { extraArgs = [], verbose = false, log = () => {}, workspaceTrust = false } = {}) {
  const port = await freePort();
  const configFile = path.join(sandbox.tmp, 'code-server.yaml');
  writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const args = [
    CODE_SERVER_ENTRY,
    '--config', configFile,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    ...sandboxArgs(sandbox),
    ...extraArgs,
  ];
  const logFile = path.join(sandbox.tmp, 'code-server.log');
  const logStream = createWriteStream(logFile);
  log(`starting code-server on 127.0.0.1:${port} (log ${logFile})`);
  const server = spawn(NODE24, args, { env: sandbox.env, cwd: sandbox.home, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const handle = {
    server,
    port,
    base: `http://127.0.0.1:${port}`,
    logFile,
    exit: undefined,
    /** Polls /healthz until code-server answers. */
    async waitUntilUp(timeoutMs = 120_000) {
      const start = Date.now();
      for (;;) {
        if (handle.exit) throw new Error(`code-server exited early (code ${handle.exit.code}, signal ${handle.exit.signal})`);
        if (Date.now() - start > timeoutMs) throw new Error(`code-server did not answer /healthz within ${Math.round(timeoutMs / 1000)} s`);
        try {
          const res = await fetch(`${handle.base}/healthz`, { signal: AbortSignal.timeout(2000) });
          if (res.ok) return;
        } catch {
          /* not yet */
        }
        await sleep(250);
      }
    },
    printLog(lines = 40) {
      try {
        const text = readFileSync(logFile, 'utf8').trimEnd();
        if (text) console.error(`code-server log (last lines):\n${text.split('\n').slice(-lines).join('\n')}`);
      } catch {
        /* none */
      }
    },
    async stop() {
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
      await new Promise((r) => logStream.end(r));
    },
  };
  server.on('exit', (code, signal) => (handle.exit = { code, signal }));
  server.on('error', (err) => (handle.exit = { code: 127, signal: String(err) }));
  for (const s of [server.stdout, server.stderr]) {
    s.on('data', (d) => {
      logStream.write(d);
      if (verbose) process.stderr.write(String(d).replace(/^/gm, '[code-server] '));
    });
  }
  return handle;
}

/** Headless Debian chromium through playwright-core (never a downloaded browser). */
export async function launchChromium(env) {
  const { chromium } = createRequire(path.join(PLAYWRIGHT_DIR, 'package.json'))('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // The callers' own signal handlers close the browser and then kill code-server; Playwright's would exit first.
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
}

// ---------------------------------------------------------------- browser console

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
export async function formatConsole(msg) {
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
