// Lint: the layers' invariants enforced by a tool, not by convention (docs/architecture.md).
//   core/     pure: no editor, protocol or Node-only module, nothing from an adapter
//   node/     Node implementations shared by the adapters (files, configuration, fingerprints)
//   cli/, features/, server.ts, cli.ts   adapters: they may use core/ and node/, not each other
//   client/   the VS Code client: types and small pure helpers of core/ only, never the server's code
//   readers/  input readers (bytes → text + source map): no file system, no Node-only module, nothing of
//             Referat's but each other, so the CLI, the Node server and a web worker share them
//   web/      the browser's entries (server/src/web/, client/src/web/), and what they share with Node's
//             (features/, the client's shared modules): no Node-only module but `path` (esbuild.js gives the
//             web bundles path-browserify for it); the Node-only pieces are named files (NODE_ENTRIES)
import tseslint from 'typescript-eslint';

// The rules' folder has one door, its index: a helper that a rule shares with edits, features or the overview
// lives below the rules (core/sections.ts), so changing a rule never breaks hover, completion or a command.
const RULES_FROM_OUTSIDE = { group: ['**/rules/*', '!**/rules/index'], message: 'import a rule only through rules/index; a helper shared with the rules belongs below them (core/sections.ts)' };

const RULE_FROM_RULE = { group: ['./RF*'], message: 'a rule does not import another rule: share through a helper (structure-common.ts, core/sections.ts, …)' };

