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

export const integrationType = z.object({ type: z.string(), name: z.string(), merchantIssueContacts: z.boolean() });

export const accountSummary = z.object({
  id: z.string(),
  name: z.string(),
  integrations: z.array(z.object({ type: z.string(), status: z.enum(['enabled', 'disabled']) })),
  contactInfoComplete: z.boolean(),
});

export const accountDetail = accountSummary.extend({ missing: z.array(z.enum(CONTACT_FIELDS)) });

export const accountsQuery = pageQuery.extend({
  contactInfo: z.enum(['complete', 'incomplete']).optional(),
  /** Accounts whose name contains this (any case). */
  q: z.string().trim().max(200).optional(),
  /** By name, A to Z (`name`, the default) or Z to A (`-name`). */
  sort: z.enum(['name', '-name']).optional(),
});
export const accountsPage = pageOf(accountSummary);

export const createAccountBody = z.strictObject({
  name: displayName,
  integrations: z.array(z.string().max(64)).min(1).max(20),
  adminEmail: userEmail,
  /** The language of the invitation email (default: the operator's). */
  locale: z.enum(SUPPORTED_LOCALES).optional(),
});

export const accountParams = z.strictObject({ accountId: z.string().max(64) });

export const member = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  status: z.enum(['active', 'invited']),
});
export const membersPage = pageOf(member);

export const addUserBody = z.strictObject({
  email: userEmail,
  role: z.enum(ROLES),
  name: displayName.optional(),
  locale: z.enum(SUPPORTED_LOCALES).optional(),
});

export const userParams = z.strictObject({ accountId: z.string().max(64), userId: z.string().max(64) });
export const changeRoleBody = z.strictObject({ role: z.enum(ROLES) });

export const invitationParams = z.strictObject({ token: z.string().min(1).max(100) });
export const invitationInfo = z.object({
  email: z.string(),
  accountId: z.string(),
  accountName: z.string(),
  /** True when the person already has a password: the page asks only for it. */
  existingUser: z.boolean(),
  expiresAt: z.string(),
});
export const acceptInvitationBody = z.strictObject({
  /** Required for a new person; someone who already has a password only confirms it. */
  name: displayName.optional(),
  password: z.string().min(12).max(1024),
});
