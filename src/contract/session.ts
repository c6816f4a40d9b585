import { z } from 'zod';
import { SUPPORTED_LOCALES } from '../domain/locales';

/** Request and response shapes of the session endpoints (shared by server and web). */
export const signInBody = z.strictObject({
  email: z.string().trim().min(1).max(320).describe('The email address the person signs in with'),
  password: z.string().min(1).max(1024).describe('Their password'),
});

/** Preferences of the signed-in user (the language picker remembers its choice here). */
export const updateSessionBody = z.strictObject({
  locale: z.enum(SUPPORTED_LOCALES).nullable().describe("The person's language for screens and emails; null: follow the browser"),
});

export const sessionUser = z
  .object({
    id: z.string().describe('The person'),
    email: z.string().describe('Their sign-in address'),
    name: z.string().describe('Their name'),
    locale: z.string().nullable().describe('Their chosen language, or null when they follow the browser'),
  })
  .describe('Who is signed in');

export const membership = z
  .object({
    accountId: z.string().describe('An account the person belongs to'),
    accountName: z.string().describe("That account's name"),
    role: z.enum(['admin', 'editor', 'viewer']).describe('Their role in it'),
  })
  .describe("One of the person's accounts");

export const sessionResponse = z.object({
  user: sessionUser,
  isOperator: z.boolean().describe('Platform staff: sees every account'),
  memberships: z.array(membership).describe('The partner accounts the person belongs to, with their role'),
  csrfToken: z.string().describe('Sent back as X-CSRF-Token on every cookie-authenticated write'),
  /** Two-step sign-in is required of this person and not set up yet: enrol before anything else. */
  twoStepEnrolmentRequired: z.boolean().describe('Two-step sign-in is required of this person and not set up yet'),
});

export type SessionResponse = z.infer<typeof sessionResponse>;

/** Sign-in answered 202: the password was right, a code from the authenticator app is due. */
export const codeRequiredResponse = z.object({
  codeRequired: z.literal(true).describe('The password was right; a code from the authenticator app is due'),
  /** Sent back with the code; it works for a few minutes and opens no session on its own. */
  pendingToken: z.string().describe('Sent back with the code to POST /api/v1/session/two-step; opens no session on its own'),
  expiresAt: z.string().describe('When the pending sign-in ends (ISO 8601)'),
});

const pendingToken = z.string().min(1).max(200).describe('From the 202 answer of POST /api/v1/session');
export const twoStepSignInBody = z.union([
  z.strictObject({ pendingToken, code: z.string().trim().min(1).max(20).describe('The six digits the authenticator app shows now') }),
  z.strictObject({ pendingToken, recoveryCode: z.string().trim().min(1).max(40).describe('One of the recovery codes (each works once)') }),
]);

export const passwordResetRequestBody = z.strictObject({
  email: z.string().trim().min(1).max(320).describe('The address to send the reset link to (the answer is the same whether it has an account or not)'),
});

export const passwordResetBody = z.strictObject({
  token: z.string().min(1).max(200).describe('From the emailed link'),
  password: z.string().min(12).max(1024).describe('The new password, at least 12 characters'),
});
