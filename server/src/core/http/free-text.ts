import type { preHandlerAsyncHookHandler } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { sealFreeText } from '../crypto/free-text.ts';
import type { App } from '../module.ts';
import { freeTextRewrite } from './free-text-fields.ts';
import { hooksOf } from './route-hooks.ts';

/**
 * SECURITY.md 30 (issue 15 finding 11): every free-text field of every route's body is sealed before the
 * handler runs, so no module stores an ID number or mobile typed into a description or a note in plain;
 * the response serializer masks the same fields on the way out (`response-serializer.ts`). Deterministic
 * sealing keeps a retried body equal to the first (idempotency hashes it).
 */
export function installFreeTextSealing(app: App, ctx: Pick<AppContext, 'cipher'>): void {
  const seal = (text: string) => sealFreeText(ctx.cipher, text);
  // Only the routes whose body has free text get the hook (first, as a global hook would run).
  app.addHook('onRoute', (route) => {
    const schema = route.schema?.body;
    const rewrite = schema instanceof z.ZodType ? freeTextRewrite(schema, seal) : null;
    if (!rewrite) return;
    const sealBody: preHandlerAsyncHookHandler = async (request) => {
      if (request.body !== undefined) request.body = rewrite(request.body);
    };
    route.preHandler = [sealBody, ...hooksOf(route.preHandler)];
  });
}
