import { describe, expect, it } from 'vitest';
import { personalNumbersIn } from './personal-numbers.ts';

describe('the privacy scans’ pattern', () => {
  it('finds a full ID number or mobile number wherever it stands as a token', () => {
    expect(personalNumbersIn('{"phone":"13812345678","id":"61042319800101005X"}')).toEqual(['13812345678', '61042319800101005X']);
    expect(personalNumbersIn('申请人电话13812345678，身份证610423198001010058。')).toEqual(['13812345678', '610423198001010058']);
    expect(personalNumbersIn('<w:t>19912345678</w:t>')).toEqual(['19912345678']);
  });

  it('passes masked values and digits inside the hex of an id', () => {
    expect(personalNumbersIn('{"phone":"138****5678","id":"610423********005X"}')).toEqual([]);
    expect(personalNumbersIn('/api/legal/assignments/01a2293e-f18c-74e9-9aab-a13812345678/handover')).toEqual([]);
    expect(personalNumbersIn('01a2293e-f18c-74e9-9aab-138123456789')).toEqual([]);
  });
});
