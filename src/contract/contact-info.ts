import { z } from 'zod';
import { CONTACT_FIELDS } from '../domain/contact-fields';
import { DAYS } from '../domain/contact-info';
import { CATEGORIES } from '../domain/routing';
import { CONTACT_STATES, HEALTH_FIELDS } from '../domain/contact-health';
import { pageOf, pageQuery } from './paging';

/**
 * Response shapes of the contact-information endpoints. Requests are validated by the domain
 * (`validateContactInfo`) so that the browser and the server report the same codes.
 */
/** One weekly support window. */
const WINDOW = z.object({
  timeZone: z.string().describe('IANA time zone of the window, e.g. Europe/Warsaw'),
  days: z.array(z.enum(DAYS)).describe('Days of the week the window applies to'),
  start: z.string().describe('Start, HH:MM in the time zone'),
  end: z.string().describe('End, HH:MM in the time zone (24:00 = midnight; before start = over midnight)'),
});

const entry = z.object({
  email: z.string().describe('Email address (lower-cased)'),
  name: z.string().optional().describe('A person, team or alias, e.g. "On-call pager"'),
  phone: z.string().optional().describe('Phone number in E.164, e.g. +48221234567'),
  locale: z.string().optional().describe("Language of the emails to this contact (en, he, pl); absent: the account's language"),
});

/** Support hours: 24/7 and/or weekly windows, each in its own time zone. */
const support = z.object({
  alwaysOpen: z.boolean().describe('Support answers at any hour, every day'),
  windows: z.array(WINDOW).describe('Weekly windows (may be combined with alwaysOpen)'),
});

export const contactInfoView = z.object({
  version: z.number().int().describe('Version of the document, also its ETag; send it back as If-Match to save'),
  complete: z.boolean().describe('Every required field is filled in (the onboarding gate is open)'),
  missing: z.array(z.enum(CONTACT_FIELDS)).describe('Required fields still empty'),
  alertContacts: z
    .array(
      z.object({
        userId: z.string().describe('The user (a member of the account)'),
        email: z.string().describe("The user's email"),
        name: z.string().describe("The user's name (empty when not set yet)"),
      }),
    )
    .describe('Users of the account who get alert emails (Production only); send back as [{userId}]'),
  technicalEmergencyContacts: z.array(entry).describe('Reached at once when something is urgent, e.g. an integration is disabled'),
  technicalNonEmergencyContacts: z.array(entry).describe('For ongoing technical work: API migrations, matching problems, feed errors'),
  merchantIssueContacts: z.array(entry).nullable().describe("Told about merchants' problems; null when no integration of the account has this field"),
  operationalContactsForPlatform: z.array(entry).describe("Whom the platform contacts when a user's problem needs the partner; never shown to users"),
  operationalContactForUsers: z
    .object({
      email: z.string().describe('Support email shown to users'),
      phone: z.string().optional().describe('Support phone in E.164'),
      url: z.string().optional().describe('Help page (https)'),
    })
    .nullable()
    .describe('Shown to users who need help with a refund, a cancellation or a change'),
  operationalSupport: support.nullable().describe('When the partner supports users'),
  updatedAt: z.string().nullable().describe('When this version was saved (ISO 8601); null before the first save'),
  updatedBy: z
    .object({ id: z.string().describe('The user'), name: z.string().describe('Their name') })
    .nullable()
    .describe('Who saved this version'),
  contactHealth: z
    .array(
      z.object({
        field: z.enum(HEALTH_FIELDS).describe('The contact field the address is listed under'),
        email: z.string().describe('The address (lower-cased)'),
        state: z.enum(CONTACT_STATES).describe('unconfirmed: nobody confirmed it yet; confirmed: its confirmation link was used (or mail reaches it again); bouncing: mail to it was refused for good'),
        confirmedAt: z.string().nullable().describe('When it was last confirmed'),
        bouncingSince: z.string().nullable().describe('Since when mail to it bounces'),
        lastBounce: z.string().nullable().describe("The receiving server's last refusal"),
      }),
    )
    .describe('The health of each email contact (read-only; ignored when sent back)'),
  review: z
    .object({
      confirmedAt: z.string().describe('When the whole contact information was last confirmed'),
      dueAt: z.string().describe('When the next step of the review is due (the reminder, or turning stale)'),
      remindedAt: z.string().nullable().describe('When the admins were last asked to confirm it'),
      staleSince: z.string().nullable().describe('Not confirmed within 30 days of the reminder: since when'),
      stale: z.boolean().describe('The contact information is stale (not confirmed in time)'),
    })
    .nullable()
    .describe('The periodic review of the whole contact information; null until it is first complete (read-only)'),
});

