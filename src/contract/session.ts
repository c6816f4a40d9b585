import { z } from 'zod';
import { SUPPORTED_LOCALES } from '../domain/locales';

/** Request and response shapes of the session endpoints (shared by server and web). */
export const signInBody = z.strictObject({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});

/** Preferences of the signed-in user (the language picker remembers its choice here). */
export const updateSessionBody = z.strictObject({ locale: z.enum(SUPPORTED_LOCALES).nullable() });

export const sessionUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  locale: z.string().nullable(),
});

export const membership = z.object({
  accountId: z.string(),
  accountName: z.string(),
  role: z.enum(['admin', 'editor', 'viewer']),
});

export const sessionResponse = z.object({
  user: sessionUser,
  isOperator: z.boolean(),
  memberships: z.array(membership),
  csrfToken: z.string(),
});

export type SessionResponse = z.infer<typeof sessionResponse>;
