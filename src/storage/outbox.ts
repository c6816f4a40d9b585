import { sql } from 'kysely';
import type { OutgoingMail } from '../mail/mailer';
import type { Db, Dialect } from './db';
import { newId, nowIso } from './ids';
import type { OutboxTable } from './schema';

/** Retries back off exponentially from 30 s up to an hour; after 24 h a delivery is failed. */
export const OUTBOX_POLICY = { firstRetryMs: 30_000, maxRetryMs: 60 * 60 * 1000, giveUpAfterMs: 24 * 60 * 60 * 1000, leaseMs: 60_000 };

export type OutboxItem = { id: string; mail: OutgoingMail; attempts: number; createdAt: string };

/** Queues an email inside the caller's transaction: it is sent only if the change commits. */
export async function enqueueMail(db: Db, mail: Omit<OutgoingMail, 'messageId'>): Promise<string> {
  const id = newId('o');
  const now = nowIso();
  await db
    .insertInto('outbox')
    .values({
      id,
      recipient: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html ?? null,
      status: 'queued',
      attempts: 0,
      last_error: null,
      created_at: now,
      next_attempt_at: now,
      locked_until: null,
      sent_at: null,
    })
    .execute();
  return id;
}

/**
 * Claims up to `limit` due deliveries for one worker by leasing them (`locked_until`), in one
 * statement. On PostgreSQL `for update skip locked` keeps concurrent workers off each other's
 * rows; SQLite runs the statement as one write transaction. A worker that dies mid-send leaves
 * a lease that expires, and another worker takes the delivery over.
 */
export async function claimDue(db: Db, dialect: Dialect, limit: number): Promise<OutboxItem[]> {
  const now = nowIso();
  const leaseUntil = new Date(Date.now() + OUTBOX_POLICY.leaseMs).toISOString();
  const lock = dialect === 'postgres' ? sql`for update skip locked` : sql``;
  const result = await sql<OutboxTable>`
    update outbox set locked_until = ${leaseUntil}, attempts = attempts + 1
    where id in (
      select id from outbox
      where status in ('queued', 'retrying') and next_attempt_at <= ${now}
        and (locked_until is null or locked_until <= ${now})
      order by next_attempt_at
      limit ${limit}
      ${lock}
    )
    returning *`.execute(db);
  return result.rows.map((row) => ({
    id: row.id,
    attempts: Number(row.attempts),
    createdAt: typeof row.created_at === 'string' ? row.created_at : new Date(row.created_at).toISOString(),
    mail: { to: row.recipient, subject: row.subject, text: row.text, html: row.html ?? undefined, messageId: `<${row.id}@liaison>` },
  }));
}

export async function markSent(db: Db, id: string): Promise<void> {
  const now = nowIso();
  await db.updateTable('outbox').set({ status: 'sent', sent_at: now, locked_until: null, last_error: null }).where('id', '=', id).execute();
}

/** Schedules the next attempt, or marks the delivery failed once it is older than a day. */
export async function markAttemptFailed(db: Db, item: OutboxItem, error: string): Promise<'retrying' | 'failed'> {
  const now = Date.now();
  const delay = Math.min(OUTBOX_POLICY.firstRetryMs * 2 ** (item.attempts - 1), OUTBOX_POLICY.maxRetryMs);
  const giveUp = now + delay - Date.parse(item.createdAt) > OUTBOX_POLICY.giveUpAfterMs;
  const status = giveUp ? 'failed' : 'retrying';
  await db
    .updateTable('outbox')
    .set({ status, last_error: error.slice(0, 1000), next_attempt_at: new Date(now + delay).toISOString(), locked_until: null })
    .where('id', '=', item.id)
    .execute();
  return status;
}
