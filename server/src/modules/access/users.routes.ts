import { z } from 'zod';
import {
  passwordResetSchema,
  revealedPhoneDtoSchema,
  roleMetaListDtoSchema,
  userCreateSchema,
  userDtoSchema,
  userListQuerySchema,
  userPageDtoSchema,
  userStatusSchema,
  userUpdateSchema,
} from '@rg/domain/access/user.schema';
import type { AppContext } from '../../core/context.ts';
import { requestContext } from '../../core/http/route-guard.ts';
import type { App } from '../../core/module.ts';
import { UsersService } from './users.service.ts';
import { sendXlsx } from '../../core/export/xlsx.ts';
import { noContentSchema } from '../../core/http/response-serializer.ts';

const idParams = z.object({ id: z.uuid('error.notFound') });

export function usersRoutes(app: App, ctx: AppContext): void {
  const users = new UsersService(ctx);
  app.get(
    '/users',
    {
      schema: { querystring: userListQuerySchema, response: { 200: userPageDtoSchema } },
      config: { rateLimit: 'search', access: 'user.read' },
    },
    (req) => users.list(requestContext(req), req.query),
  );
  app.post(
    '/users',
    { schema: { body: userCreateSchema, response: { 201: userDtoSchema } }, config: { access: 'user.manage', idempotent: true } },
    async (req, reply) => reply.status(201).send(await users.create(requestContext(req), req.body)),
  );
  app.get(
    '/users/export.xlsx',
    { schema: { querystring: userListQuerySchema }, config: { rateLimit: 'export', access: 'user.export' } },
    async (req, reply) => sendXlsx(reply, '用户列表.xlsx', await users.export(requestContext(req), req.query)),
  );
  app.get('/users/:id', { schema: { params: idParams, response: { 200: userDtoSchema } }, config: { access: 'user.read' } }, (req) =>
    users.get(requestContext(req), req.params.id),
  );
  app.patch(
    '/users/:id',
    { schema: { params: idParams, body: userUpdateSchema, response: { 200: userDtoSchema } }, config: { access: 'user.manage' } },
    (req) => users.update(requestContext(req), req.params.id, req.body),
  );
  app.put(
    '/users/:id/status',
    { schema: { params: idParams, body: userStatusSchema, response: { 200: userDtoSchema } }, config: { access: 'user.manage' } },
    (req) => users.setStatus(requestContext(req), req.params.id, req.body.version, req.body.status),
  );
  app.post(
    '/users/:id/password',
    { schema: { params: idParams, body: passwordResetSchema, response: { 204: noContentSchema } }, config: { access: 'user.manage' } },
    async (req, reply) => {
      await users.resetPassword(requestContext(req), req.params.id, req.body.newPassword);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/users/:id/reveal-phone',
    { schema: { params: idParams, response: { 200: revealedPhoneDtoSchema } }, config: { access: 'personal.reveal' } },
    (req) => users.revealPhone(requestContext(req), req.params.id),
  );
  app.get('/meta/roles', { schema: { response: { 200: roleMetaListDtoSchema } }, config: { access: 'user.read' } }, (req) => {
    const actor = req.actor;
    const grantable = actor ? users.grantableRoles(actor) : [];
    return { items: ctx.permissions.roles().map((role) => ({ role, grantable: grantable.includes(role) })) };
  });
}
