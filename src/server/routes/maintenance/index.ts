import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createMaintenanceWindow } from '../../../commands/create-maintenance-window';
import { endMaintenanceWindow } from '../../../commands/end-maintenance-window';
import { accountParams } from '../../../contract/accounts';
import { errorResponses } from '../../../contract/errors';
import { createMaintenanceBody, maintenanceList, maintenanceParams, maintenanceWindow } from '../../../contract/maintenance';
import { listMaintenanceWindows } from '../../../storage/maintenance';
import type { AppContext } from '../../context';

export default async function maintenanceRoutes(app: FastifyInstance, { context }: { context: AppContext }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['maintenance'];

  routes.get(
    '/api/v1/accounts/:accountId/maintenance-windows',
    {
      config: { permission: 'account.read' },
      schema: { tags, summary: "The account's maintenance windows, those still to end first", params: accountParams, response: { 200: maintenanceList, ...errorResponses(401, 403, 404) } },
    },
    async (request) => ({ items: await listMaintenanceWindows(context.storage.db, request.scope.account.id) }),
  );

  routes.post(
    '/api/v1/accounts/:accountId/maintenance-windows',
    {
      config: { permission: 'maintenance.manage' },
      schema: {
        tags,
        summary: 'Schedule a maintenance window of one integration (admins and operators)',
        description:
          'While it is on, new alert and technical notifications raised for that integration (`integration` in the notification) are recorded as held and sent to nobody; at the end they are released (routed and delivered then) or dropped. Emergencies always go out.',
        params: accountParams,
        body: createMaintenanceBody,
        response: { 201: maintenanceWindow, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => reply.status(201).send(await createMaintenanceWindow(context, request.principal, { scope: request.scope, ...request.body })),
  );

  routes.post(
    '/api/v1/accounts/:accountId/maintenance-windows/:windowId/end',
    {
      config: { permission: 'maintenance.manage' },
      schema: {
        tags,
        summary: 'End a window now: its held notifications are released or dropped at once; 409 conflict when it has already ended',
        params: maintenanceParams,
        response: { 200: maintenanceWindow, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => endMaintenanceWindow(context, request.principal, { scope: request.scope, windowId: request.params.windowId }),
  );
}
