import { z } from 'zod';

/** `GET /api/v1/meta`: facts about this installation that the web app needs before anyone signs in. */
export const metaResponse = z.object({
  /** Null when PLATFORM_NAME is unset: the web then says "the platform" in the reader's language. */
  platformName: z.string().nullable(),
  supportUrl: z.string().nullable(),
  mailboxEnabled: z.boolean(),
  locales: z.array(z.string()),
});
