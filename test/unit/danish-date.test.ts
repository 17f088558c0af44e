/** The New document dialog takes the date as a Danish clerk writes it (core/dates.ts typedDateToIso, numericDanishDate). */
import * as assert from 'node:assert/strict';
import { numericDanishDate as danishDate, typedDateToIso as danishDateToIso } from '../../server/src/core/dates';

describe('Danish dates in the New document dialog', () => {
  it('reads 23-11-2026 (and 23.11.2026, 23/11/2026, 3-1-2027) as ISO', () => {
    assert.equal(danishDateToIso('23-11-2026'), '2026-11-23');
    assert.equal(danishDateToIso(' 23.11.2026 '), '2026-11-23');
    assert.equal(danishDateToIso('23/11/2026'), '2026-11-23');
    assert.equal(danishDateToIso('3-1-2027'), '2027-01-03');
  });

  it('still takes the ISO form', () => {
    assert.equal(danishDateToIso('2026-11-23'), '2026-11-23');
  });

  it('refuses what is no calendar date', () => {
    for (const bad of ['31-11-2026', '29-02-2026', '11-23-2026', '23-11-26', 'mandag', '']) assert.equal(danishDateToIso(bad), null, bad);
    assert.equal(danishDateToIso('29-02-2028'), '2028-02-29');
  });

  it('proposes today as 23-11-2026', () => {
    assert.equal(danishDate(new Date(2026, 10, 23)), '23-11-2026');
  });
});
