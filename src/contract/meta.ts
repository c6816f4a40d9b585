import { z } from 'zod';

/** `GET /api/v1/meta`: facts about this installation that the web app needs before anyone signs in. */
export const metaResponse = z.object({
  /** Null when PLATFORM_NAME is unset: the web then says "the platform" in the reader's language. */
  platformName: z.string().nullable().describe("PLATFORM_NAME: the operator's name as partners see it"),
  /** Where "Contact support" goes: SUPPORT_URL, or null for the built-in help page. */
  supportUrl: z.string().nullable().describe('SUPPORT_URL: where "Contact support" goes; null: the built-in help page'),
  /** SUPPORT_EMAIL: partner support's address (the help page offers it as a mailto: link), or null. */
  supportEmail: z.string().nullable().describe("SUPPORT_EMAIL: partner support's address"),
  mailboxEnabled: z.boolean().describe('Mail is caught in the operators\' Mailbox (no SMTP server configured)'),
  locales: z.array(z.string()).describe('Languages of the UI, the API and emails'),
});
