import { z } from 'zod';
import { CATEGORIES, ENVIRONMENTS } from '../domain/routing';
import { raiseNotificationBody } from './notifications';

/** GET /api/v1/operator/dashboard */
export const dashboard = z.object({
  accounts: z
    .object({
      complete: z.number().int().describe('Accounts whose contact information is complete'),
      incomplete: z.number().int().describe('Accounts still missing something'),
    })
    .describe('Readiness of the accounts'),
  days: z
    .array(
      z.object({
        day: z.string().describe('YYYY-MM-DD (UTC)'),
        sent: z.number().int().describe('Deliveries created that day and sent'),
        retrying: z.number().int().describe('Deliveries created that day and being retried now'),
        failed: z.number().int().describe('Deliveries created that day that failed'),
      }),
    )
    .describe('The last 14 days, oldest first'),
  failingAccounts: z
    .array(
      z.object({
        id: z.string().describe('The account'),
        name: z.string().describe("The account's name"),
        failed: z.number().int().describe('Its deliveries of the last 14 days that failed or are being retried'),
      }),
    )
    .describe('The accounts whose deliveries are failing, most first (at most 20)'),
  oldestUndelivered: z
    .object({
      notificationId: z.string().describe('The notification'),
      accountId: z.string().describe('Its account'),
      accountName: z.string().describe("The account's name"),
      title: z.string().describe('Its title'),
      createdAt: z.string().describe('When its oldest unsent delivery was created (ISO 8601)'),
    })
    .nullable()
    .describe('The oldest notification with a delivery not sent yet; null when every one was delivered'),
  contactHealth: z
    .object({
      bouncingAccounts: z.number().int().describe('Accounts with at least one bouncing address'),
      unconfirmedAccounts: z.number().int().describe('Accounts with at least one unconfirmed address'),
      staleAccounts: z.number().int().describe('Accounts whose contact information was not re-confirmed within 30 days of the yearly reminder'),
      stale: z
        .array(
          z.object({
            accountId: z.string().describe('The account'),
            accountName: z.string().describe("The account's name"),
            staleSince: z.string().describe('Since when (ISO 8601)'),
          }),
        )
        .describe('Stale accounts, longest stale first (at most 20)'),
    })
    .describe('Contact health over every account'),
});

export const broadcast = z.object({
  id: z.string().describe('The broadcast'),
  category: z.enum(CATEGORIES).describe("Whose contacts it goes to: the category's"),
  env: z.enum(ENVIRONMENTS).describe('The environment it concerns'),
  title: z.string().describe('The title of each notification'),
  integrationType: z.string().nullable().describe('Only the accounts with this integration; null: every account'),
  status: z.enum(['running', 'done']).describe('running while it fans out; done when every account was reached'),
  accountsTotal: z.number().int().describe('Accounts it is for'),
  accountsDone: z.number().int().describe('Accounts reached so far (skipped ones included)'),
  accountsSkipped: z.number().int().describe('Accounts where nobody receives the category'),
  deliveriesQueued: z.number().int().describe('Deliveries written so far'),
  createdAt: z.string().describe('When it was accepted (ISO 8601)'),
  finishedAt: z.string().nullable().describe('When the fan-out ended'),
});

export const createBroadcastBody = raiseNotificationBody.omit({ dedupKey: true }).extend({
  integrationType: z.string().max(64).nullable().optional().describe('Only accounts with this integration; unset: every account'),
});
export const broadcastParams = z.strictObject({ broadcastId: z.string().max(64).describe('The broadcast') });
