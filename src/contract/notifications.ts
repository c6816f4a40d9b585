import { z } from 'zod';
import { CONTACT_FIELDS } from '../domain/contact-fields';
import { CATEGORIES, ENVIRONMENTS, RECIPIENT_REASONS } from '../domain/routing';
import { NOTIFICATION_TEMPLATES } from '../i18n/names';
import { pageOf, pageQuery } from './paging';

const DELIVERY_STATUSES = ['queued', 'sent', 'retrying', 'failed'] as const;

/** Single-line text: no control characters (they would break subjects and logs). */
const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), { params: { code: 'invalid_value' } });

export const raiseNotificationBody = z.strictObject({
  category: z.enum(CATEGORIES).describe('Where it goes: alert, emergency, technical, merchant_issue, user_escalation'),
  env: z.enum(ENVIRONMENTS).default('production').describe('alert is Production only'),
  title: line(200).describe('Plain text, shown as written (never as markup)'),
  body: z
    .string()
    .max(10_000)
    .refine((value) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value), { params: { code: 'invalid_value' } })
    .default('')
    .describe('Plain text; line breaks are kept'),
  dedupKey: line(200).optional().describe('A repeat within 4 hours is counted, not sent again'),
});

export const recipient = z.object({
  email: z.string(),
  field: z.enum(CONTACT_FIELDS),
  reason: z.enum(RECIPIENT_REASONS).optional().describe('emergencyContactsBouncing: an admin of the account, added because every emergency contact bounces'),
});

export const acceptedNotification = z.object({
  id: z.string(),
  status: z.enum(DELIVERY_STATUSES).describe('queued when new; for a deduplicated repeat, the state of the original'),
  recipients: z.array(recipient),
  deduplicated: z.boolean(),
});

export const testNotificationBody = z.strictObject({ category: z.enum(CATEGORIES) });

export const delivery = z.object({
  email: z.string(),
  field: z.enum(CONTACT_FIELDS).nullable(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  escalated: z.boolean().describe('Sent by an escalation step of an unacknowledged emergency (field null: sent to an admin of the account)'),
});

export const supportStatus = z.object({
  openNow: z.boolean(),
  nextChangeAt: z.string().nullable(),
  timeZone: z.string().nullable().describe("The support window's time zone"),
});

export const notification = z.object({
  id: z.string(),
  category: z.enum(CATEGORIES),
  env: z.enum(ENVIRONMENTS),
  title: z.string(),
  body: z.string(),
  test: z.boolean(),
  createdAt: z.string(),
  lastOccurredAt: z.string(),
  occurrences: z.number().int(),
  createdBy: z.object({ kind: z.enum(['user', 'service', 'system']), name: z.string() }),
  template: z
    .object({ id: z.enum(NOTIFICATION_TEMPLATES), params: z.record(z.string(), z.string()) })
    .nullable()
    .describe("Liaison's own notifications (a test, an integration switched): title and body are then worded from this in the reader's language"),
  deliveries: z.array(delivery),
  acknowledgedAt: z.string().nullable().describe('Emergencies: when it was first acknowledged'),
  acknowledgedBy: z.string().nullable().describe('Emergencies: the recipient address whose Acknowledge link was used first'),
  escalation: z
    .object({
      status: z.enum(['pending', 'acknowledged', 'done']),
      step: z.number().int().describe('The next step while pending: 1 = send again to emergency contacts and admins, 2 = alert operators'),
      dueAt: z.string(),
      resentAt: z.string().nullable(),
      operatorsAlertedAt: z.string().nullable(),
    })
    .nullable()
    .describe('Emergencies: how far the escalation went'),
  supportStatus: supportStatus.nullable().describe("User escalations: whether the partner's support was open when raised, and when that changed"),
});

export const notificationsQuery = pageQuery.extend({
  category: z.enum(CATEGORIES).optional(),
  status: z.enum(DELIVERY_STATUSES).optional().describe('Notifications with at least one delivery in this state'),
});
export const notificationsPage = pageOf(notification);

export const integrationParams = z.strictObject({ accountId: z.string(), type: z.string().max(64) });
export const disableIntegrationBody = z.strictObject({ reason: line(500) });
export const enableIntegrationBody = z.strictObject({ reason: line(500).optional() }).nullish();

export const serviceToken = z.object({
  id: z.string(),
  name: z.string(),
  accountId: z.string().nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const createdServiceToken = serviceToken.extend({ token: z.string().describe('Shown this once; send as Authorization: Bearer <token>') });
export const createServiceTokenBody = z.strictObject({
  name: line(100),
  accountId: z.string().max(64).nullable().optional().describe('Limit the token to one account'),
});
export const serviceTokenParams = z.strictObject({ tokenId: z.string().max(64) });

export const acknowledgeParams = z.strictObject({ token: z.string().max(128) });
export const acknowledgement = z.object({
  accountName: z.string(),
  title: z.string(),
  body: z.string(),
  env: z.enum(ENVIRONMENTS),
  createdAt: z.string(),
  recipient: z.string().describe('The address this link was sent to'),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  /** True on the POST that recorded the first acknowledgement. */
  acknowledgedNow: z.boolean(),
});

export const escalationItem = z.object({
  notificationId: z.string(),
  accountId: z.string(),
  accountName: z.string(),
  title: z.string(),
  createdAt: z.string(),
  status: z.enum(['pending', 'acknowledged', 'done']),
  step: z.number().int(),
  dueAt: z.string(),
  resentAt: z.string().nullable(),
  operatorsAlertedAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
});
export const escalationsQuery = z.strictObject({
  open: z.enum(['true', 'false']).optional().describe('true: only those not acknowledged yet'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const escalationsList = z.object({ items: z.array(escalationItem) });
