import * as assert from 'node:assert/strict';
import { count } from '../../server/src/core/plural';

describe('counted words', () => {
  it('uses the singular for one and the plural otherwise, in Danish and English', () => {
    assert.equal(count(1, 'warning', 'da'), '1 advarsel');
    assert.equal(count(2, 'warning', 'da'), '2 advarsler');
    assert.equal(count(0, 'note', 'da'), '0 oplysninger');
    assert.equal(count(1, 'file', 'da'), '1 fil');
    assert.equal(count(1, 'error', 'da'), '1 fejl');
    assert.equal(count(1, 'item', 'en'), '1 item');
    assert.equal(count(6, 'item', 'da'), '6 punkter');
    assert.equal(count(1, 'problem', 'en'), '1 problem');
  });
});
