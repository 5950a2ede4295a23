import { freeTextRegistry } from '@rg/domain/personal/free-text';
import type { z } from 'zod';

/** Rewrites the free-text strings of a value shaped by a schema; everything else is passed through. */
export type FreeTextRewrite = (value: unknown) => unknown;

type Def = { type: string } & Record<string, unknown>;
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function chain(fixes: (FreeTextRewrite | null)[]): FreeTextRewrite | null {
  const present = fixes.filter((f): f is FreeTextRewrite => f !== null);
  if (present.length === 0) return null;
  if (present.length === 1) return present[0] ?? null;
  return (value) => present.reduce((v, f) => f(v), value);
}

/**
 * The rewrite of every string a schema marks with `freeText()` (SECURITY.md 30), found once per schema
 * by walking it (objects, arrays, optional/nullable/default wrappers, unions, pipes, records); null when
 * the schema has none, so routes without free text pay nothing. Objects are copied, never mutated: a
 * response may hold a cached value.
 */
function compile(schema: z.ZodType, rewrite: (text: string) => string, depth: number): FreeTextRewrite | null {
  if (freeTextRegistry.has(schema)) return (value) => (typeof value === 'string' ? rewrite(value) : value);
  if (depth > 32) return null;
  const def = defOf(schema);
  const inner = (s: unknown) => compile(s as z.ZodType, rewrite, depth + 1);
  switch (def.type) {
    case 'object': {
      const fields = Object.entries(def.shape as Record<string, z.ZodType>)
        .map(([key, child]) => [key, inner(child)] as const)
        .filter((entry): entry is readonly [string, FreeTextRewrite] => entry[1] !== null);
      if (fields.length === 0) return null;
      return (value) => {
        if (!isRecord(value)) return value;
        const copy = { ...value };
        for (const [key, fix] of fields) if (key in copy) copy[key] = fix(copy[key]);
        return copy;
      };
    }
    case 'array': {
      const fix = inner(def.element);
      return fix && ((value) => (Array.isArray(value) ? value.map(fix) : value));
    }
    case 'record': {
      const fix = inner(def.valueType);
      return fix && ((value) => (isRecord(value) ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fix(v)])) : value));
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return inner(def.innerType);
    case 'pipe':
      return chain([inner(def.in), inner(def.out)]);
    case 'union':
      return chain((def.options as z.ZodType[]).map(inner));
    case 'intersection':
      return chain([inner(def.left), inner(def.right)]);
    default:
      return null;
  }
}

const cache = new WeakMap<z.ZodType, WeakMap<(text: string) => string, FreeTextRewrite | null>>();

export function freeTextRewrite(schema: z.ZodType, rewrite: (text: string) => string): FreeTextRewrite | null {
  let bySchema = cache.get(schema);
  if (!bySchema) cache.set(schema, (bySchema = new WeakMap()));
  if (!bySchema.has(rewrite)) bySchema.set(rewrite, compile(schema, rewrite, 0));
  return bySchema.get(rewrite) ?? null;
}
