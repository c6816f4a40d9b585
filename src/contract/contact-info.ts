import { z } from 'zod';
import { CONTACT_FIELDS } from '../domain/contact-fields';
import { DAYS } from '../domain/contact-info';
import { CATEGORIES } from '../domain/routing';
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
