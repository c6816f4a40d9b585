import { z } from 'zod';
import { pageOf } from './paging';

export const mailboxMessage = z.object({
  id: z.string(),
  from: z.string(),
  to: z.array(z.string()),
  subject: z.string(),
  text: z.string(),
  html: z.string().nullable(),
  receivedAt: z.string(),
});

export const mailboxPage = pageOf(mailboxMessage);
