import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createServiceToken } from '../../../commands/create-service-token';
import { listServiceTokens } from '../../../commands/list-service-tokens';
import { revokeServiceToken } from '../../../commands/revoke-service-token';
import { errorResponses } from '../../../contract/errors';
import { createdServiceToken, createServiceTokenBody, serviceToken, serviceTokenParams } from '../../../contract/notifications';
import type { AppContext } from '../../context';

export default async function serviceTokenRoutes(app: FastifyInstance, { context }: { context: AppContext }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['operator'];
  const config = { access: 'operator' as const };

  routes.post(
    '/api/v1/operator/service-tokens',
    {
      config,
      schema: {
        tags,
        summary: 'Create a service token for a platform system (its secret is shown once)',
        body: createServiceTokenBody,
        response: { 201: createdServiceToken, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => reply.status(201).send(await createServiceToken(context, request.principal, request.body)),
  );

  routes.get(
    '/api/v1/operator/service-tokens',
    {
      config,
      schema: { tags, summary: 'Service tokens, newest first, with their last use', response: { 200: z.object({ items: z.array(serviceToken).describe('Every service token, revoked ones included') }), ...errorResponses(401, 404) } },
    },
    async (request) => ({ items: await listServiceTokens(context, request.principal) }),
  );

  routes.delete(
    '/api/v1/operator/service-tokens/:tokenId',
    {
      config,
      schema: { tags, summary: 'Revoke a service token: its next request is refused', params: serviceTokenParams, response: { 204: z.undefined(), ...errorResponses(400, 401, 403, 404) } },
    },
    async (request, reply) => {
      await revokeServiceToken(context, request.principal, { id: request.params.tokenId });
      return reply.status(204).send();
    },
  );
}
