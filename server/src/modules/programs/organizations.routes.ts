import type { FastifyRequest } from 'fastify';
import {
  agencyCreateSchema,
  groupCreateSchema,
  groupDtoSchema,
  groupListDtoSchema,
  groupListQuerySchema,
  memberCreateSchema,
  taskCreateSchema,
  taskStatusSchema,
} from '@rg/domain/programs/organization.schema';
import type { AppContext } from '../../core/context.ts';
import { requestContext } from '../../core/http/route-guard.ts';
import type { App } from '../../core/module.ts';
import { OrganizationsService } from './organizations.service.ts';
import { idParams } from './programs.route-params.ts';

/** 领导小组 (P1.2, P1.5): groups, their members and agencies, tasks. */
export function organizationRoutes(app: App, ctx: AppContext): void {
  const organizations = new OrganizationsService(ctx);
  // A retry after a crash (issue 15 finding 1) answers the group as it is now: the created one, or the
  // one named in the URL that the member, agency or task was added to.
  const createdGroup = { replay: (req: FastifyRequest, id: string) => organizations.get(requestContext(req), id) };
  const groupOfUrl = { replay: (req: FastifyRequest) => organizations.get(requestContext(req), (req.params as { id: string }).id) };
  app.get(
    '/programs/groups',
    { schema: { querystring: groupListQuerySchema, response: { 200: groupListDtoSchema } }, config: { access: 'programs.read' } },
    (req) => organizations.list(requestContext(req), req.query.regionCode),
  );
  app.post(
    '/programs/groups',
    {
      schema: { body: groupCreateSchema, response: { 201: groupDtoSchema } },
      config: { access: 'programs.manage', idempotent: createdGroup },
    },
    async (req, reply) => reply.status(201).send(await organizations.create(requestContext(req), req.body)),
  );
  app.get(
    '/programs/groups/:id',
    { schema: { params: idParams, response: { 200: groupDtoSchema } }, config: { access: 'programs.read' } },
    (req) => organizations.get(requestContext(req), req.params.id),
  );
  app.post(
    '/programs/groups/:id/members',
    {
      schema: { params: idParams, body: memberCreateSchema, response: { 201: groupDtoSchema } },
      config: { access: 'programs.manage', idempotent: groupOfUrl },
    },
    async (req, reply) => reply.status(201).send(await organizations.addMember(requestContext(req), req.params.id, req.body)),
  );
  app.post(
    '/programs/groups/:id/agencies',
    {
      schema: { params: idParams, body: agencyCreateSchema, response: { 201: groupDtoSchema } },
      config: { access: 'programs.manage', idempotent: groupOfUrl },
    },
    async (req, reply) => reply.status(201).send(await organizations.addAgency(requestContext(req), req.params.id, req.body)),
  );
  app.post(
    '/programs/groups/:id/tasks',
    {
      schema: { params: idParams, body: taskCreateSchema, response: { 201: groupDtoSchema } },
      config: { access: 'programs.manage', idempotent: groupOfUrl },
    },
    async (req, reply) => reply.status(201).send(await organizations.addTask(requestContext(req), req.params.id, req.body)),
  );
  app.post(
    '/programs/tasks/:id/status',
    { schema: { params: idParams, body: taskStatusSchema, response: { 200: groupDtoSchema } }, config: { access: 'programs.manage' } },
    (req) => organizations.setTaskStatus(requestContext(req), req.params.id, req.body.status, req.body.version),
  );
}
