import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { explainRoute, getContactInfo, saveContactInfo } from '../../../commands/contact-info';
import { accountParams } from '../../../contract/accounts';
import { contactInfoBody, contactInfoView, envQuery, routesQuery, routesResponse } from '../../../contract/contact-info';
import { errorResponse } from '../../../contract/errors';
import type { AppContext } from '../../context';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 412: errorResponse };

export default async function contactInfoRoutes(app: FastifyInstance, { context }: { context: AppContext }) {
  const { storage, catalog } = context;
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['contact information'];

  routes.get(
    '/api/v1/accounts/:accountId/contact-info',
    {
      config: { permission: 'contactInfo.read', gate: false },
      schema: { tags, summary: 'The contact information (ETag: its version)', params: accountParams, querystring: envQuery, response: { 200: contactInfoView, ...errors } },
    },
    async (request, reply) => {
      const view = await getContactInfo(storage, catalog, request.account!);
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
      const view = await saveContactInfo(storage, catalog, {
        account: request.account!,
        actor: { id: request.user!.id, name: request.user!.name || request.user!.email },
        env: request.query.env,
        body: request.body,
        ifMatch: request.headers['if-match'],
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
    async (request) => explainRoute(storage, catalog, request.account!, request.query.category),
  );
}
