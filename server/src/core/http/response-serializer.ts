import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify';
import { maskFreeText, maskSealedTokens } from '@rg/domain/personal/free-text';
import { z } from 'zod';
import { freeTextRewrite } from './free-text-fields.ts';

/**
 * Responses are written by fast-json-stringify (the serializer Fastify ships) from each route's zod
 * response schema, turned into JSON Schema once when the route is registered (issue 14 item 5).
 * fastify-type-provider-zod's serializer re-validated every response with zod before
 * JSON.stringify: on a 100-entry ledger page that cost ~18% more than JSON.stringify alone, while
 * the compiled writer is ~14% faster than JSON.stringify (bench in the helper's report). The schema
 * is also an allow-list: a field it does not name never leaves the server, and a missing required
 * field fails the response (500) as zod did. Types zod cannot express in JSON Schema (transforms,
 * dates) are written as JSON.stringify would.
 */
export const compiledSerializerCompiler: FastifySerializerCompiler<unknown> = ({ schema }) => {
  if (!(schema instanceof z.ZodType)) return (data: unknown) => maskSealedTokens(JSON.stringify(data));
  const jsonSchema = z.toJSONSchema(schema, { target: 'draft-7', io: 'output', unrepresentable: 'any' });
  // The two libraries type JSON Schema differently (zod's payload vs fast-json-stringify's subset): same document.
  const write = fastJson(jsonSchema as fastJson.AnySchema);
  // SECURITY.md 30: the free-text fields of every response show personal numbers masked, sealed or not
  // (rows written before sealing too); the full text leaves only through an audited reveal.
  const mask = freeTextRewrite(schema, maskFreeText);
  return mask ? (data: unknown) => maskSealedTokens(write(mask(data))) : (data: unknown) => maskSealedTokens(write(data));
};

/** The response of a route that answers 204 with no body (logout, a deletion), so its document says so. */
export const noContentSchema = z.null().describe('No content');
