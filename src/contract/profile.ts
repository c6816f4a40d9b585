import { z } from 'zod';
import { SUPPORTED_LOCALES } from '../domain/locales';
import { sessionUser } from './session';

/** Request and response shapes of the person's own profile (shared by server and web). */
export const profileResponse = z.object({
  user: sessionUser,
  twoStep: z
    .object({
      enabled: z.boolean().describe('Two-step sign-in is on for this person'),
      /** An operator while operators must, or a member of an account that requires it. */
      required: z.boolean().describe('Required of them: an operator while operators must, or a member of an account that requires it'),
      recoveryCodesLeft: z.number().int().describe('Recovery codes not used yet'),
    })
    .describe('Two-step sign-in with an authenticator app'),
  sessions: z
    .array(
      z.object({
        id: z.string().describe('The session (for DELETE /api/v1/profile/sessions/{sessionId})'),
        /** The browser and system in words ("Chrome 131 · Linux"); null when unknown. */
        device: z.string().nullable().describe('The browser and system in words ("Chrome 131 · Linux"); null when unknown'),
        address: z.string().nullable().describe('The IP address it was last seen from'),
        createdAt: z.string().describe('When it was opened (ISO 8601)'),
        lastSeenAt: z.string().describe('When it was last used (ISO 8601)'),
        /** The session this request came with. */
        current: z.boolean().describe('The session this request came with'),
      }),
    )
    .describe("The person's active sessions, most recently used first"),
});
export type ProfileResponse = z.infer<typeof profileResponse>;

export const updateProfileBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional().describe('Their name'),
  locale: z.enum(SUPPORTED_LOCALES).nullable().optional().describe('Their language; null: follow the browser'),
});

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(1024).describe('The password now'),
  newPassword: z.string().min(12).max(1024).describe('The new password, at least 12 characters; other sessions end'),
});

export const sessionIdParams = z.strictObject({ sessionId: z.string().min(1).max(100).describe('One of the person\'s sessions') });

export const twoStepSetupResponse = z.object({
  /** Base32, for typing into the app by hand. */
  secret: z.string().describe('The key in base32, for typing into the app by hand'),
  otpauthUri: z.string().describe('The otpauth:// URI authenticator apps read'),
  /** The otpauth URI as a QR code: an SVG data URL. */
  qrCode: z.string().describe('The otpauth URI as a QR code: an SVG data URL'),
});
export type TwoStepSetupResponse = z.infer<typeof twoStepSetupResponse>;

export const twoStepConfirmBody = z.strictObject({ code: z.string().trim().min(1).max(20).describe('The six digits the app shows, to prove it was set up') });
export const recoveryCodesResponse = z.object({
  recoveryCodes: z.array(z.string()).describe('Ten single-use codes for when the app is not at hand; shown this once'),
});
export const passwordBody = z.strictObject({ password: z.string().min(1).max(1024).describe("The person's password, to confirm it is them") });

export const securityEntry = z.object({
  id: z.string().describe('The entry'),
  at: z.string().describe('When it happened (ISO 8601)'),
  userId: z.string().describe('Whose account it concerns'),
  actor: z
    .object({
      kind: z.enum(['user', 'service', 'system']).describe('A person, a service token, or Liaison itself'),
      id: z.string().nullable().describe('The person or token; null for the system'),
      name: z.string().describe('Their name as it was then'),
    })
    .describe('Who did it'),
  /** password.changed, password.reset, two_step.enabled, two_step.disabled, sign_in.new_device, sign_in.recovery_code, session.ended, session.ended_others */
  action: z
    .string()
    .describe('password.changed, password.reset, two_step.enabled, two_step.disabled, sign_in.new_device, sign_in.recovery_code, session.ended or session.ended_others'),
  device: z.string().nullable().describe('The browser and system in words; null when unknown'),
  address: z.string().nullable().describe('The IP address of the request'),
});
export type SecurityEntry = z.infer<typeof securityEntry>;
export const securityLogResponse = z.object({
  items: z.array(securityEntry).describe('Newest first'),
  nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last'),
});

export const twoStepRequirement = z.strictObject({ required: z.boolean().describe('Two-step sign-in is required') });
