// The layers' invariants are enforced by ESLint (eslint.config.mjs), and `npm run lint` is part of `npm test`.
// These tests prove the rules bite: an import that breaks a layer is an error.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ESLint } from 'eslint';

const root = path.resolve(__dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

async function errorsOf(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layers (eslint.config.mjs)', function () {
  this.timeout(60_000);

  it('core/ may not import from an adapter', async () => {
    const errors = await errorsOf('server/src/core/example.ts', "import { hover } from '../features/hover';\nexport const x = hover;\n");
    assert.equal(errors.length, 1, errors.join('\n'));
    assert.match(errors[0]!, /no-restricted-imports: .*core\/ must not import from an adapter/);
  });

  it('core/ may not import an editor or protocol library, nor a Node-only module', async () => {
    for (const module of ['vscode-languageserver', 'vscode', 'node:fs']) {
      const errors = await errorsOf('server/src/core/example.ts', `import * as m from '${module}';\nexport const x = m;\n`);
      assert.equal(errors.length, 1, `${module}: ${errors.join('\n')}`);
    }
  });

  it('the language server may not import from the CLI', async () => {
    const errors = await errorsOf('server/src/features/example.ts', "import { main } from '../cli';\nexport const x = main;\n");
    assert.equal(errors.length, 1, errors.join('\n'));
  });

  it('core/ may import core/ (nothing is reported on a pure import)', async () => {
    assert.deepEqual(await errorsOf('server/src/core/example.ts', "import { analyze } from './analyze';\nexport const x = analyze;\n"), []);
  });

  it('a module outside rules/ imports a rule only through rules/index', async () => {
    for (const [file, from] of [
      ['server/src/features/example.ts', '../core/rules/structure-common'],
      ['server/src/core/example.ts', './rules/rule'],
      ['server/src/cli/example.ts', '../core/rules/RF001-missing-decision'],
    ]) {
      const errors = await errorsOf(file, `import * as m from '${from}';\nexport const x = m;\n`);
      assert.equal(errors.length, 1, `${file} → ${from}: ${errors.join('\n')}`);
      assert.match(errors[0]!, /only through rules\/index/);
    }
    assert.deepEqual(await errorsOf('server/src/features/example.ts', "import { RULES } from '../core/rules/index';\nexport const x = RULES;\n"), []);
    assert.deepEqual(await errorsOf('server/src/core/rules/example.ts', "import { itemData } from './structure-common';\nexport const x = itemData;\n"), []);
  });

  it('readers/ use no Node-only module and nothing of Referat but each other; core/ does not import them', async () => {
    for (const from of ['node:buffer', 'fs', '../core/model', '../node/read-text']) {
      const errors = await errorsOf('server/src/readers/example.ts', `import * as m from '${from}';\nexport const x = m;\n`);
      assert.equal(errors.length, 1, `${from}: ${errors.join('\n')}`);
    }
    assert.deepEqual(await errorsOf('server/src/readers/example.ts', "import { decodeText } from './text';\nexport const x = decodeText;\n"), []);
    assert.equal((await errorsOf('server/src/core/example.ts', "import { decodeText } from '../readers/text';\nexport const x = decodeText;\n")).length, 1);
  });

  it('what runs in a browser\'s web worker imports no Node-only module (the Node entries and hosts may)', async () => {
    for (const [file, from] of [
      ['server/src/web/example.ts', 'node:fs'],
      ['server/src/features/example.ts', 'node:worker_threads'],
      ['server/src/features/example.ts', 'vscode-languageserver/node'],
      ['server/src/features/example.ts', '../node/disk'],
      ['server/src/web/example.ts', '../features/node-host'],
      ['client/src/example.ts', 'node:path'],
      ['client/src/web/example.ts', 'vscode-languageclient/node'],
    ]) {
      const errors = await errorsOf(file, `import * as m from '${from}';\nexport const x = m;\n`);
      assert.equal(errors.length, 1, `${file} → ${from}: ${errors.join('\n')}`);
      assert.match(errors[0]!, /runs in a browser's web worker too/);
    }
    for (const [file, from] of [
      ['server/src/features/example.ts', 'node:path'],
      ['server/src/features/node-host.ts', 'node:v8'],
      ['client/src/extension.ts', 'vscode-languageclient/node'],
      ['server/src/server.ts', 'vscode-languageserver/node'],
    ]) {
      assert.deepEqual(await errorsOf(file, `import * as m from '${from}';\nexport const x = m;\n`), [], `${file} → ${from}`);
    }
    assert.deepEqual(await errorsOf('server/src/features/example.ts', "import type { Connection } from 'vscode-languageserver/node';\nexport type X = Connection;\n"), [], 'a type-only import is erased');
  });

  it('a source file has at most 400 lines (the model\'s types aside)', async () => {
    const long = Array.from({ length: 401 }, (_, k) => `export const x${k} = ${k};`).join('\n') + '\n';
    const errors = await errorsOf('server/src/core/example.ts', long);
    assert.equal(errors.length, 1, errors.join('\n'));
    assert.match(errors[0]!, /^max-lines: /);
    assert.deepEqual(await errorsOf('server/src/core/model.ts', long), []);
  });

  it('a rule does not import another rule', async () => {
    const errors = await errorsOf('server/src/core/rules/RF999-example.ts', "import { missingDecision } from './RF001-missing-decision';\nexport const x = missingDecision;\n");
    assert.equal(errors.length, 1, errors.join('\n'));
    assert.match(errors[0]!, /a rule does not import another rule/);
    const helper = await errorsOf('server/src/core/rules/RF999-example.ts', "import { itemData } from './structure-common';\nexport const x = itemData;\n");
    assert.deepEqual(helper, []);
  });
});

describe('import cycles (scripts/check-cycles.mjs, part of npm run lint)', function () {
  this.timeout(60_000);
  const check = (...folders: string[]) => spawnSync(process.execPath, [path.join(root, 'scripts', 'check-cycles.mjs'), ...folders], { encoding: 'utf8' });

  it('finds none in server/src and client/src', () => {
    const r = check();
    assert.equal(r.status, 0, r.stderr);
  });

  it('fails on a cycle, also one of type-only imports', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'referat-cycle-'));
    writeFileSync(path.join(dir, 'a.ts'), "import type { B } from './b';\nexport interface A { b?: B }\n");
    writeFileSync(path.join(dir, 'b.ts'), "import type { A } from './a';\nexport interface B { a?: A }\n");
    const r = check(dir);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /1 import cycle/);
    assert.match(r.stderr, /a\.ts > .*b\.ts > .*a\.ts/);
  });
});
