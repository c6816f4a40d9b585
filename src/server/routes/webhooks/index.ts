import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createWebhook } from '../../../commands/create-webhook';
import { deleteWebhook } from '../../../commands/delete-webhook';
import { listWebhookDeliveries } from '../../../commands/list-webhook-deliveries';
import { rotateWebhookSecret } from '../../../commands/rotate-webhook-secret';
import { sendTestWebhook } from '../../../commands/send-test-webhook';
import { accountParams } from '../../../contract/accounts';
import { errorResponses } from '../../../contract/errors';
import { pageQuery } from '../../../contract/paging';
import {
  createWebhookBody,
  rotateWebhookBody,
  testEventAccepted,
  webhookDeliveriesPage,
  webhookList,
  webhookParams,
  webhookWithSecret,
} from '../../../contract/webhooks';
import { listWebhooks } from '../../../storage/webhooks';
import type { AppContext } from '../../context';

const noContent = z.undefined();

const EVENT_DOC =
  'Each event is a POST of JSON `{"type": "notification.raised", "timestamp": "<ISO 8601>", "data": {"notificationId", "accountId", "category", "env", "title", "body", "test"}}` ' +
  '(or `webhook.test` with `data: {accountId, webhookId}`; with deliveryEvents, `delivery.sent` / `delivery.retrying` / `delivery.failed` with ' +
  '`data: {deliveryId, notificationId, accountId, category, channel, recipient, status, attempts, lastError}` for the account\'s notification emails), signed per Standard Webhooks: headers `webhook-id` (the delivery id, the same on every retry), ' +
  '`webhook-timestamp` (Unix seconds) and `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body" keyed with the base64-decoded secret after whsec_>` ' +
  '(two space-separated signatures while a rotated secret overlaps). Any 2xx is success; 5xx, 408, 429, timeouts and connection errors are retried with back-off; ' +
  'redirects are not followed (a 3xx is a failure) and other 4xx fail at once.';

export default async function webhookRoutes(app: FastifyInstance, { context }: { context: AppContext }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['webhooks'];

  routes.get(
    '/api/v1/accounts/:accountId/webhooks',
    {
      config: { permission: 'webhooks.read' },
      schema: { tags, summary: "The account's webhook destinations (never their secrets)", params: accountParams, response: { 200: webhookList, ...errorResponses(401, 403, 404) } },
    },
    async (request) => ({ items: await listWebhooks(context.storage.db, request.scope.account.id) }),
  );

  routes.post(
    '/api/v1/accounts/:accountId/webhooks',
    {
      config: { permission: 'webhooks.manage' },
      schema: {
        tags,
        summary: 'Add a webhook destination (at most 5 per account); the answer carries its secret, shown once',
        description: EVENT_DOC,
        params: accountParams,
        body: createWebhookBody,
        response: { 201: webhookWithSecret, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { webhook, secret } = await createWebhook(context, request.principal, { scope: request.scope, ...request.body });
      return reply.status(201).send({ ...webhook, secret });
    },
  );

  routes.post(
    '/api/v1/accounts/:accountId/webhooks/:webhookId/rotate-secret',
    {
      config: { permission: 'webhooks.manage' },
      schema: {
        tags,
        summary: 'A new secret (shown once); the previous one keeps signing for overlapHours (default 24)',
        params: webhookParams,
        body: rotateWebhookBody,
        response: { 200: webhookWithSecret, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { webhook, secret } = await rotateWebhookSecret(context, request.principal, {
        scope: request.scope,
        webhookId: request.params.webhookId,
        overlapHours: request.body?.overlapHours,
      });
      return { ...webhook, secret };
    },
  );

  routes.post(
    '/api/v1/accounts/:accountId/webhooks/:webhookId/test',
    {
      config: { permission: 'webhooks.manage' },
      schema: {
        tags,
        summary: 'Send a signed webhook.test event now (also to a disabled destination: a success enables it again)',
        params: webhookParams,
        response: { 202: testEventAccepted, ...errorResponses(401, 403, 404, 429) },
      },
    },
    async (request, reply) => reply.status(202).send(await sendTestWebhook(context, request.principal, { scope: request.scope, webhookId: request.params.webhookId })),
  );

  routes.delete(
    '/api/v1/accounts/:accountId/webhooks/:webhookId',
    {
      config: { permission: 'webhooks.manage' },
      schema: { tags, summary: 'Delete a webhook destination; its waiting deliveries are dropped', params: webhookParams, response: { 204: noContent, ...errorResponses(401, 403, 404) } },
    },
    async (request, reply) => {
      await deleteWebhook(context, request.principal, { scope: request.scope, webhookId: request.params.webhookId });
      return reply.status(204).send();
    },
  );

  routes.get(
    '/api/v1/accounts/:accountId/webhooks/:webhookId/deliveries',
    {
      config: { permission: 'webhooks.read' },
      schema: {
        tags,
        summary: "A destination's delivery log, newest first",
        params: webhookParams,
        querystring: pageQuery,
        response: { 200: webhookDeliveriesPage, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => listWebhookDeliveries(context, request.principal, { scope: request.scope, webhookId: request.params.webhookId, ...request.query }),
  );
}
