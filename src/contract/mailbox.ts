import { z } from 'zod';
import { pageOf } from './paging';

export const mailboxMessage = z.object({
  id: z.string().describe('The caught message'),
  from: z.string().describe('Sender, as in the From header'),
  to: z.array(z.string()).describe('Recipients'),
  subject: z.string().describe('Subject'),
  text: z.string().describe('Plain-text part'),
  html: z.string().nullable().describe('HTML part, if any'),
  receivedAt: z.string().describe('When the mail catcher received it (ISO 8601)'),
});

export const mailboxPage = pageOf(mailboxMessage);
