import { describe, expect, it } from 'vitest';
import { idCardCheckChar, isValidIdCard } from './id-card.ts';

describe('身份证号 (GB 11643 MOD 11-2)', () => {
  it('accepts the standard example and numbers completed with their check character', () => {
    expect(isValidIdCard('11010519491231002X')).toBe(true);
    expect(isValidIdCard('11010519491231002x')).toBe(true);
    const first17 = '61042319900307123';
    const id = `${first17}${idCardCheckChar(first17)}`;
    expect(isValidIdCard(id)).toBe(true);
    expect(isValidIdCard('61042320000229123' + idCardCheckChar('61042320000229123'))).toBe(true);
  });

  it('computes check characters 0–9 and X as the standard table says', () => {
    expect(idCardCheckChar('11010519491231002')).toBe('X');
    expect(idCardCheckChar('44052418800101001')).toBe('4');
  });

  it('refuses a wrong check character and any changed digit', () => {
    const first17 = '61042319900307123';
    const good = idCardCheckChar(first17);
    const wrong = good === '0' ? '1' : '0';
    expect(isValidIdCard(`${first17}${wrong}`)).toBe(false);
    expect(isValidIdCard('110105194912310021')).toBe(false);
    expect(isValidIdCard(`61042319900307124${good}`)).toBe(false);
  });

  it('refuses impossible birth dates even with a matching check character', () => {
    for (const first17 of ['61042319900230123', '61042319901301123', '61042318991231123', '61042319900100123', '61042319010229123']) {
      expect(isValidIdCard(`${first17}${idCardCheckChar(first17)}`), first17).toBe(false);
    }
  });

  it('refuses wrong shapes', () => {
    for (const bad of ['', '11010519491231002', '11010519491231002XX', '1101051949123100AX', '11010519491231002Y']) {
      expect(isValidIdCard(bad), bad).toBe(false);
    }
  });
});