const EDITOR_AND_PROTOCOL = ['vscode', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-textdocument', 'vscode-languageclient', 'vscode-languageclient/*', 'vscode-uri'];

// What a browser's web worker does not have. `path` is allowed: the web bundles get path-browserify for it
// (esbuild.js), the same POSIX functions. Type-only imports are erased and allowed.
const NODE_ONLY_MODULES = ['node:*', 'fs', 'os', 'crypto', 'child_process', 'worker_threads', 'v8', 'buffer', 'vscode-languageserver/node', 'vscode-languageclient/node', '**/node/disk', '**/node/read-text', '**/features/node-host', '**/features/analysisPool'];
const NODE_ONLY_MESSAGE = 'this module runs in a browser\'s web worker too: no Node-only module (Node\'s pieces live in node-host.ts, analysisPool.ts, node/disk.ts, read-text.ts and the Node entries)';
const NODE_ONLY = { group: [...NODE_ONLY_MODULES, '!node:path'], allowTypeImports: true, message: NODE_ONLY_MESSAGE };
// The client has no use for `path` at all (URIs: vscode.Uri.joinPath).
const NODE_ONLY_CLIENT = { group: NODE_ONLY_MODULES, allowTypeImports: true, message: NODE_ONLY_MESSAGE };
// The Node-only files among the shared ones: the Node entries and their hosts.
const NODE_ENTRIES = ['server/src/features/node-host.ts', 'server/src/features/analysisPool.ts', 'client/src/extension.ts'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test/e2e/.run/**', 'test/web/.run/**', 'bench/out/**', '**/*.vsix'] },
  {
    files: ['server/src/**/*.ts', 'client/src/**/*.ts', 'test/**/*.ts'],
    extends: [tseslint.configs.base],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-unused-expressions': 'off',
      '@typescript-eslint/no-unused-expressions': 'error',
      'no-debugger': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // A source file does one job: over 400 lines it does several (the model's types are the one exception).
    files: ['server/src/**/*.ts', 'client/src/**/*.ts'],
    ignores: ['server/src/core/model.ts'],
    rules: { 'max-lines': ['error', { max: 400 }] },
  },
  // core/ outside rules/, the rules' folder, and one rule's file (a rule imports no other rule: RF200 and RF201
  // share publication.ts). Later blocks replace the earlier ones' restrictions for their files.
  ...[['server/src/core/**/*.ts'], ['server/src/core/rules/**/*.ts'], ['server/src/core/rules/RF*.ts']].map((files, depth) => ({
    files,
    rules: {
      'no-restricted-imports': ['error', {
        paths: EDITOR_AND_PROTOCOL.filter((p) => !p.includes('*')).map((name) => ({ name, message: 'core/ is pure: no editor or protocol library (docs/architecture.md)' })),
        patterns: [
          { group: ['vscode-languageserver/*', 'vscode-languageclient/*'], message: 'core/ is pure: no editor or protocol library' },
          { group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads'], message: 'core/ is pure: Node-only modules belong in node/ or an adapter' },
          { group: ['**/cli', '**/cli/**', '**/features', '**/features/**', '**/node/**', '**/server', '**/cli.ts', '**/server.ts'], message: 'core/ must not import from an adapter' },
          { group: ['**/readers', '**/readers/**'], message: 'core/ takes text: the input readers are the adapters\' (node/, a web worker)' },
          ...[[RULES_FROM_OUTSIDE], [], [RULE_FROM_RULE]][depth],
        ],
      }],
    },
  })),
  {
    files: ['server/src/readers/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: EDITOR_AND_PROTOCOL.filter((p) => !p.includes('*')).map((name) => ({ name, message: 'readers/ serve the CLI, the server and a web worker: no editor or protocol library' })),
        patterns: [
          { group: ['vscode-languageserver/*', 'vscode-languageclient/*'], message: 'readers/: no editor or protocol library' },
          { group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'buffer'], message: 'readers/ run in a web worker too: no Node-only module (the adapter passes what it needs)' },
          { group: ['**/core', '**/core/**', '**/cli', '**/cli/**', '**/features', '**/features/**', '**/node', '**/node/**', '**/server', '**/cli.ts', '**/server.ts'], message: 'readers/ take bytes and give text: they import nothing of Referat but each other' },
        ],
      }],
    },
  },
  {
    files: ['server/src/node/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: EDITOR_AND_PROTOCOL.filter((p) => !p.includes('*')).map((name) => ({ name, message: 'node/ is shared by the CLI and the server: no editor or protocol library' })),
        patterns: [{ group: ['**/cli', '**/cli/**', '**/features/**', '**/server'], message: 'node/ must not import from an adapter' }, RULES_FROM_OUTSIDE],
      }],
    },
  },
  {
    files: ['server/src/cli.ts', 'server/src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: EDITOR_AND_PROTOCOL.filter((p) => !p.includes('*')).map((name) => ({ name, message: 'the CLI runs without an editor' })),
        patterns: [{ group: ['**/features/**', '**/server'], message: 'the CLI must not import from the language server' }, RULES_FROM_OUTSIDE],
      }],
    },
  },
  // The language server (features/ are shared by the Node entry and the web worker's, server/src/web/).
  ...[[['server/src/server.ts', ...NODE_ENTRIES.filter((f) => f.startsWith('server/'))], []], [['server/src/features/**/*.ts', 'server/src/web/**/*.ts'], [NODE_ONLY]]].map(([files, web]) => ({
    files,
    ignores: files.includes('server/src/server.ts') ? [] : NODE_ENTRIES,
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/cli', '**/cli/**'], message: 'the language server must not import from the CLI: share through core/ or node/' }, RULES_FROM_OUTSIDE, ...web],
      }],
    },
  })),
  // The client: its shared modules and the browser's entry (client/src/web/) run in the web worker host too.
  ...[[['client/src/extension.ts'], []], [['client/src/**/*.ts'], [NODE_ONLY_CLIENT]]].map(([files, web]) => ({
    files,
    ignores: files.includes('client/src/extension.ts') ? [] : NODE_ENTRIES,
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/server/src/features/**', '**/server/src/cli/**', '**/server/src/node/**', '**/server/src/web/**', '**/server/src/server', '**/server/src/cli'], message: 'the client talks to the server over LSP, it does not import its code' },
          RULES_FROM_OUTSIDE,
          ...web,
        ],
      }],
    },
  })),
);
