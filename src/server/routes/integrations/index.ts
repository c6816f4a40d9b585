import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { setIntegrationStatus } from '../../../commands/set-integration-status';
import { accountDetail } from '../../../contract/accounts';
import { errorResponses } from '../../../contract/errors';
import { disableIntegrationBody, enableIntegrationBody, integrationParams } from '../../../contract/notifications';
import type { AppContext } from '../../context';

export default async function integrationRoutes(app: FastifyInstance, { context }: { context: AppContext }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['integrations'];

  routes.post(
    '/api/v1/accounts/:accountId/integrations/:type/disable',
    {
      config: { permission: 'integrations.manage' },
      schema: {
        tags,
        summary: 'Disable an integration (operators): the technical emergency contacts get an emergency notification',
        params: integrationParams,
        body: disableIntegrationBody,
        response: { 200: accountDetail, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      setIntegrationStatus(context, request.principal, { scope: request.scope, type: request.params.type, status: 'disabled', reason: request.body.reason }),
  );

  routes.post(
    '/api/v1/accounts/:accountId/integrations/:type/enable',
    {
      config: { permission: 'integrations.manage' },
      schema: {
        tags,
        summary: 'Enable an integration again (operators): the technical contacts get a technical notification',
        params: integrationParams,
        body: enableIntegrationBody,
        response: { 200: accountDetail, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      setIntegrationStatus(context, request.principal, { scope: request.scope, type: request.params.type, status: 'enabled', reason: request.body?.reason }),
  );
}
