import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { raiseNotification } from '../../../commands/raise-notification';
import { sendTestNotification } from '../../../commands/send-test-notification';
import { accountParams } from '../../../contract/accounts';
import { errorResponses } from '../../../contract/errors';
import {
  acceptedNotification,
  notificationsPage,
  notificationsQuery,
  raiseNotificationBody,
  testNotificationBody,
} from '../../../contract/notifications';
import { listNotifications } from '../../../storage/notifications';
import type { AppContext } from '../../context';

export default async function notificationRoutes(app: FastifyInstance, { context }: { context: AppContext }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];

  routes.post(
    '/api/v1/accounts/:accountId/notifications',
    {
      config: { permission: 'notifications.send', serviceTokens: true },
      schema: {
        tags,
        summary: 'Raise a notification (operators and service tokens): routed to the category\'s contacts, delivered by workers',
        security: [{ serviceToken: [] }, { session: [], csrf: [] }],
        params: accountParams,
        body: raiseNotificationBody,
        response: { 202: acceptedNotification, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const accepted = await raiseNotification(context, request.principal, { scope: request.scope, ...request.body });
      return reply.status(202).send(accepted);
    },
  );

  routes.get(
    '/api/v1/accounts/:accountId/notifications',
    {
      config: { permission: 'notifications.read' },
      schema: {
        tags,
        summary: 'Notifications newest first, each with its per-recipient deliveries',
        params: accountParams,
        querystring: notificationsQuery,
        response: { 200: notificationsPage, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => listNotifications(context.storage.db, request.scope.account.id, request.query),
  );

  routes.post(
    '/api/v1/accounts/:accountId/contact-info/test',
    {
      config: { permission: 'notifications.test' },
      schema: {
        tags,
        summary: "Send a real test notification to a category's recipients (rate limited)",
        params: accountParams,
        body: testNotificationBody,
        response: { 202: acceptedNotification, ...errorResponses(400, 401, 403, 404, 422, 429) },
      },
    },
    async (request, reply) => {
      const accepted = await sendTestNotification(context, request.principal, { scope: request.scope, category: request.body.category });
      return reply.status(202).send(accepted);
    },
  );
}
