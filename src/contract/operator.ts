import { z } from 'zod';
import { CATEGORIES, ENVIRONMENTS } from '../domain/routing';
import { raiseNotificationBody } from './notifications';

/** GET /api/v1/operator/dashboard */
export const dashboard = z.object({
  accounts: z.object({ complete: z.number().int(), incomplete: z.number().int() }),
  days: z.array(z.object({ day: z.string().describe('YYYY-MM-DD (UTC)'), sent: z.number().int(), retrying: z.number().int(), failed: z.number().int() })),
  failingAccounts: z.array(z.object({ id: z.string(), name: z.string(), failed: z.number().int() })),
  oldestUndelivered: z
    .object({ notificationId: z.string(), accountId: z.string(), accountName: z.string(), title: z.string(), createdAt: z.string() })
    .nullable(),
  contactHealth: z
    .object({
      bouncingAccounts: z.number().int().describe('Accounts with at least one bouncing address'),
      unconfirmedAccounts: z.number().int().describe('Accounts with at least one unconfirmed address'),
      staleAccounts: z.number().int().describe('Accounts whose contact information was not re-confirmed within 30 days of the yearly reminder'),
      stale: z.array(z.object({ accountId: z.string(), accountName: z.string(), staleSince: z.string() })).describe('Stale accounts, longest stale first (at most 20)'),
    })
    .describe('Contact health over every account'),
});

export const broadcast = z.object({
  id: z.string(),
  category: z.enum(CATEGORIES),
  env: z.enum(ENVIRONMENTS),
  title: z.string(),
  integrationType: z.string().nullable(),
  status: z.enum(['running', 'done']),
  accountsTotal: z.number().int(),
  accountsDone: z.number().int(),
  accountsSkipped: z.number().int().describe('Accounts where nobody receives the category'),
  deliveriesQueued: z.number().int(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const createBroadcastBody = raiseNotificationBody.omit({ dedupKey: true }).extend({
  integrationType: z.string().max(64).nullable().optional().describe('Only accounts with this integration; unset: every account'),
});
export const broadcastParams = z.strictObject({ broadcastId: z.string().max(64) });
