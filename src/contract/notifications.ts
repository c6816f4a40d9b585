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
  integration: z
    .string()
    .max(64)
    .optional()
    .describe("The account's integration it is about (its type): alert and technical notifications of an integration under maintenance are held"),
});

export const recipient = z.object({
  email: z.string().describe('The address it goes to'),
  field: z.enum(CONTACT_FIELDS).describe('The contact field that makes them a recipient'),
  reason: z.enum(RECIPIENT_REASONS).optional().describe('emergencyContactsBouncing: an admin of the account, added because every emergency contact bounces'),
});

export const acceptedNotification = z.object({
  id: z.string().describe('The notification (for a deduplicated repeat: the original)'),
  status: z.enum(DELIVERY_STATUSES).describe('queued when new; for a deduplicated repeat, the state of the original'),
  recipients: z.array(recipient).describe('Who receives it and why'),
  deduplicated: z.boolean().describe('A repeat of the same dedup key within 4 hours: counted on the original, not sent again'),
  held: z.boolean().describe('Held by a maintenance window of its integration or until support opens: sent (or dropped) later'),
});

export const testNotificationBody = z.strictObject({ category: z.enum(CATEGORIES).describe('The category whose recipients get the test') });

export const delivery = z.object({
  email: z.string().describe('The recipient address'),
  field: z.enum(CONTACT_FIELDS).nullable().describe('The contact field that made them a recipient; null for an admin reached by an escalation'),
  status: z.enum(DELIVERY_STATUSES).describe('queued, sent, retrying (after a temporary failure) or failed (given up, or refused for good)'),
  attempts: z.number().int().describe('Sending attempts so far'),
  lastError: z.string().nullable().describe("The mail server's last answer when an attempt failed"),
  sentAt: z.string().nullable().describe('When the mail server accepted it (ISO 8601)'),
  escalated: z.boolean().describe('Sent by an escalation step of an unacknowledged emergency (field null: sent to an admin of the account)'),
});

export const supportStatus = z.object({
  openNow: z.boolean().describe("The partner's support was open when it was raised"),
  nextChangeAt: z.string().nullable().describe('When that changed next (ISO 8601); null for 24/7'),
  timeZone: z.string().nullable().describe("The support window's time zone"),
});

export const notification = z.object({
  id: z.string().describe('The notification'),
  category: z.enum(CATEGORIES).describe('Its category'),
  env: z.enum(ENVIRONMENTS).describe('The environment it concerns'),
  title: z.string().describe('As raised, plain text'),
  body: z.string().describe('As raised, plain text'),
  test: z.boolean().describe('A test notification (Send test notification)'),
  createdAt: z.string().describe('When it was raised first (ISO 8601)'),
  lastOccurredAt: z.string().describe('When it was raised last (repeats with its dedup key count here)'),
  occurrences: z.number().int().describe('How many times it was raised'),
  createdBy: z
    .object({
      kind: z.enum(['user', 'service', 'system']).describe('An operator, a service token, or Liaison itself'),
      name: z.string().describe('Their name'),
    })
    .describe('Who raised it'),
  template: z
    .object({
      id: z.enum(NOTIFICATION_TEMPLATES).describe('Which of the notifications Liaison words itself'),
      params: z.record(z.string(), z.string()).describe('The values it is worded with'),
    })
    .nullable()
    .describe("Liaison's own notifications (a test, an integration switched): title and body are then worded from this in the reader's language"),
  deliveries: z.array(delivery).describe('One per recipient'),
  acknowledgedAt: z.string().nullable().describe('Emergencies: when it was first acknowledged'),
  acknowledgedBy: z.string().nullable().describe('Emergencies: the recipient address whose Acknowledge link was used first'),
  escalation: z
    .object({
      status: z.enum(['pending', 'acknowledged', 'done']).describe('pending: waiting for an acknowledgement; done: both steps taken'),
      step: z.number().int().describe('The next step while pending: 1 = send again to emergency contacts and admins, 2 = alert operators'),
      dueAt: z.string().describe('When the next step is due (ISO 8601)'),
      resentAt: z.string().nullable().describe('When it was sent again to emergency contacts and admins'),
      operatorsAlertedAt: z.string().nullable().describe('When operators were alerted'),
    })
    .nullable()
    .describe('Emergencies: how far the escalation went'),
  supportStatus: supportStatus.nullable().describe("User escalations: whether the partner's support was open when raised, and when that changed"),
  integration: z.string().nullable().describe('The integration it is about, when the raiser said'),
  hold: z
    .object({
      status: z.enum(['held', 'released', 'dropped']).describe('held: nothing sent yet; released: delivered at the end; dropped: never sent'),
      reason: z.enum(['maintenance', 'business_hours']).describe('What held it'),
      windowId: z.string().nullable().describe('The maintenance window (reason maintenance)'),
      until: z.string().nullable().describe('When support opens and it is sent (reason business_hours)'),
    })
    .nullable()
    .describe('Held by a maintenance window (released or dropped at its end) or until the partner\'s support opens'),
});

