import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { acceptInvitation } from '../../../commands/accept-invitation';
import { getInvitation } from '../../../commands/get-invitation';
import { getSession } from '../../../commands/get-session';
import { acceptInvitationBody, invitationInfo, invitationParams } from '../../../contract/accounts';
import { errorResponses } from '../../../contract/errors';
import { codeRequiredResponse, sessionResponse } from '../../../contract/session';
import type { AppContext } from '../../context';
import { setSessionCookie } from '../../plugins/auth';

const errors = errorResponses(400, 401, 404, 410);

export default async function invitationRoutes(app: FastifyInstance, { context }: { context: AppContext }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['invitations'];

  routes.get(
    '/api/v1/invitations/:token',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'What an invitation link is for', params: invitationParams, response: { 200: invitationInfo, ...errors } },
    },
    async (request) => getInvitation(context, request.principal, { token: request.params.token }),
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
        response: { 200: sessionResponse, 202: codeRequiredResponse, ...errors },
      },
    },
    async (request, reply) => {
      const result = await acceptInvitation(context, request.principal, {
        token: request.params.token,
        ...request.body,
        client: { userAgent: request.headers['user-agent'], address: request.ip },
      });
      if (result.step === 'code_required') return reply.status(202).send({ codeRequired: true, pendingToken: result.pendingToken, expiresAt: result.expiresAt });
      setSessionCookie(reply, result.token, { secure: context.config.secureCookies, expires: new Date(result.expiresAt) });
      return getSession(context, { kind: 'user', user: result.user }, { csrfToken: result.csrfToken });
    },
  );
}
