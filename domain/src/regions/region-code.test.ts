import { describe, expect, it } from 'vitest';
import { ancestorsOf, isRegionCode, isWithin, levelOf, NATION_CODE, parentOf, rangeOf, shortNameOf, villageKindOf } from './region-code.ts';

describe('region codes (统计用区划代码)', () => {
  it('tells the level from the length', () => {
    expect(levelOf('00')).toBe('nation');
    expect(levelOf('61')).toBe('province');
    expect(levelOf('6104')).toBe('city');
    expect(levelOf('610423')).toBe('county');
    expect(levelOf('610423104')).toBe('town');
    expect(levelOf('610423104209')).toBe('village');
    expect(levelOf('610423104209001')).toBe('group');
  });

  it('refuses what is not a code', () => {
    for (const bad of ['', '6', '61042', '6104231', '61a423', '610423104209001x', ' 61']) {
      expect(isRegionCode(bad)).toBe(false);
      expect(() => levelOf(bad)).toThrow();
    }
    expect(isRegionCode('610423104209')).toBe(true);
    expect(isRegionCode(NATION_CODE)).toBe(true);
  });

  it('finds the parent one level up, the nation above provinces, nothing above the nation', () => {
    expect(parentOf('610423104209001')).toBe('610423104209');
    expect(parentOf('610423104209')).toBe('610423104');
    expect(parentOf('610423104')).toBe('610423');
    expect(parentOf('610423')).toBe('6104');
    expect(parentOf('6104')).toBe('61');
    expect(parentOf('61')).toBe('00');
    expect(parentOf('00')).toBeNull();
  });

  it('lists the ancestors outermost first', () => {
    expect(ancestorsOf('610423104209')).toEqual(['00', '61', '6104', '610423', '610423104']);
    expect(ancestorsOf('61')).toEqual(['00']);
    expect(ancestorsOf('00')).toEqual([]);
  });

  it('answers "lies within" by prefix, the nation holding everything', () => {
    expect(isWithin('610423104209', '610423104')).toBe(true);
    expect(isWithin('610423104', '610423104')).toBe(true);
    expect(isWithin('610423113203', '610423104')).toBe(false);
    expect(isWithin('610423', '610423104')).toBe(false);
    expect(isWithin('340321108', '610423')).toBe(false);
    expect(isWithin('340321108', '00')).toBe(true);
  });

  it('gives the half-open index range of a scope, carrying over nines', () => {
    expect(rangeOf('610423104')).toEqual({ from: '610423104', to: '610423105' });
    expect(rangeOf('610429')).toEqual({ from: '610429', to: '610430' });
    expect(rangeOf('6199')).toEqual({ from: '6199', to: '6200' });
    expect(rangeOf('00')).toBeNull();
  });

  it('has ranges that hold exactly the codes within the scope', () => {
    const codes = ['610428999999', '610429', '610429001', '610429999999', '61042999999999', '610430', '610430001', '620000', '610400'];
    for (const scope of ['610429', '610423104', '6199']) {
      const range = rangeOf(scope);
      if (!range) throw new Error('range expected');
      for (const code of codes) {
        const inRange = code >= range.from && code < range.to;
        expect(inRange, `${code} in ${scope}`).toBe(code.startsWith(scope));
      }
    }
  });

  it('tells villages from communities and shortens the committee names', () => {
    expect(villageKindOf('屈家村委会')).toBe('village');
    expect(villageKindOf('鑫园社区居委会')).toBe('community');
    expect(villageKindOf('社树村委会')).toBe('village');
    expect(shortNameOf('屈家村委会')).toBe('屈家村');
    expect(shortNameOf('鑫园社区居委会')).toBe('鑫园社区');
    expect(shortNameOf('东风村民委员会')).toBe('东风村');
    expect(shortNameOf('王桥镇')).toBe('王桥镇');
    // The committee suffix is dropped without doubling 村: 新强村村委会 is the committee of 新强村.
    expect(shortNameOf('新强村村委会')).toBe('新强村');
    expect(shortNameOf('白家村村民委员会')).toBe('白家村');
    expect(shortNameOf('东关居委会')).toBe('东关社区');
  });
});
