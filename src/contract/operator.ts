import { z } from 'zod';

/** GET /api/v1/operator/dashboard */
export const dashboard = z.object({
  accounts: z.object({ complete: z.number().int(), incomplete: z.number().int() }),
  days: z.array(z.object({ day: z.string().describe('YYYY-MM-DD (UTC)'), sent: z.number().int(), retrying: z.number().int(), failed: z.number().int() })),
  failingAccounts: z.array(z.object({ id: z.string(), name: z.string(), failed: z.number().int() })),
  oldestUndelivered: z
    .object({ notificationId: z.string(), accountId: z.string(), accountName: z.string(), title: z.string(), createdAt: z.string() })
    .nullable(),
});