export const envQuery = z.strictObject({
  env: z.enum(['production', 'sandbox']).default('production').describe('Environment: alert contacts are chosen in Production only'),
});

/** The PUT body: any JSON object; its fields are checked by the domain rules. */
export const contactInfoBody = z.record(z.string(), z.unknown()).describe('The whole contact-information document (see the GET response); alertContacts as [{userId}]');

export const routesQuery = z.strictObject({
  category: z.enum(CATEGORIES).describe('Notification category'),
  env: z.enum(['production', 'sandbox']).optional().describe('Environment (alert is Production only)'),
});
export const routesResponse = z.object({
  category: z.enum(CATEGORIES).describe('The category asked about'),
  recipients: z
    .array(z.object({ email: z.string().describe('Recipient address'), field: z.enum(CONTACT_FIELDS).describe('The contact field it comes from') }))
    .describe('Who would receive it now'),
});

export const auditEntry = z.object({
  at: z.string().describe('When (ISO 8601)'),
  actor: z
    .object({
      kind: z.enum(['user', 'service', 'system']).describe('A person, a service token, or Liaison itself'),
      id: z.string().nullable().describe('Their id (null for the system)'),
      name: z.string().describe('Their name at the time'),
    })
    .describe('Who made the change'),
  action: z.string().describe('What was done, e.g. contact_info.updated, user.role_changed, account.language_changed'),
  changes: z
    .array(z.object({ field: z.string().describe('What changed'), before: z.unknown().describe('The value before'), after: z.unknown().describe('The value after') }))
    .describe('Each field before and after'),
});
export const auditPage = pageOf(auditEntry);
export { pageQuery };

/** Sends an address its confirmation link again. */
export const resendConfirmationBody = z.strictObject({
  field: z.enum(HEALTH_FIELDS).describe('The contact field the address is listed under'),
  email: z.string().max(254).describe('The address'),
});
export const resendConfirmationResponse = z.object({
  email: z.string().describe('The address the link was sent to again'),
  field: z.enum(HEALTH_FIELDS).describe('The contact field it is listed under'),
});

/** The review of the whole contact information after a confirmation. */
export const reviewResponse = z.object({
  confirmedAt: z.string().describe('When the whole contact information was last confirmed (ISO 8601)'),
  dueAt: z.string().describe('When it is to be confirmed again'),
  remindedAt: z.string().nullable().describe('When the admins were last asked to confirm it'),
  staleSince: z.string().nullable().describe('Since when it is stale (30 days after the reminder without a confirmation)'),
  stale: z.boolean().describe('Not confirmed within 30 days of the reminder'),
});

export const confirmationParams = z.strictObject({ token: z.string().max(128).describe("From the confirmation email's link") });
export const contactConfirmation = z.object({
  accountName: z.string().describe('The account the address is a contact of'),
  email: z.string().describe('The address the link was sent to'),
  field: z.enum(HEALTH_FIELDS).describe('What it receives: the contact field it is listed under'),
  state: z.enum(CONTACT_STATES).describe('Its state now'),
  confirmedAt: z.string().nullable().describe('When it was confirmed'),
  /** True on the POST that confirmed it. */
  confirmedNow: z.boolean().describe('True on the POST that confirmed it'),
});
