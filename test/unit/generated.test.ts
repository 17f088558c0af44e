/**
 * Lists written from the code (scripts/generate.mjs): the rule and profile registries (one module a rule
 * file, one profile a JSON file), the `referat.profile` setting's enum in
 * package.json, from the built-in profiles, and the README's rule table, from the rule registry.
 * The committed files must be what the script writes: run `npm run generate` after adding a
 * profile or a rule.
 */
import * as assert from 'node:assert/strict';
import { BUILTIN_PROFILE_JSON } from '../../server/src/core/profiles/builtin';
import { ALL_CODES } from '../../server/src/core/rules/index';
import { ROOT } from './helpers';

interface Generated {
  name: string;
  committed: string;
  wanted: string;
}
interface GenerateModule {
  generatedFiles(root: string): Generated[];
  profileEnum(): { enum: string[]; enumDescriptions: string[] };
}
const load = () => import('../../scripts/generate.mjs' as string) as Promise<GenerateModule>;

describe('generated lists', () => {
  it('the rule and profile registries, package.json and README.md are what npm run generate writes', async () => {
    const { generatedFiles } = await load();
    for (const f of generatedFiles(ROOT)) assert.ok(f.committed === f.wanted, `${f.name} is out of date: run npm run generate`);
  });

  it('referat.profile offers every built-in profile by its name, and detection (empty) first', async () => {
    const { profileEnum } = await load();
    const { enum: ids, enumDescriptions } = profileEnum();
    assert.equal(ids[0], '');
    assert.deepEqual([...ids.slice(1)].sort(), BUILTIN_PROFILE_JSON.map((p) => p.id).sort());
    assert.equal(ids.at(-1), 'generic');
    for (const [k, id] of ids.entries()) if (id) assert.equal(enumDescriptions[k], BUILTIN_PROFILE_JSON.find((p) => p.id === id)!.name);
  });

  it('the README lists every code once, with its page and default severity', async () => {
    const { generatedFiles } = await load();
    const readme = generatedFiles(ROOT).find((f) => f.name === 'README.md')!.committed;
    for (const meta of ALL_CODES) {
      const rows = readme.split('\n').filter((l) => l.startsWith(`| [${meta.code}](docs/rules/${meta.code}.md) |`));
      assert.equal(rows.length, 1, meta.code);
      assert.ok(rows[0].endsWith(`| ${meta.defaultSeverity} |`), rows[0]);
    }
  });
});
