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
  /** Two-step sign-in is required of this person and not set up yet: enrol before anything else. */
  twoStepEnrolmentRequired: z.boolean(),
});

export type SessionResponse = z.infer<typeof sessionResponse>;

/** Sign-in answered 202: the password was right, a code from the authenticator app is due. */
export const codeRequiredResponse = z.object({
  codeRequired: z.literal(true),
  /** Sent back with the code; it works for a few minutes and opens no session on its own. */
  pendingToken: z.string(),
  expiresAt: z.string(),
});

export const twoStepSignInBody = z.union([
  z.strictObject({ pendingToken: z.string().min(1).max(200), code: z.string().trim().min(1).max(20) }),
  z.strictObject({ pendingToken: z.string().min(1).max(200), recoveryCode: z.string().trim().min(1).max(40) }),
]);

export const passwordResetRequestBody = z.strictObject({ email: z.string().trim().min(1).max(320) });

export const passwordResetBody = z.strictObject({
  token: z.string().min(1).max(200),
  password: z.string().min(12).max(1024),
});
