// The layers' invariants are enforced by ESLint (eslint.config.mjs), and `npm run lint` is part of `npm test`.
// These tests prove the rules bite: an import that breaks a layer is an error.
import * as assert from 'node:assert/strict';
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
});
