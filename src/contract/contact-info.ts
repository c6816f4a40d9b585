import { z } from 'zod';
import { CONTACT_FIELDS } from '../domain/contact-fields';
import { DAYS } from '../domain/contact-info';
import { CATEGORIES } from '../domain/routing';
import { pageOf, pageQuery } from './paging';

/**
 * Response shapes of the contact-information endpoints. Requests are validated by the domain
 * (`validateContactInfo`) so that the browser and the server report the same codes.
 */
const entry = z.object({ email: z.string(), name: z.string().optional(), phone: z.string().optional(), locale: z.string().optional() });

export const contactInfoView = z.object({
  version: z.number().int(),
  complete: z.boolean(),
  missing: z.array(z.enum(CONTACT_FIELDS)),
  alertContacts: z.array(z.object({ userId: z.string(), email: z.string(), name: z.string() })),
  technicalEmergencyContacts: z.array(entry),
  technicalNonEmergencyContacts: z.array(entry),
  merchantIssueContacts: z.array(entry).nullable(),
  operationalContactsForPlatform: z.array(entry),
  operationalContactForUsers: z.object({ email: z.string(), phone: z.string().optional(), url: z.string().optional() }).nullable(),
  operationalSupport: z
    .object({
      alwaysOpen: z.boolean(),
      windows: z.array(z.object({ timeZone: z.string(), days: z.array(z.enum(DAYS)), start: z.string(), end: z.string() })),
    })
    .nullable(),
  updatedAt: z.string().nullable(),
  updatedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
});

export const envQuery = z.strictObject({ env: z.enum(['production', 'sandbox']).default('production') });

/** The PUT body: any JSON object; its fields are checked by the domain rules. */
export const contactInfoBody = z.record(z.string(), z.unknown()).describe('The whole contact-information document (see the GET response); alertContacts as [{userId}]');

export const routesQuery = z.strictObject({ category: z.enum(CATEGORIES), env: z.enum(['production', 'sandbox']).optional() });
export const routesResponse = z.object({
  category: z.enum(CATEGORIES),
  recipients: z.array(z.object({ email: z.string(), field: z.enum(CONTACT_FIELDS) })),
});

export const auditEntry = z.object({
  at: z.string(),
  actor: z.object({ kind: z.enum(['user', 'service', 'system']), id: z.string().nullable(), name: z.string() }),
  action: z.string(),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});
export const auditPage = pageOf(auditEntry);
export { pageQuery };
