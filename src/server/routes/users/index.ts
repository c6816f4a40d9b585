import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inviteUser } from '../../../commands/invite-user';
import { changeRole, removeMember, resendInvitation } from '../../../commands/manage-members';
import { accountParams, addUserBody, changeRoleBody, member, membersPage, userParams } from '../../../contract/accounts';
import { errorResponse } from '../../../contract/errors';
import { pageQuery } from '../../../contract/paging';
import { lockAccount } from '../../../storage/accounts';
import { writeTransaction } from '../../../storage/db';
import { listMembers } from '../../../storage/memberships';
import type { AppContext } from '../../context';

const noContent = z.undefined();
const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };

export default async function userRoutes(app: FastifyInstance, { context }: { context: AppContext }) {
  const { storage, config } = context;
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];
  const actor = (user: { id: string; name: string; email: string }) => ({ id: user.id, name: user.name || user.email });

  routes.get(
    '/api/v1/accounts/:accountId/users',
    {
      config: { permission: 'users.read', gate: false },
      schema: { tags, summary: 'The users of an account', params: accountParams, querystring: pageQuery, response: { 200: membersPage, ...errors } },
    },
    async (request) => listMembers(storage.db, request.account!.id, request.query),
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
      const account = request.account!;
      const created = await writeTransaction(storage, async (tx) => {
        await lockAccount(tx, storage.dialect, account.id);
        return inviteUser(tx, {
          ...request.body,
          accountId: account.id,
          accountName: account.name,
          locale: request.body.locale ?? request.locale,
          inviter: actor(request.user!),
          publicUrl: config.publicUrl,
        });
      });
      context.wakeWorker();
      return reply.status(201).send(created);
    },
  );

  routes.patch(
    '/api/v1/accounts/:accountId/users/:userId',
    {
      config: { permission: 'users.manage', gate: false },
      schema: { tags, summary: "Change a user's role", params: userParams, body: changeRoleBody, response: { 200: member, ...errors } },
    },
    async (request) =>
      changeRole(storage, { accountId: request.account!.id, userId: request.params.userId, role: request.body.role, actor: actor(request.user!) }),
  );

  routes.delete(
    '/api/v1/accounts/:accountId/users/:userId',
    {
      config: { permission: 'users.manage', gate: false },
      schema: { tags, summary: "Remove a user's access to the account", params: userParams, response: { 204: noContent, ...errors } },
    },
    async (request, reply) => {
      await removeMember(storage, { accountId: request.account!.id, userId: request.params.userId, actor: actor(request.user!) });
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
      await resendInvitation(storage, {
        accountId: request.account!.id,
        accountName: request.account!.name,
        userId: request.params.userId,
        locale: request.locale,
        inviter: actor(request.user!),
        publicUrl: config.publicUrl,
      });
      context.wakeWorker();
      return reply.status(202).send();
    },
  );
}
