import { z } from 'zod';
import { DAYS } from '../domain/contact-info';

/** What end users may see of a partner: its user-facing support contact, its hours, and whether it is open now. */
export const supportContactResponse = z.object({
  email: z.string().describe("The partner's support email for users"),
  phone: z.string().optional().describe('Support phone in E.164'),
  url: z.string().optional().describe('Help page (https)'),
  operationalSupport: z
    .object({
      alwaysOpen: z.boolean().describe('Support answers at any hour, every day'),
      windows: z
        .array(
          z.object({
            timeZone: z.string().describe('IANA time zone of the window'),
            days: z.array(z.enum(DAYS)).describe('Days of the week'),
            start: z.string().describe('Start, HH:MM'),
            end: z.string().describe('End, HH:MM (24:00 = midnight)'),
          }),
        )
        .describe('Weekly windows'),
    })
    .describe('Support hours'),
  openNow: z.boolean().describe('Whether support is open at the time of the answer'),
  nextChangeAt: z.string().nullable().describe('When it next opens or closes (ISO 8601); null when it never changes'),
});
