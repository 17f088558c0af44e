/**
 * The message catalogue: every text Referat shows is data (core/messages.ts), in Danish and
 * English, and both languages use the same placeholders. Rule tests assert message ids and
 * data; this one test checks the words of every catalogue at once.
 */
import * as assert from 'node:assert/strict';
import { formatMessage, placeholdersOf, registeredCatalogues, type Localized, type Messages } from '../../server/src/core/messages';
import { ALL_CODES } from '../../server/src/core/rules/index';
import { analyze } from '../../server/src/core/analyze';
// Every module with a catalogue of its own (catalogue('owner', …) registers it when the module loads), listed
// here so this file checks them all when run alone; CATALOGUE_OWNERS below must then be exactly what registered.
import '../../server/src/cli/texts';
import '../../server/src/core/config-check';
import '../../server/src/core/outline';
import '../../server/src/core/overview';
import '../../server/src/core/rules/table-common';
import '../../server/src/core/run-rules';
import '../../server/src/core/tables/explain';
import '../../server/src/features/texts';

/** The catalogues besides the codes', by owner: a new one is added here (and its module imported above). */
const CATALOGUE_OWNERS = ['cli', 'config.parseErrors', 'editor', 'kinds', 'lists', 'outcomes', 'outline', 'overview', 'run-rules', 'tables', 'tables.added', 'tables.hover', 'tables.readings'];

/** Every catalogue by owner: each code's messages and description, and the registered ones. */
function allCatalogues(): [string, Messages][] {
  const out: [string, Messages][] = [];
  for (const meta of ALL_CODES) out.push([meta.code, { ...meta.messages, description: meta.description }]);
  for (const [owner, messages] of registeredCatalogues()) out.push([owner, messages]);
  return out;
}

describe('the message catalogue', () => {
  const catalogues = allCatalogues();

  it('holds every code and exactly the listed other catalogues', () => {
    assert.deepEqual([...registeredCatalogues().keys()].sort(), [...CATALOGUE_OWNERS].sort());
    assert.equal(catalogues.length, ALL_CODES.length + CATALOGUE_OWNERS.length);
    for (const meta of ALL_CODES) assert.ok(Object.keys(meta.messages).length > 0, `${meta.code} has messages`);
  });

  for (const [owner, messages] of catalogues) {
    it(`${owner}: every message in Danish and English with the same placeholders`, () => {
      for (const [id, m] of Object.entries(messages) as [string, Localized][]) {
        assert.ok(m.da.trim().length > 0 && m.en.trim().length > 0, `${owner}.${id} has both languages`);
        assert.deepEqual(placeholdersOf(m.da), placeholdersOf(m.en), `${owner}.${id}: placeholders differ`);
        assert.ok(!/\$\{/.test(m.da + m.en), `${owner}.${id}: a template literal left in the text`);
      }
    });
  }

  // Danish quotes with »…«; "…" only where the text quotes JSON (the configuration's keys and values).
  const QUOTES_JSON = new Set(['RF099', 'config.parseErrors']);
  for (const [owner, messages] of catalogues.filter(([o]) => !QUOTES_JSON.has(o))) {
    it(`${owner}: Danish quotes with »…«`, () => {
      for (const [id, m] of Object.entries(messages) as [string, Localized][]) assert.doesNotMatch(m.da, /"[^"]*"/, `${owner}.${id}`);
    });
  }

  it('fills placeholders in both languages and refuses a missing one', () => {
    const m = { da: 'Punkt {number} »{title}«', en: 'item {number} "{title}"' };
    assert.deepEqual(formatMessage(m, { number: 3, title: 'Budget' }), { da: 'Punkt 3 »Budget«', en: 'item 3 "Budget"' });
    assert.deepEqual(formatMessage({ da: '{kind}', en: '{kind}' }, { kind: { da: 'referatet', en: 'the minutes' } }), { da: 'referatet', en: 'the minutes' });
    assert.throws(() => formatMessage(m, { number: 3 }), /\{title\}/);
  });

  it('leaves JSON examples alone: { "RF090": "off" } is not a placeholder', () => {
    assert.deepEqual(placeholdersOf('et objekt ({ "RF090": "off" })'), []);
  });

  it('gives every finding a message id of its code\'s catalogue', () => {
    const text = 'REFERAT\n\nPunkt 1: Budget\n\nIndstilling\n\nGodkendes.\n\nPunkt 3: Plan\n\nBeslutning\n\n';
    const { findings } = analyze(text);
    assert.ok(findings.length > 0);
    for (const f of findings) {
      const meta = ALL_CODES.find((c) => c.code === f.code)!;
      assert.ok(f.messageId && f.messageId in meta.messages, `${f.code} ${f.messageId}`);
    }
  });
});
