/**
 * What every rule family's tests check the same way: the rule is registered once with
 * its name, severity and both languages, and has a docs page of the agreed form; and
 * each hand-made fixture gives exactly the findings (of every rule) its sidecar x.expected.json lists.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ADAPTER_CODES, ALL_CODES, DOCUMENT_SET_RULES, RULES, type RuleMeta, type RuleTag } from '../../../server/src/core/rules/index';
import { ROOT } from '../helpers';
import { fixturesIn, sidecarName, sidecarOf, type SidecarEntry } from './sidecars';


/**
 * Checks a docs page: title, a Danish part before the English one, the five sections, the default severity and how to turn the
 * rule off: in .referat.json (`off`) and inline (`inline`). Codes about a whole file
 * (RF090, RF098) cannot be switched off by a line in it; RF099 not at all.
 */
export function assertDocsPage(meta: RuleMeta, can: { off?: boolean; inline?: boolean } = {}): void {
  const page = readFileSync(path.join(ROOT, 'docs', 'rules', `${meta.code}.md`), 'utf8');
  assert.ok(page.startsWith(`# ${meta.code} ${meta.name}\n`), `${meta.code}.md starts with its title`);
  for (const heading of ['## What it reports', '## Why', '## Bad', '## Good', '## Configuration']) {
    assert.ok(page.includes(heading), `${meta.code}.md has ${heading}`);
  }
  if (can.off ?? true) assert.ok(page.includes(`"${meta.code}": "off"`), `${meta.code}.md says how to turn it off`);
  if (can.inline ?? true) assert.ok(page.includes(`referat-disable ${meta.code}`), `${meta.code}.md says how to turn it off inline`);
  assert.ok(page.includes(`**Default severity:** ${meta.defaultSeverity}`), `${meta.code}.md states the default severity`);
  // Danish first, then English, on one page.
  const danish = page.indexOf('## På dansk');
  assert.ok(danish > 0 && danish < page.indexOf('## In English'), `${meta.code}.md has a Danish part before the English one`);
  assert.ok(page.slice(danish).includes(meta.description.da), `${meta.code}.md says in Danish what the rule reports`);
  assert.ok(page.includes('**Standardniveau:**'), `${meta.code}.md states the default severity in Danish`);
}

/** The codes of a family (RuleMeta.tags), in code order: the family tests read them from the rules, not from a list of their own. */
export function codesTagged(tag: RuleTag): string[] {
  return ALL_CODES.filter((meta) => meta.tags.includes(tag)).map((meta) => meta.code);
}

/**
 * One test per code of the family `tag`: registered once (as a rule, a document-set rule or an adapter
 * code), with a kebab-case name, both languages and its docs page (which states the default severity).
 */
export function describeRegistration(title: string, tag: RuleTag): void {
  describe(title, () => {
    it('has codes', () => assert.ok(codesTagged(tag).length > 0, tag));
    for (const code of codesTagged(tag)) {
      it(`${code} is registered once with a kebab-case name, both languages and a docs page`, () => {
        const found = [...RULES, ...DOCUMENT_SET_RULES, ...ADAPTER_CODES].filter((r: RuleMeta) => r.code === code);
        assert.equal(found.length, 1);
        const meta = found[0];
        assert.equal(meta.tags[0], tag, 'the family comes first');
        assert.match(meta.name, /^[a-z]+(?:-[a-z]+)*$/);
        assert.ok(meta.description.da.length > 10 && meta.description.en.length > 10);
        assertDocsPage(meta);
      });
    }
  });
}

/**
 * One test per hand-made fixture in `dir`: all findings of all rules (line, column, code, message id) are exactly
 * those of its sidecar x.expected.json (see sidecars.ts; rewritten only by `npm run fixtures:update`).
 */
export function describeFixtures(title: string, dir: string, options: { names?: string[]; atLeast?: number } = {}): void {
  describe(title, () => {
    const names = fixturesIn(dir);
    it('has the fixtures, each with its expected findings', () => {
      if (options.names) assert.deepEqual(names, options.names);
      assert.ok(names.length >= (options.atLeast ?? 1), String(names.length));
      for (const name of names) assert.ok(readdirSync(dir).includes(sidecarName(name)), name);
    });
    for (const name of names) {
      it(`${name}: reports exactly what ${sidecarName(name)} lists, of every rule`, () => {
        const read = (f: string) => readFileSync(path.join(dir, f), 'utf8');
        const expected = JSON.parse(read(sidecarName(name))) as SidecarEntry[];
        const key = (x: SidecarEntry) => `${x.line}:${x.column}:${x.code}:${x.messageId}`;
        assert.deepEqual(sidecarOf(read(name)).map(key), expected.map(key));
      });
    }
  });
}