export const notificationsQuery = pageQuery.extend({
  category: z.enum(CATEGORIES).optional().describe('Only this category'),
  status: z.enum(DELIVERY_STATUSES).optional().describe('Notifications with at least one delivery in this state'),
});
export const notificationsPage = pageOf(notification);

export const integrationParams = z.strictObject({
  accountId: z.string().describe('The account'),
  type: z.string().max(64).describe('The integration type'),
});
export const disableIntegrationBody = z.strictObject({
  reason: line(500).describe('Why: shown in the audit log and in the emergency email to the technical emergency contacts'),
});
export const enableIntegrationBody = z.strictObject({ reason: line(500).optional().describe('Why, for the audit log') }).nullish();

export const serviceToken = z.object({
  id: z.string().describe('The token (not the secret)'),
  name: z.string().describe('What it is for, e.g. the monitoring system'),
  accountId: z.string().nullable().describe('The one account it may raise notifications for; null: any'),
  createdAt: z.string().describe('When it was created (ISO 8601)'),
  lastUsedAt: z.string().nullable().describe('When it was last used'),
  revokedAt: z.string().nullable().describe('When it was revoked; a revoked token is refused (401)'),
});
export const createdServiceToken = serviceToken.extend({ token: z.string().describe('Shown this once; send as Authorization: Bearer <token>') });
export const createServiceTokenBody = z.strictObject({
  name: line(100).describe('What it is for, e.g. the monitoring system'),
  accountId: z.string().max(64).nullable().optional().describe('Limit the token to one account'),
});
export const serviceTokenParams = z.strictObject({ tokenId: z.string().max(64).describe('The token') });

export const acknowledgeParams = z.strictObject({ token: z.string().max(128).describe("From the emergency email's Acknowledge link") });
export const acknowledgement = z.object({
  accountName: z.string().describe('The account the emergency is about'),
  title: z.string().describe("The emergency's title"),
  body: z.string().describe("The emergency's message"),
  env: z.enum(ENVIRONMENTS).describe('The environment it concerns'),
  createdAt: z.string().describe('When it was raised (ISO 8601)'),
  recipient: z.string().describe('The address this link was sent to'),
  acknowledgedAt: z.string().nullable().describe('When it was first acknowledged'),
  acknowledgedBy: z.string().nullable().describe('The address whose link acknowledged it first'),
  /** True on the POST that recorded the first acknowledgement. */
  acknowledgedNow: z.boolean().describe('True on the POST that recorded the first acknowledgement'),
});

export const escalationItem = z.object({
  notificationId: z.string().describe('The emergency'),
  accountId: z.string().describe('Its account'),
  accountName: z.string().describe("The account's name"),
  title: z.string().describe("The emergency's title"),
  createdAt: z.string().describe('When it was raised (ISO 8601)'),
  status: z.enum(['pending', 'acknowledged', 'done']).describe('pending: waiting for an acknowledgement; done: both steps taken'),
  step: z.number().int().describe('The next step while pending: 1 = send again, 2 = alert operators'),
  dueAt: z.string().describe('When the next step is due'),
  resentAt: z.string().nullable().describe('When it was sent again to emergency contacts and admins'),
  operatorsAlertedAt: z.string().nullable().describe('When operators were alerted'),
  acknowledgedAt: z.string().nullable().describe('When it was first acknowledged'),
  acknowledgedBy: z.string().nullable().describe('The address whose link acknowledged it first'),
});
export const escalationsQuery = z.strictObject({
  open: z.enum(['true', 'false']).optional().describe('true: only those not acknowledged yet'),
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('At most this many, newest first'),
});
export const escalationsList = z.object({ items: z.array(escalationItem).describe('Emergencies with their escalation, newest first') });
