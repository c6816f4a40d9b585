import { z } from 'zod';
import { CATEGORIES, ENVIRONMENTS } from '../domain/routing';
import { pageOf } from './paging';

export const webhookParams = z.strictObject({
  accountId: z.string().max(64).describe('The account'),
  webhookId: z.string().max(64).describe('The webhook destination'),
});

export const createWebhookBody = z.strictObject({
  url: z
    .string()
    .trim()
    .min(1)
    .max(2000)
    .describe('https:// URL receiving the events; its host must resolve to public addresses only (422 webhook_address_refused)'),
  categories: z.array(z.enum(CATEGORIES)).min(1).max(CATEGORIES.length).describe('The notification categories it receives'),
  env: z.enum(ENVIRONMENTS).default('production').describe('The environment whose notifications it receives'),
  deliveryEvents: z
    .boolean()
    .default(false)
    .describe("Also receive delivery.sent / delivery.retrying / delivery.failed events for the account's notification emails"),
});

export const rotateWebhookBody = z
  .strictObject({
    overlapHours: z
      .number()
      .int()
      .min(0)
      .max(168)
      .optional()
      .describe('How long the previous secret keeps signing too (both signatures are sent, space-separated); default 24'),
  })
  .nullish();

export const webhook = z
  .object({
    id: z.string().describe('The destination'),
    url: z.string().describe('Where events are POSTed'),
    categories: z.array(z.enum(CATEGORIES)).describe('The notification categories it receives'),
    env: z.enum(ENVIRONMENTS).describe('The environment whose notifications it receives'),
    deliveryEvents: z.boolean().describe('Receives delivery status events'),
    status: z.enum(['enabled', 'disabled']).describe('disabled after failing for 3 days (WEBHOOK_DISABLE_AFTER_HOURS); a successful test event enables it again'),
    failingSince: z.string().nullable().describe('The first failure of the current run of failures'),
    disabledAt: z.string().nullable().describe('When it was disabled after failing (null while enabled)'),
    previousSecretUntil: z.string().nullable().describe('Until when the previous secret also signs, after a rotation'),
    createdAt: z.string().describe('When it was added'),
  })
  .describe('Webhook');

export const webhookWithSecret = webhook
  .extend({
    secret: z.string().describe('whsec_<base64>: the signing key, shown in this answer only'),
  })
  .describe('WebhookWithSecret');

export const webhookList = z.object({ items: z.array(webhook).describe("The account's destinations, oldest first") });

export const webhookDelivery = z.object({
  id: z.string().describe('Also the webhook-id header of every attempt'),
  eventType: z.string().describe('notification.raised, webhook.test, delivery.sent, delivery.retrying or delivery.failed'),
  status: z.enum(['queued', 'sent', 'retrying', 'failed']).describe('Where the delivery stands'),
  attempts: z.number().int().describe('POSTs tried so far'),
  lastError: z.string().nullable().describe('Why the last attempt failed (HTTP status, timeout, refused address…)'),
  createdAt: z.string().describe('When the event was queued'),
  sentAt: z.string().nullable().describe('When a 2xx answered'),
  nextAttemptAt: z.string().nullable().describe('While retrying: when the next attempt is due'),
});

export const webhookDeliveriesPage = pageOf(webhookDelivery);

export const testEventAccepted = z.object({ deliveryId: z.string().describe('The test event\'s delivery (its webhook-id); its outcome shows in the delivery log') });
