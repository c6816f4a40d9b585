import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { signIn } from '../../../commands/sign-in';
import { errorResponse } from '../../../contract/errors';
import { sessionResponse, signInBody, updateSessionBody, type SessionResponse } from '../../../contract/session';
import type { Db } from '../../../storage/db';
import { listMembershipsOfUser } from '../../../storage/memberships';
import { deleteSession } from '../../../storage/sessions';
import { setLocale, type User } from '../../../storage/users';
import { clearSessionCookie, setSessionCookie } from '../../plugins/auth';

export async function presentSession(db: Db, user: User, csrfToken: string): Promise<SessionResponse> {
  return {
    user: { id: user.id, email: user.email, name: user.name, locale: user.locale },
    isOperator: user.isOperator,
    memberships: await listMembershipsOfUser(db, user.id),
    csrfToken,
  };
}

export default async function sessionRoutes(app: FastifyInstance, options: { db: Db; secureCookies: boolean }) {
  const { db, secureCookies } = options;
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['session'];

  routes.post(
    '/api/v1/session',
    {
      config: { access: 'public', csrf: false },
      schema: {
        tags,
        summary: 'Sign in with email and password',
        body: signInBody,
        response: { 200: sessionResponse, 401: errorResponse, 429: errorResponse },
      },
    },
    async (request, reply) => {
      const result = await signIn(db, { ...request.body, address: request.ip });
      setSessionCookie(reply, result.token, { secure: secureCookies, expires: new Date(result.expiresAt) });
      return presentSession(db, result.user, result.csrfToken);
    },
  );

  routes.get(
    '/api/v1/session',
    { schema: { tags, summary: 'The signed-in user', response: { 200: sessionResponse, 401: errorResponse } } },
    async (request) => presentSession(db, request.user!, request.session!.csrfToken),
  );

  routes.patch(
    '/api/v1/session',
    {
      schema: {
        tags,
        summary: "Change the signed-in user's preferences (language: null follows the browser)",
        body: updateSessionBody,
        response: { 200: sessionResponse, 400: errorResponse, 401: errorResponse, 403: errorResponse },
      },
    },
    async (request) => {
      await setLocale(db, request.user!.id, request.body.locale);
      return presentSession(db, { ...request.user!, locale: request.body.locale }, request.session!.csrfToken);
    },
  );

  routes.delete(
    '/api/v1/session',
    { schema: { tags, summary: 'Sign out (revokes the session)' } },
    async (request, reply) => {
      await deleteSession(db, request.session!.id);
      clearSessionCookie(reply, secureCookies);
      return reply.status(204).send();
    },
  );
}
