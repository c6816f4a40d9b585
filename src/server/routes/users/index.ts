import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeRole } from '../../../commands/change-role';
import { inviteUser } from '../../../commands/invite-user';
import { removeMember } from '../../../commands/remove-member';
import { resendInvitation } from '../../../commands/resend-invitation';
import { accountParams, addUserBody, changeRoleBody, member, membersPage, userParams } from '../../../contract/accounts';
import { errorResponses } from '../../../contract/errors';
import { pageQuery } from '../../../contract/paging';
import { listMembers } from '../../../storage/memberships';
import type { AppContext } from '../../context';

const noContent = z.undefined();
const errors = errorResponses(400, 401, 403, 404, 409);

export default async function userRoutes(app: FastifyInstance, { context }: { context: AppContext }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];

  routes.get(
    '/api/v1/accounts/:accountId/users',
    {
      config: { permission: 'users.read', gate: false },
      schema: { tags, summary: 'The users of an account', params: accountParams, querystring: pageQuery, response: { 200: membersPage, ...errors } },
    },
    async (request) => listMembers(context.storage.db, request.scope.account.id, request.query),
  );

  routes.post(
    '/api/v1/accounts/:accountId/users',
    {
      config: { permission: 'users.manage', gate: false },
      schema: {
        tags,
        summary: 'Give a person access: an existing user gets the membership, a new one an invitation email',
        params: accountParams,
        body: addUserBody,
        response: { 201: member, ...errors },
      },
    },
    async (request, reply) => {
      const created = await inviteUser(context, request.principal, {
        ...request.body,
        scope: request.scope,
        locale: request.body.locale ?? request.locale,
      });
      return reply.status(201).send(created);
    },
  );

  routes.patch(
    '/api/v1/accounts/:accountId/users/:userId',
    {
      config: { permission: 'users.manage', gate: false },
      schema: { tags, summary: "Change a user's role", params: userParams, body: changeRoleBody, response: { 200: member, ...errors } },
    },
    async (request) => changeRole(context, request.principal, { scope: request.scope, userId: request.params.userId, role: request.body.role }),
  );

  routes.delete(
    '/api/v1/accounts/:accountId/users/:userId',
    {
      config: { permission: 'users.manage', gate: false },
      schema: { tags, summary: "Remove a user's access to the account", params: userParams, response: { 204: noContent, ...errors } },
    },
    async (request, reply) => {
      await removeMember(context, request.principal, { scope: request.scope, userId: request.params.userId });
      return reply.status(204).send();
    },
  );

  routes.post(
    '/api/v1/accounts/:accountId/users/:userId/invitation',
    {
      config: { permission: 'users.manage', gate: false },
      schema: {
        tags,
        summary: 'Send a new invitation link to a user who has not accepted yet (older links stop working)',
        params: userParams,
        response: { 202: noContent, ...errors },
      },
    },
    async (request, reply) => {
      await resendInvitation(context, request.principal, { scope: request.scope, userId: request.params.userId, locale: request.locale });
      return reply.status(202).send();
    },
  );
}
