// The environment nested installs get (issue: code-server's postinstall read the outer npm's Node version
// from npm_config_user_agent and refused to install under `npm test` on a fresh machine).
import assert from 'node:assert/strict';
import path from 'node:path';
// @ts-expect-error: a plain .mjs module of the e2e harness, without type declarations
import { cleanInstallEnv, node24Env, NODE24_BIN_DIR, NODE24_DIR } from '../e2e/tools.mjs';

const outerNpmEnv = {
  PATH: ['/work/x/node_modules/.bin', '/usr/lib/node_modules/npm/node_modules/@npmcli/run-script/lib/node-gyp-bin', '/usr/local/bin', '/usr/bin'].join(path.delimiter),
  HOME: '/root',
  NODE: '/usr/local/bin/node',
  INIT_CWD: '/work/x',
  npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
  npm_config_node_gyp: '/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
  npm_node_execpath: '/usr/local/bin/node',
  npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js',
  npm_lifecycle_event: 'test',
  npm_package_name: 'referat',
  npm_config_registry: 'https://registry.example/',
  npm_config_https_proxy: 'http://proxy.example:3128',
  NPM_CONFIG_CAFILE: '/etc/ssl/corp.pem',
  npm_config_cache: '/root/.npm',
};

describe('e2e set-up: the environment of nested installs', () => {
  it('drops every variable the outer npm passes to its scripts', () => {
    const env = cleanInstallEnv(outerNpmEnv);
    for (const key of ['npm_config_user_agent', 'npm_config_node_gyp', 'npm_node_execpath', 'npm_execpath', 'npm_lifecycle_event', 'npm_package_name', 'NODE', 'INIT_CWD']) {
      assert.equal(env[key], undefined, `${key} leaked into the nested install`);
    }
  });

  it('keeps the registry, proxy, certificate and cache settings the user chose', () => {
    const env = cleanInstallEnv(outerNpmEnv);
    assert.equal(env.npm_config_registry, 'https://registry.example/');
    assert.equal(env.npm_config_https_proxy, 'http://proxy.example:3128');
    assert.equal(env.NPM_CONFIG_CAFILE, '/etc/ssl/corp.pem');
    assert.equal(env.npm_config_cache, '/root/.npm');
    assert.equal(env.HOME, '/root');
  });

  it("removes the outer npm's PATH entries and keeps the rest in order", () => {
    const env = cleanInstallEnv(outerNpmEnv);
    assert.deepEqual(env.PATH.split(path.delimiter), ['/usr/local/bin', '/usr/bin']);
  });

  it('puts Node 24 first on PATH and builds native addons against its headers', () => {
    const env = node24Env(outerNpmEnv);
    assert.equal(env.PATH.split(path.delimiter)[0], NODE24_BIN_DIR);
    assert.equal(env.npm_config_nodedir, NODE24_DIR);
    assert.equal(env.npm_config_user_agent, undefined);
    assert.ok(!env.PATH.includes('node-gyp-bin'));
  });
});
