/** Every code the tool reports: in code order, unique, and documented in docs/rules/. */
import * as assert from 'node:assert/strict';
import { ADAPTER_CODES, ALL_CODES, DOCUMENT_SET_RULES, RULES } from '../../../server/src/core/rules/index';
import { assertDocsPage } from './conventions';

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
    RF098: { inline: false },
    RF099: { off: false, inline: false },
  };
  for (const meta of ALL_CODES) {
    it(`${meta.code} has a docs page of the agreed form`, () => assertDocsPage(meta, fileLevel[meta.code]));
  }
});
