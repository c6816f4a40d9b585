import type { Db } from './db';
import { newId } from './ids';
import { newestFirst, toPage, type Page } from './paging';

export type MailboxMessage = {
  id: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  receivedAt: string;
};

/** A message as the embedded mail catcher received it. */
export type ReceivedMail = {
  envelopeFrom: string;
  envelopeTo: string[];
  fromHeader: string;
  subject: string;
  text: string;
  html: string | null;
  receivedAt: string;
};

export async function storeCaughtMail(db: Db, mail: ReceivedMail): Promise<void> {
  await db
    .insertInto('mailbox_messages')
    .values({
      id: newId('m'),
      envelope_from: mail.envelopeFrom,
      envelope_to: JSON.stringify(mail.envelopeTo),
      from_header: mail.fromHeader || mail.envelopeFrom,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      received_at: mail.receivedAt,
    })
    .execute();
}

/** Newest first, keyset-paged on (received_at, id). */
export async function listMailbox(db: Db, options: { limit: number; cursor?: string }): Promise<Page<MailboxMessage>> {
  const query = newestFirst(db.selectFrom('mailbox_messages').selectAll(), { at: 'received_at', id: 'id' }, options);
  const rows = await query.execute();
  const messages = rows.map((row) => ({
    id: row.id,
    from: row.from_header,
    to: JSON.parse(row.envelope_to) as string[],
    subject: row.subject,
    text: row.text,
    html: row.html,
    receivedAt: row.received_at,
  }));
  return toPage(messages, options.limit, (m) => ({ key: m.receivedAt, id: m.id }));
}
