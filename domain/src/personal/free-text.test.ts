import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { carrySealed, freeTextRegistry, maskFreeText, maskSealedTokens, replacePersonalNumbers, sealedToken } from './free-text.ts';

const ID = '610423198001010038';
const token = (value: string) => sealedToken(value, `sealed-${value.length}`);

describe('free text: personal numbers (SECURITY.md 30)', () => {
  it('finds 18-digit and 15-digit ID numbers and mobiles standing alone, not digits inside longer runs', () => {
    const found: string[] = [];
    replacePersonalNumbers(`身份证${ID}，旧证610423800101003，电话13912345678；账号6222021234567890123，编号a13912345678`, (v) => {
      found.push(v);
      return v;
    });
    expect(found).toEqual([ID, '610423800101003', '13912345678']);
  });

  it('returns the very same string when there is no number (no copy on the hot path)', () => {
    const text = '邻里因排水沟堵塞发生争执'.repeat(100);
    expect(replacePersonalNumbers(text, () => 'x')).toBe(text);
    expect(maskFreeText(text)).toBe(text);
  });

  it('masks sealed tokens, tokens cut short by a summary, and numbers still in plain (older rows)', () => {
    const stored = `电话${token('13912345678')}，身份证${token(ID)}`;
    expect(maskFreeText(stored)).toBe(`电话139****5678，身份证6104**********0038`);
    expect(maskFreeText(stored.slice(0, 16))).toBe('电话139****5678');
    expect(maskFreeText(`旧记录 ${ID} 13912345678`)).toBe('旧记录 6104**********0038 139****5678');
  });

  it('masks tokens anywhere in a serialized answer, a cut one without eating the JSON around it', () => {
    const json = JSON.stringify({ a: `电话${token('13912345678')}`, b: `${token('13912345678')}`.slice(0, 9), c: 1 });
    expect(JSON.parse(maskSealedTokens(json))).toEqual({ a: '电话139****5678', b: '139****5', c: 1 });
  });

  it('carries sealed numbers across an edit that sends their masks back, in order', () => {
    const previous = `甲${token('13912345678')}乙${token('13912340000')}`;
    expect(carrySealed(previous, '甲139****5678乙139****0000，补充')).toBe(`${previous}，补充`);
    // A mask the editor deleted is not brought back; a new number typed stays for the sealer.
    expect(carrySealed(previous, '乙139****0000 13800000000')).toBe(`乙${token('13912340000')} 13800000000`);
  });

  it('every prose field of the domain schemas is marked free text (anything else long is listed here on purpose)', async () => {
    // Structured or short texts where a number has its own field or no place: addresses, titles, names of places.
    const NOT_PROSE = /\.(address|respondentAddress|title|place|hours|label|ref|text|name|destination)$/;
    const unmarked = new Set<string>();
    const walk = (schema: z.ZodType, at: string, depth: number): void => {
      if (freeTextRegistry.has(schema) || depth > 20) return;
      const def = (schema as unknown as { _zod: { def: { type: string } & Record<string, unknown> } })._zod.def;
      const inner = (s: unknown, p = at) => walk(s as z.ZodType, p, depth + 1);
      if (def.type === 'object') for (const [k, v] of Object.entries(def.shape as object)) inner(v, `${at}.${k}`);
      else if (def.type === 'array') inner(def.element, `${at}[]`);
      else if (def.type === 'union') for (const o of def.options as unknown[]) inner(o);
      else if (def.type === 'pipe') [def.in, def.out].forEach((s) => inner(s));
      else if ('innerType' in def) inner(def.innerType);
      else if (def.type === 'string' && ((schema as z.ZodString).maxLength ?? 0) >= 100 && !NOT_PROSE.test(at)) unmarked.add(at);
    };
    const root = path.join(import.meta.dirname, '..');
    for (const dir of fs.readdirSync(root)) {
      const folder = path.join(root, dir);
      if (!fs.statSync(folder).isDirectory()) continue;
      for (const file of fs.readdirSync(folder).filter((f) => f.endsWith('.schema.ts'))) {
        const exports = (await import(path.join(folder, file))) as Record<string, unknown>;
        for (const [name, value] of Object.entries(exports))
          if (value instanceof z.ZodType && !/Query|Params/.test(name)) walk(value, `${dir}/${file}:${name}`, 0);
      }
    }
    expect([...unmarked].filter((p) => !/password|username/i.test(p))).toEqual([]);
  });
});
