import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changePassword } from '../../../commands/change-password';
import { endOtherSessions, endSession } from '../../../commands/end-sessions';
import { getProfile } from '../../../commands/get-profile';
import { listOwnSecurityLog, listSecurityLog } from '../../../commands/list-security-log';
import {
  getAccountTwoStepRequirement,
  getOperatorTwoStepRequirement,
  setAccountTwoStepRequirement,
  setOperatorTwoStepRequirement,
} from '../../../commands/set-two-step-requirement';
import { confirmTwoStep, startTwoStepEnrolment, turnOffTwoStep } from '../../../commands/two-step';
import { updateProfile } from '../../../commands/update-profile';
import { accountParams } from '../../../contract/accounts';
import { errorResponses } from '../../../contract/errors';
import { pageQuery } from '../../../contract/paging';
import {
  changePasswordBody,
  passwordBody,
  profileResponse,
  recoveryCodesResponse,
  securityLogResponse,
  sessionIdParams,
  twoStepConfirmBody,
  twoStepRequirement,
  twoStepSetupResponse,
  updateProfileBody,
} from '../../../contract/profile';
import type { AppContext } from '../../context';

const clientOf = (request: FastifyRequest) => ({ address: request.ip, userAgent: request.headers['user-agent'] ?? null });

/** The signed-in person's own account: name, language, password, sessions, two-step sign-in, security log. */
export default async function profileRoutes(app: FastifyInstance, { context }: { context: AppContext }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['profile'];

  routes.get(
    '/api/v1/profile',
    { schema: { tags, summary: 'Your profile, two-step sign-in and active sessions', response: { 200: profileResponse, ...errorResponses(401) } } },
    async (request) => getProfile(context, request.principal),
  );

  routes.patch(
    '/api/v1/profile',
    { schema: { tags, summary: 'Change your name or language', body: updateProfileBody, response: { 200: profileResponse, ...errorResponses(400, 401, 403) } } },
    async (request) => updateProfile(context, request.principal, request.body),
  );

  routes.post(
    '/api/v1/profile/password',
    {
      schema: {
        tags,
        summary: 'Change your password (the current one required); your other sessions end',
        body: changePasswordBody,
        response: { 204: z.undefined(), ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      await changePassword(context, request.principal, { ...request.body, ...clientOf(request) });
      return reply.status(204).send();
    },
  );

  routes.delete(
    '/api/v1/profile/sessions/:sessionId',
    { schema: { tags, summary: 'Sign one of your sessions out', params: sessionIdParams, response: { 204: z.undefined(), ...errorResponses(401, 403, 404) } } },
    async (request, reply) => {
      await endSession(context, request.principal, { sessionId: request.params.sessionId, ...clientOf(request) });
      return reply.status(204).send();
    },
  );

  routes.delete(
    '/api/v1/profile/sessions',
    { schema: { tags, summary: 'Sign out everywhere else (every session but this one)', response: { 204: z.undefined(), ...errorResponses(401, 403) } } },
    async (request, reply) => {
      await endOtherSessions(context, request.principal, clientOf(request));
      return reply.status(204).send();
    },
  );

  routes.post(
    '/api/v1/profile/two-step/setup',
    {
      schema: {
        tags,
        summary: 'Start setting up two-step sign-in: a new secret and its QR code (409 when already on)',
        response: { 200: twoStepSetupResponse, ...errorResponses(401, 403, 409) },
      },
    },
    async (request) => startTwoStepEnrolment(context, request.principal),
  );

  routes.post(
    '/api/v1/profile/two-step/confirm',
    {
      schema: {
        tags,
        summary: 'Turn two-step sign-in on with a code from the app; answers the ten recovery codes, once',
        body: twoStepConfirmBody,
        response: { 200: recoveryCodesResponse, ...errorResponses(400, 401, 403, 409, 422, 429) },
      },
    },
    async (request) => confirmTwoStep(context, request.principal, { code: request.body.code, ...clientOf(request) }),
  );

  routes.post(
    '/api/v1/profile/two-step/disable',
    {
      schema: { tags, summary: 'Turn two-step sign-in off (the password required)', body: passwordBody, response: { 204: z.undefined(), ...errorResponses(400, 401, 403, 409) } },
    },
    async (request, reply) => {
      await turnOffTwoStep(context, request.principal, { password: request.body.password, ...clientOf(request) });
      return reply.status(204).send();
    },
  );

  routes.get(
    '/api/v1/profile/security-log',
    { schema: { tags, summary: 'Changes to your own access, newest first', querystring: pageQuery, response: { 200: securityLogResponse, ...errorResponses(400, 401) } } },
    async (request) => listOwnSecurityLog(context, request.principal, request.query),
  );

  routes.get(
    '/api/v1/operator/security-log',
    {
      config: { access: 'operator' },
      schema: {
        tags: ['operator'],
        summary: "Changes to people's own access (everyone's, or one person's with ?userId=)",
        querystring: pageQuery.extend({ userId: z.string().min(1).max(100).optional().describe('Only this person\'s entries') }),
        response: { 200: securityLogResponse, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => listSecurityLog(context, request.principal, request.query),
  );

  routes.get(
    '/api/v1/operator/two-step-requirement',
    { config: { access: 'operator' }, schema: { tags: ['operator'], summary: 'Whether every operator must use two-step sign-in', response: { 200: twoStepRequirement, ...errorResponses(401, 404) } } },
    async (request) => getOperatorTwoStepRequirement(context, request.principal),
  );

  routes.put(
    '/api/v1/operator/two-step-requirement',
    {
      config: { access: 'operator' },
      schema: { tags: ['operator'], summary: 'Require two-step sign-in of every operator (or stop)', body: twoStepRequirement, response: { 200: twoStepRequirement, ...errorResponses(400, 401, 403, 404) } },
    },
    async (request) => setOperatorTwoStepRequirement(context, request.principal, request.body),
  );

  routes.get(
    '/api/v1/accounts/:accountId/two-step-requirement',
    {
      config: { permission: 'users.read', gate: false },
      schema: { tags: ['users'], summary: "Whether the account's users must use two-step sign-in", params: accountParams, response: { 200: twoStepRequirement, ...errorResponses(401, 403, 404) } },
    },
    async (request) => getAccountTwoStepRequirement(context, request.principal, { scope: request.scope }),
  );

  routes.put(
    '/api/v1/accounts/:accountId/two-step-requirement',
    {
      config: { permission: 'users.manage', gate: false },
      schema: {
        tags: ['users'],
        summary: "Require two-step sign-in of the account's users (admins); those without it enrol at their next sign-in",
        params: accountParams,
        body: twoStepRequirement,
        response: { 200: twoStepRequirement, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => setAccountTwoStepRequirement(context, request.principal, { scope: request.scope, required: request.body.required }),
  );
}
