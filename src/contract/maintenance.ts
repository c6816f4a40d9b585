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
    id: z.string().describe('The window'),
    integration: z.string().describe('The integration type under maintenance'),
    startsAt: z.string().describe('When holding starts'),
    endsAt: z.string().describe('When it ends (held notifications are then released or dropped)'),
    reason: z.string().describe('Why'),
    atEnd: z.enum(['release', 'drop']).describe('What happens to held notifications at the end'),
    status: z.enum(['scheduled', 'ended']).describe('scheduled until its end has been processed (at endsAt, or "End now")'),
    endedAt: z.string().nullable().describe('When its end was processed'),
    createdAt: z.string().describe('When it was scheduled'),
    createdBy: z.string().describe('Who scheduled it'),
    held: z.number().int().describe('Notifications it held (alert and technical of its integration; emergencies always go out)'),
  })
  .describe('MaintenanceWindow');

export const maintenanceList = z.object({ items: z.array(maintenanceWindow).describe('Windows still to end first, then ended ones (at most 200)') });
