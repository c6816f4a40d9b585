import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { explainRouting } from '../../../commands/explain-routing';
import { getContactInfo } from '../../../commands/get-contact-info';
import { saveContactInfo } from '../../../commands/save-contact-info';
import { accountParams } from '../../../contract/accounts';
import {
  contactInfoBody,
  contactInfoView,
  envQuery,
  resendConfirmationBody,
  resendConfirmationResponse,
  reviewResponse,
  routesQuery,
  routesResponse,
} from '../../../contract/contact-info';
import { confirmContactInfo } from '../../../commands/confirm-contact-info';
import { resendContactConfirmation } from '../../../commands/resend-contact-confirmation';
import { errorResponses } from '../../../contract/errors';
import { DomainError } from '../../../domain/errors';
import type { AppContext } from '../../context';

const errors = errorResponses(400, 401, 403, 404, 412);

/**
 * The version a client expects: `If-Match: "4"` (or W/"4", or *), else `version` in the body;
 * undefined when it sent neither.
 */
export function expectedVersion(ifMatch: string | undefined, body: unknown): number | '*' | undefined {
  if (ifMatch !== undefined) {
    const tag = ifMatch.trim();
    if (tag === '*') return '*';
    const match = /^(?:W\/)?"?(\d{1,15})"?$/.exec(tag);
    // A tag that cannot be one of ours can never match.
    return match ? Number(match[1]) : -1;
  }
  const version = (body as { version?: unknown } | null)?.version;
  if (version === undefined || version === null) return undefined;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new DomainError('validation_failed', [{ path: 'version', code: 'invalid_type' }]);
  }
  return version;
}

export default async function contactInfoRoutes(app: FastifyInstance, { context }: { context: AppContext }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['contact information'];

  routes.get(
    '/api/v1/accounts/:accountId/contact-info',
    {
      config: { permission: 'contactInfo.read', gate: false, sessionReadsAlong: 'contactInfo' },
      schema: { tags, summary: 'The contact information (ETag: its version)', params: accountParams, querystring: envQuery, response: { 200: contactInfoView, ...errors } },
    },
    async (request, reply) => {
      const view = await getContactInfo(context, request.principal, { scope: request.scope, read: request.contactInfoInSession });
      reply.header('etag', `"${view.version}"`).header('cache-control', 'private, no-cache');
      return view;
    },
  );

  routes.put(
    '/api/v1/accounts/:accountId/contact-info',
    {
      config: { permission: 'contactInfo.write', gate: false },
      schema: {
        tags,
        summary: 'Replace the contact information (If-Match or version: 412 when stale)',
        params: accountParams,
        querystring: envQuery,
        body: contactInfoBody,
        response: { 200: contactInfoView, ...errors },
      },
    },
    async (request, reply) => {
      const view = await saveContactInfo(context, request.principal, {
        scope: request.scope,
        env: request.query.env,
        document: request.body,
        expectedVersion: expectedVersion(request.headers['if-match'], request.body),
      });
      reply.header('etag', `"${view.version}"`);
      return view;
    },
  );

  routes.get(
    '/api/v1/accounts/:accountId/contact-info/routes',
    {
      config: { permission: 'contactInfo.read', gate: false },
      schema: {
        tags,
        summary: 'Who would receive a notification category now, and from which field',
        params: accountParams,
        querystring: routesQuery,
        response: { 200: routesResponse, ...errors },
      },
    },
    async (request) => explainRouting(context, request.principal, { scope: request.scope, category: request.query.category }),
  );

  routes.post(
    '/api/v1/accounts/:accountId/contact-info/confirmations',
    {
      config: { permission: 'contactInfo.write' },
      schema: {
        tags,
        summary: 'Send an address its confirmation link again (422 not_listed when it is not under that field)',
        params: accountParams,
        body: resendConfirmationBody,
        response: { 202: resendConfirmationResponse, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      reply.code(202);
      return resendContactConfirmation(context, request.principal, { scope: request.scope, field: request.body.field, email: request.body.email });
    },
  );

  routes.post(
    '/api/v1/accounts/:accountId/contact-info/review',
    {
      config: { permission: 'contactInfo.write' },
      schema: {
        tags,
        summary: 'Confirm that the whole contact information is still right (restarts the yearly review; ends staleness)',
        params: accountParams,
        response: { 200: reviewResponse, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const review = await confirmContactInfo(context, request.principal, { scope: request.scope });
      return review!;
    },
  );
}
