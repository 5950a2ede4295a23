import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { sealFreeText } from '../crypto/free-text.ts';
import type { App } from '../module.ts';
import { freeTextRewrite } from './free-text-fields.ts';

/**
 * SECURITY.md 30 (issue 15 finding 11): every free-text field of every route's body is sealed before the
 * handler runs, so no module stores an ID number or mobile typed into a description or a note in plain;
 * the response serializer masks the same fields on the way out (`response-serializer.ts`). Deterministic
 * sealing keeps a retried body equal to the first (idempotency hashes it).
 */
export function installFreeTextSealing(app: App, ctx: Pick<AppContext, 'cipher'>): void {
  const seal = (text: string) => sealFreeText(ctx.cipher, text);
  app.addHook('preHandler', async (request) => {
    const schema = request.routeOptions.schema?.body;
    if (!(schema instanceof z.ZodType) || request.body === undefined) return;
    const rewrite = freeTextRewrite(schema, seal);
    if (rewrite) request.body = rewrite(request.body);
  });
}
