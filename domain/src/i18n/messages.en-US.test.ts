import { describe, expect, it } from 'vitest';
import { enUS } from './messages.en-US.ts';
import { zhCN } from './messages.zh-CN.ts';

/** Chinese kept on purpose: the values an imported Excel file must hold (男/女, the template's 说明 sheet). */
const KEPT_CHINESE = ['男', '女', '说明'];
const HAN = /\p{Script=Han}/u;

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

describe("English server messages of the foundation (each module's are checked by the server's conformance test)", () => {
  it('hold exactly the Chinese keys', () => {
    expect(Object.keys(enUS).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it('keep every {placeholder} of the Chinese text', () => {
    const differing = Object.entries(zhCN).filter(([key, zh]) => placeholders(zh).join() !== placeholders(enUS[key] ?? '').join());
    expect(differing.map(([key]) => key)).toEqual([]);
  });

  it('contain no Chinese beyond the kept terms', () => {
    const untranslated = Object.entries(enUS).filter(([, text]) =>
      HAN.test(KEPT_CHINESE.reduce((rest, term) => rest.replaceAll(term, ''), text)),
    );
    expect(untranslated.map(([key]) => key)).toEqual([]);
  });
});
