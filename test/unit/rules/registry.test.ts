/** Every code the tool reports: in code order, unique, and documented in docs/rules/. */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../server/src/core/analyze';
import { compareAgendaAndMinutes, indexMeeting } from '../../../server/src/core/crossdoc';
import type { Finding } from '../../../server/src/core/model';
import { ADAPTER_CODES, ALL_CODES, DOCUMENT_SET_RULES, RULE_TAGS, RULES } from '../../../server/src/core/rules/index';
import { FIXTURES } from '../helpers';
import { assertDocsPage } from './conventions';

/** Every finding of every hand-made fixture (and the agenda and minutes of the crossdoc fixtures compared). */
function fixtureFindings(): Finding[] {
  const out: Finding[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (/\.(txt|md)$/.test(name)) out.push(...analyze(readFileSync(file, 'utf8')).findings);
    }
  };
  walk(path.join(FIXTURES, 'rules'));
  const meeting = (name: string) => indexMeeting(name, analyze(readFileSync(path.join(FIXTURES, 'rules', 'crossdoc', name), 'utf8')).model);
  out.push(...compareAgendaAndMinutes(meeting('agenda.txt'), meeting('minutes.txt')));
  return out;
}

describe('the rule registry', () => {
  it('keeps the rule list in code order', () => {
    const codes = RULES.map((r) => r.code);
    assert.deepEqual(codes, [...codes].sort());
  });

  it('never uses a code twice', () => {
    const codes = [...RULES, ...DOCUMENT_SET_RULES, ...ADAPTER_CODES].map((r) => r.code);
    assert.equal(new Set(codes).size, codes.length);
  });

  // Codes about a whole file cannot be switched off by a line in it; RF099 not at all.
  const fileLevel: Record<string, { off?: boolean; inline?: boolean }> = {
    RF090: { inline: false },
    RF091: { inline: false },
    RF097: { inline: false },
    RF098: { inline: false },
    RF099: { off: false, inline: false },
  };
  for (const meta of ALL_CODES) {
    it(`${meta.code} has a docs page of the agreed form`, () => assertDocsPage(meta, fileLevel[meta.code]));
  }

  it('gives every code a family (its first tag), from the known tags', () => {
    for (const meta of ALL_CODES) {
      assert.ok(meta.tags.length > 0, meta.code);
      for (const tag of meta.tags) assert.ok((RULE_TAGS as readonly string[]).includes(tag), `${meta.code}: ${tag}`);
    }
  });

  it('declares fixable exactly for the rules whose findings in the fixtures carry a fix', () => {
    const findings = fixtureFindings();
    for (const meta of ALL_CODES) {
      const own = findings.filter((f) => f.code === meta.code);
      const withFix = own.some((f) => (f.fixes?.length ?? 0) > 0);
      if (meta.fixable) assert.ok(withFix, `${meta.code} is fixable: some fixture finding of it should carry a fix`);
      else assert.ok(!withFix, `${meta.code} offers a fix in a fixture, so it is fixable`);
    }
  });
});
