import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getSession } from '../../../commands/get-session';
import { setLanguage } from '../../../commands/set-language';
import { signIn } from '../../../commands/sign-in';
import { signOut } from '../../../commands/sign-out';
import { errorResponses } from '../../../contract/errors';
import { completeTwoStepSignIn } from '../../../commands/complete-two-step-sign-in';
import { requestPasswordReset } from '../../../commands/request-password-reset';
import { resetPassword } from '../../../commands/reset-password';
import {
  codeRequiredResponse,
  passwordResetBody,
  passwordResetRequestBody,
  sessionResponse,
  signInBody,
  twoStepSignInBody,
  updateSessionBody,
} from '../../../contract/session';
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
      schema: {
        tags,
        summary: 'Sign in with email and password (202 when two-step sign-in wants a code: no session yet)',
        body: signInBody,
        response: { 200: sessionResponse, 202: codeRequiredResponse, ...errorResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const result = await signIn(context, request.principal, { ...request.body, address: request.ip, userAgent: request.headers['user-agent'] });
      if (result.step === 'code_required') return reply.status(202).send({ codeRequired: true, pendingToken: result.pendingToken, expiresAt: result.expiresAt });
      setSessionCookie(reply, result.token, { secure: secureCookies, expires: new Date(result.expiresAt) });
      return getSession(context, { kind: 'user', user: result.user }, { csrfToken: result.csrfToken });
    },
  );

  routes.post(
    '/api/v1/session/two-step',
    {
      config: { access: 'public', csrf: false },
      schema: {
        tags,
        summary: 'Second step of a sign-in: a code from the authenticator app, or a recovery code (once each)',
        body: twoStepSignInBody,
        response: { 200: sessionResponse, ...errorResponses(400, 410, 422, 429) },
      },
    },
    async (request, reply) => {
      const result = await completeTwoStepSignIn(context, request.principal, { ...request.body, address: request.ip, userAgent: request.headers['user-agent'] });
      setSessionCookie(reply, result.token, { secure: secureCookies, expires: new Date(result.expiresAt) });
      return getSession(context, { kind: 'user', user: result.user }, { csrfToken: result.csrfToken });
    },
  );

  routes.post(
    '/api/v1/session/password-reset',
    {
      config: { access: 'public', csrf: false },
      schema: {
        tags,
        summary: 'Email a password reset link (the same answer whether or not the address has an account)',
        body: passwordResetRequestBody,
        response: { 202: z.undefined(), ...errorResponses(400, 429) },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(context, request.principal, { email: request.body.email, address: request.ip, locale: request.locale });
      return reply.status(202).send();
    },
  );

  routes.post(
    '/api/v1/session/password-reset/complete',
    {
      config: { access: 'public', csrf: false },
      schema: {
        tags,
        summary: 'Set a new password with a reset link (single use, one hour); every session of the person ends',
        body: passwordResetBody,
        response: { 204: z.undefined(), ...errorResponses(400, 410) },
      },
    },
    async (request, reply) => {
      await resetPassword(context, request.principal, { ...request.body, address: request.ip, userAgent: request.headers['user-agent'] });
      return reply.status(204).send();
    },
  );

  routes.get(
    '/api/v1/session',
    { config: { sessionReadsAlong: 'memberships' }, schema: { tags, summary: 'The signed-in user', response: { 200: sessionResponse, ...errorResponses(401) } } },
    async (request) => getSession(context, request.principal, { memberships: request.membershipsInSession }),
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
