import fs from 'node:fs';
import path from 'node:path';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import { todoListDtoSchema } from '@rg/domain/home/todo.schema';
import { z } from 'zod';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import type { App, ModuleManifest } from '../module.ts';
import { DeniedError } from '../access/authorize.ts';
import { installRouteGuard, requestContext, type DeclaredRoute } from './route-guard.ts';
import { notFound, registerErrorHandler } from './errors.ts';
import { installIdempotency } from './idempotency.ts';
import { installFreeTextSealing } from './free-text.ts';
import { compiledSerializerCompiler } from './response-serializer.ts';
import { staticSecurityHeaders } from './security-headers.ts';
import { logOptions } from './log-options.ts';
import type { Writable } from 'node:stream';
import { newId } from '../db/ids.ts';
import { Readiness, stderrFaultLog } from '../health/readiness.ts';
import { installRateLimits } from './rate-limit.ts';

export interface BuiltApp {
  app: App;
  routes: DeclaredRoute[];
}

/** Fastify with security headers, cookies, the route guard, the error format and every module. */
/** What /api/health answers while the process is up (liveness). */
const healthDtoSchema = z.object({ status: z.literal('ok') });
const checkState = z.enum(['ok', 'failing']);
/** What /api/ready answers: each readiness check by name (200 when all pass, else 503); no data, no causes. */
const readyDtoSchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.object({ database: checkState, disk: checkState, groupCommit: checkState }),
});

export async function buildApp(
  ctx: AppContext,
  modules: readonly ModuleManifest[],
  options: { logger?: boolean; logStream?: Writable } = {},
): Promise<BuiltApp> {
  const app = Fastify({
    logger: options.logger ? logOptions(ctx.config.logLevel, options.logStream) : false,
    bodyLimit: 1024 * 1024,
    trustProxy: process.env.TRUST_PROXY === '1',
    genReqId: () => newId(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(compiledSerializerCompiler);

  // SECURITY.md 21: CSP, nosniff, frame-ancestors, Referrer-Policy; HSTS only behind TLS.
  const securityHeaders = staticSecurityHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"], // antd writes its styles at run time
        imgSrc: ["'self'", 'data:', 'blob:'],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: ctx.config.secureCookies ? { maxAge: 31536000 } : false,
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(securityHeaders);
    done();
  });
  // Issue 15 finding 15: nothing under /api is kept by a browser or a proxy (JSON, errors, files alike);
  // the console's hashed assets keep their long cache (serveConsole).
  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.url.startsWith('/api/') && !String(reply.getHeader('cache-control') ?? '').includes('no-store')) {
      reply.header('cache-control', 'no-store');
    }
    done(null, payload);
  });
  await app.register(cookie);

  const routes = installRouteGuard(app, ctx);
  installRateLimits(app, ctx.rateLimiter);
  installIdempotency(app, ctx);
  installFreeTextSealing(app, ctx);
  const readiness = new Readiness(ctx, options.logger ? app.log : stderrFaultLog);
  app.addHook('onClose', async () => readiness.stop());
  registerErrorHandler(
    app,
    async (request, err) => {
      if (!(err instanceof DeniedError)) return;
      await ctx.audit.record(ctx.db, requestContext(request), {
        action: 'access.denied',
        result: 'denied',
        objectRegion: err.targetRegion,
        detail: { method: request.method, url: request.routeOptions.url ?? request.url, permission: err.permission },
      });
    },
    (fault) => readiness.met(fault),
  );

  await registerApiDocs(app);
  app.get('/api/health', { schema: { response: { 200: healthDtoSchema } }, config: { access: 'public' } }, async () => ({
    status: 'ok' as const,
  }));
  app.get(
    '/api/ready',
    { schema: { response: { 200: readyDtoSchema, 503: readyDtoSchema } }, config: { access: 'public' } },
    async (_request, reply) => {
      const report = await readiness.check();
      const state = (cause: string | null) => (cause === null ? ('ok' as const) : ('failing' as const));
      return reply.status(report.ready ? 200 : 503).send({
        status: report.ready ? 'ready' : 'not_ready',
        checks: { database: state(report.checks.database), disk: state(report.checks.disk), groupCommit: state(report.checks.groupCommit) },
      });
    },
  );
  // 待办: every module adds its pending items for the actor (ISSUE 2 item 7).
  app.get('/api/todos', { schema: { response: { 200: todoListDtoSchema } }, config: { access: 'authenticated' } }, async (request) => {
    const actor = request.actor;
    if (!actor) return { items: [] };
    const lists = await Promise.all(modules.map((m) => m.todos?.(ctx, actor) ?? Promise.resolve([])));
    return { items: lists.flat() };
  });
  await app.register(
    async (api) => {
      // Each module in its own encapsulated context, so its content-type parsers (uploads) and
      // decorators cannot collide with another module's.
      for (const module of modules) await api.register(async (scoped) => module.routes(scoped as App, ctx));
    },
    { prefix: '/api' },
  );
  await serveConsole(app, ctx.config.webDist);
  return { app, routes };
}

/**
 * OpenAPI from the zod schemas, with Swagger UI at /api/docs for signed-in users (ARCHITECTURE.md
 * "Chosen parts"). Swagger UI's routes are declared `authenticated` by a hook in its own context.
 */
async function registerApiDocs(app: App): Promise<void> {
  await app.register(swagger, {
    openapi: { info: { title: '乡村治理试点示范平台 API', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });
  await app.register(async (docs) => {
    docs.addHook('onRoute', (route) => {
      route.config = { ...route.config, access: 'authenticated' };
    });
    await docs.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: false });
  });
}

/** The built console, with the single-page fallback for its client-side routes. */
async function serveConsole(app: App, webDist: string): Promise<void> {
  if (!fs.existsSync(`${webDist}/index.html`)) return;
  await app.register(fastifyStatic, { root: webDist, serve: false });
  const indexHtml = fs.readFileSync(`${webDist}/index.html`, 'utf8');
  app.get('/*', { config: { access: 'public' } }, async (request, reply) => {
    if (request.url.startsWith('/api/')) throw notFound();
    const file = path.posix.normalize(decodeURIComponent(request.url.split('?')[0] ?? '/'));
    if (file.startsWith('/assets/') && fs.existsSync(path.join(webDist, file))) {
      // Named hashed files never change: a year, immutable (sendFile's own default, max-age=0, overrode a header set here).
      return reply.sendFile(file.slice(1), { maxAge: 365 * 24 * 3600 * 1000, immutable: true });
    }
    if (file !== '/' && !file.includes('..') && fs.existsSync(path.join(webDist, file)) && fs.statSync(path.join(webDist, file)).isFile()) {
      return reply.sendFile(file.slice(1));
    }
    return reply.type('text/html').send(indexHtml);
  });
}
