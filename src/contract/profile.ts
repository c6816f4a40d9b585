import { z } from 'zod';
import { SUPPORTED_LOCALES } from '../domain/locales';
import { sessionUser } from './session';

/** Request and response shapes of the person's own profile (shared by server and web). */
export const profileResponse = z.object({
  user: sessionUser,
  twoStep: z.object({
    enabled: z.boolean(),
    /** An operator while operators must, or a member of an account that requires it. */
    required: z.boolean(),
    recoveryCodesLeft: z.number().int(),
  }),
  sessions: z.array(
    z.object({
      id: z.string(),
      /** The browser and system in words ("Chrome 131 · Linux"); null when unknown. */
      device: z.string().nullable(),
      address: z.string().nullable(),
      createdAt: z.string(),
      lastSeenAt: z.string(),
      /** The session this request came with. */
      current: z.boolean(),
    }),
  ),
});
export type ProfileResponse = z.infer<typeof profileResponse>;

export const updateProfileBody = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    locale: z.enum(SUPPORTED_LOCALES).nullable().optional(),
  });

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(12).max(1024),
});

export const sessionIdParams = z.strictObject({ sessionId: z.string().min(1).max(100) });

export const twoStepSetupResponse = z.object({
  /** Base32, for typing into the app by hand. */
  secret: z.string(),
  otpauthUri: z.string(),
  /** The otpauth URI as a QR code: an SVG data URL. */
  qrCode: z.string(),
});
export type TwoStepSetupResponse = z.infer<typeof twoStepSetupResponse>;

export const twoStepConfirmBody = z.strictObject({ code: z.string().trim().min(1).max(20) });
export const recoveryCodesResponse = z.object({ recoveryCodes: z.array(z.string()) });
export const passwordBody = z.strictObject({ password: z.string().min(1).max(1024) });

export const securityEntry = z.object({
  id: z.string(),
  at: z.string(),
  userId: z.string(),
  actor: z.object({ kind: z.enum(['user', 'service', 'system']), id: z.string().nullable(), name: z.string() }),
  /** password.changed, password.reset, two_step.enabled, two_step.disabled, sign_in.new_device, sign_in.recovery_code, session.ended, session.ended_others */
  action: z.string(),
  device: z.string().nullable(),
  address: z.string().nullable(),
});
export type SecurityEntry = z.infer<typeof securityEntry>;
export const securityLogResponse = z.object({ items: z.array(securityEntry), nextCursor: z.string().nullable() });

export const twoStepRequirement = z.strictObject({ required: z.boolean() });
