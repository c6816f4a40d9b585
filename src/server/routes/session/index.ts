import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getSession } from '../../../commands/get-session';
import { setLanguage } from '../../../commands/set-language';
import { signIn } from '../../../commands/sign-in';
import { signOut } from '../../../commands/sign-out';
import { errorResponses } from '../../../contract/errors';
import { sessionResponse, signInBody, updateSessionBody } from '../../../contract/session';
import type { AppContext } from '../../context';
import { clearSessionCookie, setSessionCookie } from '../../plugins/auth';

export default async function sessionRoutes(app: FastifyInstance, { context }: { context: AppContext }) {
  const secureCookies = context.config.secureCookies;
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['session'];

  routes.post(
    '/api/v1/session',
    {
      config: { access: 'public', csrf: false },
      schema: { tags, summary: 'Sign in with email and password', body: signInBody, response: { 200: sessionResponse, ...errorResponses(400, 401, 429) } },
    },
    async (request, reply) => {
      const result = await signIn(context, request.principal, { ...request.body, address: request.ip });
      setSessionCookie(reply, result.token, { secure: secureCookies, expires: new Date(result.expiresAt) });
      return getSession(context, { kind: 'user', user: result.user }, { csrfToken: result.csrfToken });
    },
  );

  routes.get(
    '/api/v1/session',
    { schema: { tags, summary: 'The signed-in user', response: { 200: sessionResponse, ...errorResponses(401) } } },
    async (request) => getSession(context, request.principal),
  );

  routes.patch(
    '/api/v1/session',
    {
      schema: {
        tags,
        summary: "Change the signed-in user's preferences (language: null follows the browser)",
        body: updateSessionBody,
        response: { 200: sessionResponse, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => setLanguage(context, request.principal, { locale: request.body.locale }),
  );

  routes.delete(
    '/api/v1/session',
    { schema: { tags, summary: 'Sign out (revokes the session)', response: { 204: z.undefined(), ...errorResponses(401, 403) } } },
    async (request, reply) => {
      await signOut(context, request.principal);
      clearSessionCookie(reply, secureCookies);
      return reply.status(204).send();
    },
  );
}
