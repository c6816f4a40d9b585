import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { acceptInvitation, findOpenInvitation } from '../../../commands/accept-invitation';
import { acceptInvitationBody, invitationInfo, invitationParams } from '../../../contract/accounts';
import { errorResponse } from '../../../contract/errors';
import { sessionResponse } from '../../../contract/session';
import { findAccount } from '../../../storage/accounts';
import type { AppContext } from '../../context';
import { setSessionCookie } from '../../plugins/auth';
import { presentSession } from '../session';

const errors = { 400: errorResponse, 401: errorResponse, 404: errorResponse, 410: errorResponse };

export default async function invitationRoutes(app: FastifyInstance, { context }: { context: AppContext }) {
  const { storage, config } = context;
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['invitations'];

  routes.get(
    '/api/v1/invitations/:token',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'What an invitation link is for', params: invitationParams, response: { 200: invitationInfo, ...errors } },
    },
    async (request) => {
      const { invitation, user, hasPassword } = await findOpenInvitation(storage, request.params.token);
      const account = await findAccount(storage.db, invitation.accountId);
      return {
        email: user.email,
        accountId: invitation.accountId,
        accountName: account?.name ?? '',
        existingUser: hasPassword,
        expiresAt: invitation.expiresAt,
      };
    },
  );

  routes.post(
    '/api/v1/invitations/:token/accept',
    {
      config: { access: 'public', csrf: false },
      schema: {
        tags,
        summary: 'Accept an invitation: set a name and password, and be signed in',
        params: invitationParams,
        body: acceptInvitationBody,
        response: { 200: sessionResponse, ...errors },
      },
    },
    async (request, reply) => {
      const result = await acceptInvitation(storage, { token: request.params.token, ...request.body });
      setSessionCookie(reply, result.token, { secure: config.secureCookies, expires: new Date(result.expiresAt) });
      return presentSession(storage.db, result.user, result.csrfToken);
    },
  );
}
