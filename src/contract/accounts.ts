import { z } from 'zod';
import { CONTACT_FIELDS } from '../domain/contact-fields';
import { SUPPORTED_LOCALES } from '../domain/locales';
import { ROLES } from '../domain/roles';
import { pageOf, pageQuery } from './paging';

/** A person's sign-in email: trimmed and lower-cased, at most 254 characters (RFC 5321). */
export const userEmail = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email())
  .transform((email) => email.toLowerCase());

export const displayName = z.string().trim().min(1).max(200);

export const integrationType = z.object({
  type: z.string().describe('Stable id of the integration type, e.g. reservations_e2e'),
  name: z.string().describe("Display name, in the caller's language where the catalog has it"),
  merchantIssueContacts: z.boolean().describe('Accounts with this integration have the merchant-issue contact field'),
});

export const accountSummary = z.object({
  id: z.string().describe('The account'),
  name: z.string().describe("The partner's name"),
  integrations: z
    .array(
      z.object({
        type: z.string().describe('Integration type (see GET /api/v1/integration-types)'),
        status: z.enum(['enabled', 'disabled']).describe('Disabled by an operator, with a reason'),
      }),
    )
    .describe("The account's integrations"),
  contactInfoComplete: z.boolean().describe('Every required contact field is filled in'),
  contactHealth: z
    .object({
      bouncing: z.number().int().describe('Addresses whose mail bounces'),
      unconfirmed: z.number().int().describe('Addresses nobody has confirmed yet'),
      stale: z.boolean().describe('The contact information was not re-confirmed in time'),
    })
    .optional()
    .describe('Contact health (in the accounts list, for operators)'),
});

export const accountDetail = accountSummary.extend({
  missing: z.array(z.enum(CONTACT_FIELDS)).describe('Required contact fields still empty'),
  /** The default language of the account's contacts: emails to a contact with no language of its own are written in it. */
  language: z.enum(SUPPORTED_LOCALES).describe("Default language of the account's contacts"),
});

/** `PATCH /api/v1/accounts/{id}` (admins): the account's default language. */
export const updateAccountBody = z.strictObject({
  language: z.enum(SUPPORTED_LOCALES).describe('Language of the emails to contacts that have none of their own'),
});

export const accountsQuery = pageQuery.extend({
  contactInfo: z.enum(['complete', 'incomplete']).optional().describe('Only accounts whose contact information is complete, or incomplete'),
  q: z.string().trim().max(200).optional().describe('Accounts whose name contains this (any case)'),
  sort: z.enum(['name', '-name']).optional().describe('By name, A to Z (`name`, the default) or Z to A (`-name`)'),
});
/** An item of `GET /api/v1/accounts`: the summary and how its deliveries are doing. */
export const accountListItem = accountSummary.extend({
  failingDeliveries: z
    .number()
    .int()
    .describe('Deliveries of its notifications from the last 14 days that failed or are being retried now'),
});
export const accountsPage = pageOf(accountListItem);

export const createAccountBody = z.strictObject({
  name: displayName.describe("The partner's name"),
  integrations: z.array(z.string().max(64)).min(1).max(20).describe('Integration types from the catalog'),
  adminEmail: userEmail.describe('The first admin: invited by email'),
  /** The language of the invitation email (default: the operator's). */
  locale: z.enum(SUPPORTED_LOCALES).optional().describe("Language of the invitation email (default: the operator's)"),
});

export const accountParams = z.strictObject({ accountId: z.string().max(64).describe('The account') });

export const member = z.object({
  userId: z.string().describe('The user'),
  email: z.string().describe('Their sign-in email'),
  name: z.string().describe('Their name (empty until they accept)'),
  role: z.enum(ROLES).describe('Role in this account'),
  status: z.enum(['active', 'invited']).describe('Invited: the invitation is not accepted yet'),
});
export const membersPage = pageOf(member);

export const addUserBody = z.strictObject({
  email: userEmail.describe('Whom to add: an existing user gets access at once, a new person an invitation'),
  role: z.enum(ROLES).describe('Role in this account'),
  name: displayName.optional().describe('Their name, if known'),
  locale: z.enum(SUPPORTED_LOCALES).optional().describe('Language of the invitation email'),
});

export const userParams = z.strictObject({ accountId: z.string().max(64).describe('The account'), userId: z.string().max(64).describe('The user') });
export const changeRoleBody = z.strictObject({ role: z.enum(ROLES).describe('The new role (the last admin stays an admin: 409 last_admin)') });

export const invitationParams = z.strictObject({ token: z.string().min(1).max(100).describe('The secret of the invitation link') });
export const invitationInfo = z.object({
  email: z.string().describe('Whom the invitation is for'),
  accountId: z.string().describe('The account it gives access to'),
  accountName: z.string().describe("The account's name"),
  /** True when the person already has a password: the page asks only for it. */
  existingUser: z.boolean().describe('The person already has a password: accepting asks only for it'),
  expiresAt: z.string().describe('Until when the link works (ISO 8601)'),
  /** The role the person gets in the account (null if the membership was removed meanwhile). */
  role: z.enum(ROLES).nullable().describe('The role the person gets in the account'),
  /** Who sent the invitation (null when the system did, or the sender no longer exists). */
  invitedBy: z
    .object({ name: z.string().describe("The inviter's name"), email: z.string().describe("The inviter's email") })
    .nullable()
    .describe('Who sent the invitation (null: Liaison itself)'),
});
export const acceptInvitationBody = z.strictObject({
  /** Required for a new person; someone who already has a password only confirms it. */
  name: displayName.optional().describe('Required for a new person'),
  password: z.string().min(12).max(1024).describe('A new password (at least 12 characters), or the existing one'),
});
