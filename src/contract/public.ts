import { z } from 'zod';
import { DAYS } from '../domain/contact-info';

/** What end users may see of a partner: its user-facing support contact, its hours, and whether it is open now. */
export const supportContactResponse = z.object({
  email: z.string(),
  phone: z.string().optional(),
  url: z.string().optional(),
  operationalSupport: z.object({
    alwaysOpen: z.boolean(),
    windows: z.array(z.object({ timeZone: z.string(), days: z.array(z.enum(DAYS)), start: z.string(), end: z.string() })),
  }),
  openNow: z.boolean(),
  nextChangeAt: z.string().nullable(),
});
