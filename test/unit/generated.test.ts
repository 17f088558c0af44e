/**
 * Lists written from the code (scripts/generate.mjs): the rule and profile registries (one module a rule
 * file, one profile a JSON file), the `referat.profile` setting's enum in
 * package.json, from the built-in profiles, and the README's rule table, from the rule registry.
 * The committed files must be what the script writes: run `npm run generate` after adding a
 * profile or a rule.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
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

  it('the README names every built-in profile where it lists them (the settings table and the templates paragraph)', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const settingsRow = readme.split('\n').find((l) => l.startsWith('| `referat.profile`')) ?? '';
    for (const p of BUILTIN_PROFILE_JSON) {
      const place = p.id === 'generic' ? 'generic' : p.name.replace(/ Kommune$/, '');
      assert.ok(settingsRow.includes(place), `the referat.profile row names ${place}`);
      assert.ok(readme.includes(place), `README names ${place}`);
    }
  });

  it('referat check --help and config.schema.json name every built-in profile by id', async () => {
    const { USAGE } = await import('../../server/src/cli/args');
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'server', 'src', 'core', 'config.schema.json'), 'utf8'));
    for (const p of BUILTIN_PROFILE_JSON) {
      assert.match(USAGE, new RegExp(`--profile ID .*\\b${p.id}\\b`), `help names ${p.id}`);
      assert.ok(schema.properties.profile.description.includes(p.id), `schema names ${p.id}`);
    }
  });

  it('referat.profile offers every built-in profile by its name, and detection (empty) first', async () => {
    const { profileEnum } = await load();
    const { enum: ids, enumDescriptions } = profileEnum();
    assert.equal(ids[0], '');
    assert.deepEqual([...ids.slice(1)].sort(), BUILTIN_PROFILE_JSON.map((p) => p.id).sort());
    assert.equal(ids.at(-1), 'generic');
    for (const [k, id] of ids.entries()) if (id) assert.equal(enumDescriptions[k], BUILTIN_PROFILE_JSON.find((p) => p.id === id)!.name);
  });

  it('the README lists every code once, with its page, family, default severity and whether it offers fixes', async () => {
    const { generatedFiles } = await load();
    const readme = generatedFiles(ROOT).find((f) => f.name === 'README.md')!.committed;
    for (const meta of ALL_CODES) {
      const rows = readme.split('\n').filter((l) => l.startsWith(`| [${meta.code}](docs/rules/${meta.code}.md) |`));
      assert.equal(rows.length, 1, meta.code);
      assert.ok(rows[0].endsWith(`| ${meta.tags[0]} | ${meta.defaultSeverity} | ${meta.fixable ? 'yes' : ''} |`), rows[0]);
    }
  });
});
