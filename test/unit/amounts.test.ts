/** The one grammar of written Danish amounts: numbers.ts reads the number, amounts.ts what its unit is worth. */
import * as assert from 'node:assert/strict';
import { isMoneyUnit, isPercentUnit, isRoundedUnit, moneyMultiplier, moneyUnitAfterNumber } from '../../server/src/core/amounts';
import { parseDanishNumber } from '../../server/src/core/numbers';

describe('the Danish amount grammar', () => {
  it('reads a written amount into value, decimals, unit, multiplier and marker', () => {
    assert.deepEqual(parseDanishNumber('14,4 mio. kr.'), { value: 14.4, decimals: 1, none: false, malformed: false, unit: 'mio. kr.', multiplier: 1e6 });
    assert.deepEqual(parseDanishNumber('1.303*'), { value: 1303, decimals: 0, none: false, malformed: false, unit: '', multiplier: 1, marker: '*' });
    assert.equal(parseDanishNumber('÷ 5.000 t. kr.')!.value, -5000);
    assert.equal(parseDanishNumber('÷ 5.000 t. kr.')!.multiplier, 1e3);
    assert.equal(parseDanishNumber('2 mia. kr.')!.multiplier, 1e9);
    assert.equal(parseDanishNumber('3 mio.')!.multiplier, 1e6);
    assert.equal(parseDanishNumber('450 kr.')!.multiplier, 1);
    assert.equal(parseDanishNumber('12 %')!.multiplier, 1);
    assert.equal(parseDanishNumber('500.00 kr.')!.malformed, true);
    assert.equal(parseDanishNumber('-')!.none, true);
  });

  it('finds the kroner per unit a text states, the largest scale first', () => {
    assert.equal(moneyMultiplier('Beløb i 1.000 kr.'), 1e3);
    assert.equal(moneyMultiplier('Beløb i tusind kroner'), 1e3);
    assert.equal(moneyMultiplier('tkr.'), 1e3);
    assert.equal(moneyMultiplier('mio. kr.'), 1e6);
    assert.equal(moneyMultiplier('Millioner kroner'), 1e6);
    assert.equal(moneyMultiplier('mia.kr.'), 1e9);
    assert.equal(moneyMultiplier('Beløb (kr.)'), 1);
    assert.equal(moneyMultiplier('DKK'), 1);
    assert.equal(moneyMultiplier('Antal deltagere'), null);
    assert.equal(moneyMultiplier('Skrivebordet'), null);
  });

  it('tells rounded, money and percentage units of cells apart', () => {
    for (const unit of ['mio. kr.', 'mio.', 'mia. kr.', 't. kr.']) assert.ok(isRoundedUnit(unit), unit);
    for (const unit of ['kr.', 'pct.', '%', '', undefined]) assert.ok(!isRoundedUnit(unit), String(unit));
    for (const unit of ['kr.', 't. kr.', 'mio. kr.']) assert.ok(isMoneyUnit(unit), unit);
    for (const unit of ['mio.', 'pct.', 'stk.', undefined]) assert.ok(!isMoneyUnit(unit), String(unit));
    assert.ok(isPercentUnit('%') && isPercentUnit('pct.') && !isPercentUnit('kr.') && !isPercentUnit(undefined));
  });

  it('gives the money units after a number in running text, DKK only when asked', () => {
    const withDkk = new RegExp(`^\\d+\\s?(?:${moneyUnitAfterNumber({ dkk: true })})$`, 'u');
    const withoutDkk = new RegExp(`^\\d+\\s?(?:${moneyUnitAfterNumber({ dkk: false })})$`, 'u');
    for (const t of ['5 kr.', '5 kroner', '5 t. kr.', '5 tkr.', '5 tusind kroner', '5 mio. kr.', '5 millioner kroner', '5 mia. kr.', '5 milliarder kr.']) {
      assert.ok(withoutDkk.test(t), t);
    }
    assert.ok(withDkk.test('5 dkk') && !withoutDkk.test('5 dkk'));
    assert.ok(!withDkk.test('5 deltagere'));
  });
});
