import type { FastifyReply } from 'fastify';
import {
  changePasswordSchema,
  loginResultSchema,
  loginSchema,
  scopeSwitchSchema,
  sessionDtoSchema,
  sessionOkDtoSchema,
  totpSchema,
} from '@rg/domain/access/user.schema';
import { SESSION_COOKIE } from '../../core/access/sessions.ts';
import type { AppContext } from '../../core/context.ts';
import { AppError } from '../../core/http/errors.ts';
import { requestContext } from '../../core/http/route-guard.ts';
import type { App } from '../../core/module.ts';
import { AuthService } from './auth.service.ts';
import { noContentSchema } from '../../core/http/response-serializer.ts';

export function authRoutes(app: App, ctx: AppContext): void {
  const auth = new AuthService(ctx);
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: ctx.config.secureCookies, path: '/' });
  const pending = { access: 'authenticated' as const, allowMfaPending: true, allowPasswordChange: true };

  app.post(
    '/auth/login',
    { schema: { body: loginSchema, response: { 200: loginResultSchema } }, config: { access: 'public' } },
    async (req, reply) => {
      const { result, token } = await auth.login(requestContext(req), req.body.username, req.body.password);
      if (token) setCookie(reply, token);
      return result;
    },
  );
  app.post('/auth/totp', { schema: { body: totpSchema, response: { 200: sessionOkDtoSchema } }, config: pending }, async (req) => ({
    status: 'ok' as const,
    session: await auth.verifyTotp(requestContext(req), req.session, req.body.code, false),
  }));
  app.post('/auth/totp/enroll', { schema: { body: totpSchema, response: { 200: sessionOkDtoSchema } }, config: pending }, async (req) => ({
    status: 'ok' as const,
    session: await auth.verifyTotp(requestContext(req), req.session, req.body.code, true),
  }));
  app.post('/auth/logout', { schema: { response: { 204: noContentSchema } }, config: pending }, async (req, reply) => {
    if (req.session) await auth.logout(requestContext(req), req.session);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });
  app.get(
    '/session',
    { schema: { response: { 200: sessionDtoSchema } }, config: { access: 'authenticated', allowPasswordChange: true } },
    async (req) => {
      if (!req.session || !req.actor) throw new AppError('unauthenticated', 'error.unauthenticated');
      return auth.sessionDto(req.actor.userId, req.session);
    },
  );
  app.post(
    '/session/password',
    {
      schema: { body: changePasswordSchema, response: { 200: sessionDtoSchema } },
      config: { access: 'authenticated', allowPasswordChange: true },
    },
    async (req) => {
      if (!req.session) throw new AppError('unauthenticated', 'error.unauthenticated');
      return auth.changePassword(requestContext(req), req.session, req.body.currentPassword, req.body.newPassword);
    },
  );
  app.put(
    '/session/scope',
    { schema: { body: scopeSwitchSchema, response: { 200: sessionDtoSchema } }, config: { access: 'authenticated' } },
    async (req) => {
      if (!req.session) throw new AppError('unauthenticated', 'error.unauthenticated');
      return auth.switchScope(requestContext(req), req.session, req.body.regionCode);
    },
  );
}
