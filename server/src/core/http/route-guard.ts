import crypto from 'node:crypto';
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { RouteAccess } from '@rg/domain/access/roles';
import type { Actor } from '../access/actor.ts';
import type { SessionRow } from '../access/sessions.ts';
import { SESSION_COOKIE } from '../access/sessions.ts';
import type { AppContext } from '../context.ts';
import type { App } from '../module.ts';
import { isRole } from '@rg/domain/access/roles';
import { AppError } from './errors.ts';
import { DeniedError } from '../access/authorize.ts';
import type { RateLimitKind } from './rate-limit.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission this route needs; a route without one refuses every request (SECURITY.md 6). */
    access?: RouteAccess;
    /** Reachable while the second factor is still pending (the TOTP step itself). */
    allowMfaPending?: boolean;
    /** Reachable before the forced first-login password change. */
    allowPasswordChange?: boolean;
    /**
     * `false` for a write that leaves no audit entry by design (say why beside it); every other
     * successful write must write one, which the test harness checks (testing/audit-gaps.ts).
     */
    audit?: false;
  }
  interface FastifyRequest {
    actor: Actor | null;
    session: SessionRow | null;
  }
}

export interface DeclaredRoute {
  method: string;
  url: string;
  access: RouteAccess | undefined;
  /** The status codes whose body the route declares (`schema.response`); none for a file download. */
  responses: string[];
  /** Whether a retry with the same Idempotency-Key is answered once (issue 15 finding 1), and how after a crash. */
  idempotent: 'no' | 'yes' | 'replays';
  /** The query parameters its schema names (`schema.querystring`). */
  queryKeys: string[];
  /** What it is rate-limited as (`config.rateLimit`, core/http/rate-limit.ts). */
  rateLimit: RateLimitKind | undefined;
}

function keysOf(schema: unknown): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Loads the actor from the session cookie and enforces the route's declared access, the pending
 * second factor, the forced password change and CSRF, before any handler runs.
 */
export function installRouteGuard(app: App, ctx: AppContext): DeclaredRoute[] {
  const declared: DeclaredRoute[] = [];
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      // Read lazily: a plugin's own onRoute hook may declare access after this one has run.
      declared.push({
        method,
        url: route.url,
        get access() {
          return route.config?.access;
        },
        responses: Object.keys(route.schema?.response ?? {}),
        get idempotent() {
          const idempotent = route.config?.idempotent;
          return idempotent === undefined ? 'no' : idempotent === true ? 'yes' : 'replays';
        },
        get queryKeys() {
          return keysOf(route.schema?.querystring);
        },
        get rateLimit() {
          return route.config?.rateLimit;
        },
      });
    }
  });

  app.addHook('preValidation', async (request) => {
    const config = request.routeOptions.config;
    const access = config.access;
    if (!access) {
      if (request.routeOptions.url === undefined) return; // the 404 handler
      throw new AppError('internal', 'error.internal');
    }
    if (access === 'public') return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) await loadActor(ctx, request, token);
    const actor = request.actor;
    const session = request.session;
    if (!actor || !session) throw new AppError('unauthenticated', 'error.unauthenticated');
    if (session.mfaPending && !config.allowMfaPending) throw new AppError('totp_required', 'error.unauthenticated');
    if (!SAFE_METHODS.has(request.method) && !csrfMatches(request.headers['x-csrf-token'], session.csrfToken)) {
      throw new AppError('csrf', 'error.csrf');
    }
    if (actor.mustChangePassword && !config.allowPasswordChange) {
      throw new AppError('must_change_password', 'error.mustChangePassword');
    }
    if (access !== 'authenticated' && !actor.permissions.has(access)) {
      throw new DeniedError('forbidden', 'error.forbidden', access, null);
    }
  });
  return declared;
}

function csrfMatches(header: string | string[] | undefined, expected: string): boolean {
  if (typeof header !== 'string' || header.length !== expected.length) return false;
  return crypto.timingSafeEqual(Buffer.from(header), Buffer.from(expected));
}

/**
 * Reads the user fresh on every request, so disabling a user or changing their roles applies on
 * their next request (SECURITY.md 4).
 */
async function loadActor(ctx: AppContext, request: FastifyRequest, token: string): Promise<void> {
  const found = await ctx.sessions.find(ctx.db, token);
  if (!found) return;
  const { user, ...session } = found;
  if (!user.active) {
    await ctx.sessions.revoke(ctx.db, session.idHash);
    return;
  }
  const roles = user.roles.filter(isRole);
  request.session = session;
  request.actor = {
    userId: session.userId,
    username: user.username,
    displayName: user.displayName,
    roles,
    homeRegion: user.regionCode,
    scope: session.scopeCode,
    permissions: ctx.permissions.union(roles),
    mustChangePassword: user.mustChangePassword,
  };
}

export function requestContext(request: FastifyRequest): { actor: Actor | null; ip: string | null; requestId: string } {
  return { actor: request.actor, ip: request.ip ?? null, requestId: String(request.id) };
}
