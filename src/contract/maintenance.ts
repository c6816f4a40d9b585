import { z } from 'zod';

const instant = z.iso.datetime({ offset: true }).describe('ISO 8601 with a time zone, e.g. 2026-11-26T02:00:00Z');

export const maintenanceParams = z.strictObject({
  accountId: z.string().max(64).describe('The account'),
  windowId: z.string().max(64).describe('The maintenance window'),
});

export const createMaintenanceBody = z.strictObject({
  integration: z.string().min(1).max(64).describe("One of the account's integration types"),
  startsAt: instant,
  endsAt: instant.describe('After startsAt, in the future, at most 7 days after startsAt'),
  reason: z.string().trim().min(1).max(500).describe('Why (shown to the partner and in the audit log)'),
  atEnd: z.enum(['release', 'drop']).describe('What happens to held notifications at the end: release (deliver them then) or drop them'),
});

export const maintenanceWindow = z
  .object({
    id: z.string(),
    integration: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    reason: z.string(),
    atEnd: z.enum(['release', 'drop']),
    status: z.enum(['scheduled', 'ended']).describe('scheduled until its end has been processed (at endsAt, or "End now")'),
    endedAt: z.string().nullable(),
    createdAt: z.string(),
    createdBy: z.string(),
    held: z.number().int().describe('Notifications it held (alert and technical of its integration; emergencies always go out)'),
  })
  .describe('MaintenanceWindow');

export const maintenanceList = z.object({ items: z.array(maintenanceWindow) });
