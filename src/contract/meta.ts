import { z } from 'zod';

/** `GET /api/v1/meta`: facts about this installation that the web app needs before anyone signs in. */
export const metaResponse = z.object({
  /** Null when PLATFORM_NAME is unset: the web then says "the platform" in the reader's language. */
  platformName: z.string().nullable(),
  supportUrl: z.string().nullable(),
  /** SUPPORT_EMAIL: partner support's address (the help page offers it as a mailto: link), or null. */
  supportEmail: z.string().nullable(),
  mailboxEnabled: z.boolean(),
  locales: z.array(z.string()),
});
