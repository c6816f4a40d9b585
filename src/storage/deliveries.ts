import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterCommit, databaseNow, dialectOf, type Db, type Storage } from './db';
import { newSortableId } from './ids';
import type { DeliveriesTable, DeliveryChannel } from './schema';

/**
 * The durable outbox: one row per message to one recipient, written in the transaction of the
 * change that causes it, and sent by delivery workers (src/worker). Invitations are a delivery
 * of their own; a notification owns one delivery per recipient.
 */
export type NewEmail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** The notification this delivery belongs to, and why this recipient gets it (a contact field). */
  notificationId?: string;
  reason?: string;
  /** The account it concerns: a permanent failure marks that account's contact bouncing. */
  accountId?: string;
  /** Extra headers (List-Unsubscribe, List-Unsubscribe-Post). */
  headers?: Record<string, string>;
};

export type ClaimedDelivery = {
  id: string;
  /** This claim's token: only its holder may record the outcome. */
  leaseToken: string;
  /** Attempts including this one. */
  attempts: number;
  createdAt: string;
  /** The database's time at the claim, to measure the delivery's age with one clock. */
  claimedAt: string;
  mail: { to: string; subject: string; text: string; html?: string; messageId: string; headers?: Record<string, string> };
  /** `webhook`: a POST of `mail.text` to the destination `webhookId` (its URL in `mail.to`, the event type in `mail.subject`). */
  channel: 'email' | 'webhook';
  webhookId: string | null;
};

/** Stable across retries, so a message sent again after a crash is recognisable as the same one. */
export function messageIdOf(deliveryId: string): string {
  return `<${deliveryId}@liaison>`;
}

const wakeWorkers = (storage: Storage) => storage.signal('deliveries');

/** Rows per insert statement: SQLite allows 32,766 bound values per statement. */
const INSERT_CHUNK = 1000;

/** Queues emails inside the caller's transaction: they exist, and workers wake, only if it commits. */
export async function enqueueEmails(tx: Db, emails: NewEmail[]): Promise<string[]> {
  if (emails.length === 0) return [];
  const now = databaseNow(tx);
  const rows = emails.map((mail) => ({
    id: newSortableId('d'),
    recipient: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html ?? null,
    notification_id: mail.notificationId ?? null,
    reason: mail.reason ?? null,
    account_id: mail.accountId ?? null,
    headers: mail.headers ? JSON.stringify(mail.headers) : null,
    status: 'queued' as const,
    attempts: 0,
    created_at: now,
    next_attempt_at: now,
  }));
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    await tx.insertInto('deliveries').values(rows.slice(start, start + INSERT_CHUNK)).execute();
  }
  afterCommit(tx, wakeWorkers);
  return rows.map((row) => row.id);
}

/**
 * Claims up to `limit` due deliveries by leasing them under a fresh token, in one statement timed
 * by the database clock. On PostgreSQL `for update skip locked` keeps concurrent workers off each
 * other's rows; on SQLite the statement is one short write transaction. A worker that dies
 * mid-send leaves a lease that runs out, and another worker takes the delivery over.
 */
export async function claimDue(db: Db, options: { limit: number; leaseMs: number }): Promise<ClaimedDelivery[]> {
  const token = randomBytes(12).toString('base64url');
  const now = databaseNow(db);
  const skipLocked = dialectOf(db) === 'postgres' ? sql`for update skip locked` : sql``;
  const result = await sql<DeliveriesTable & { claimed_at: string }>`
    update deliveries
    set lease_until = ${databaseNow(db, options.leaseMs)}, lease_token = ${token}, attempts = attempts + 1
    where id in (
      select id from deliveries
      where status in ('queued', 'retrying') and next_attempt_at <= ${now}
        and (lease_until is null or lease_until <= ${now})
      order by next_attempt_at, id
      limit ${options.limit}
      ${skipLocked}
    )
    returning *, ${now} as claimed_at`.execute(db);
  return result.rows.map((row) => ({
    id: row.id,
    leaseToken: token,
    attempts: Number(row.attempts),
    createdAt: row.created_at,
    claimedAt: row.claimed_at,
    mail: {
      to: row.recipient,
      subject: row.subject,
      text: row.text,
      html: row.html ?? undefined,
      messageId: messageIdOf(row.id),
      ...(row.headers ? { headers: JSON.parse(row.headers as unknown as string) as Record<string, string> } : {}),
    },
    channel: (row.channel as unknown as DeliveryChannel | null) ?? 'email',
    webhookId: (row.webhook_id as unknown as string | null) ?? null,
  }));
}

/** Extends the leases of deliveries still being sent under `leaseToken`. */
export async function renewLeases(db: Db, ids: string[], leaseToken: string, leaseMs: number): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('deliveries')
    .set({ lease_until: databaseNow(db, leaseMs) })
    .where('id', 'in', ids)
    .where('lease_token', '=', leaseToken)
    .execute();
}

/** Records a failed attempt: retried after `delayMs` (database clock), or failed for good. False when the lease was lost. */
export async function markFailed(
  db: Db,
  delivery: Pick<ClaimedDelivery, 'id' | 'leaseToken'>,
  outcome: { status: 'failed' } | { status: 'retrying'; delayMs: number },
  error: string,
): Promise<boolean> {
  const result = await db
    .updateTable('deliveries')
    .set({
      status: outcome.status,
      last_error: error.slice(0, 1000),
      ...(outcome.status === 'retrying' ? { next_attempt_at: databaseNow(db, outcome.delayMs) } : {}),
      lease_until: null,
      lease_token: null,
    })
    .where('id', '=', delivery.id)
    .where('lease_token', '=', delivery.leaseToken)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export type DeliveryStats = {
  byStatus: Record<'queued' | 'sent' | 'retrying' | 'failed', number>;
  /** Deliveries due now and not being sent. */
  due: number;
  /** Seconds since the oldest due delivery became due (0 when none is). */
  oldestDueAgeSeconds: number;
};

/** The outbox at a glance, for /metrics: every process sees the same shared queue. */
export async function deliveryStats(db: Db): Promise<DeliveryStats> {
  const now = databaseNow(db);
  const counts = await db.selectFrom('deliveries').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
  const byStatus = { queued: 0, sent: 0, retrying: 0, failed: 0 };
  for (const row of counts) byStatus[row.status] = Number(row.n);
  const due = await db
    .selectFrom('deliveries')
    .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.min('next_attempt_at').as('oldest'), sql<string>`${now}`.as('now')])
    .where('status', 'in', ['queued', 'retrying'])
    .where('next_attempt_at', '<=', now)
    .executeTakeFirstOrThrow();
  const oldestDueAgeSeconds = due.oldest ? Math.max(0, (Date.parse(due.now) - Date.parse(due.oldest)) / 1000) : 0;
  return { byStatus, due: Number(due.n), oldestDueAgeSeconds };
}

/**
 * Records several sent deliveries of one claim at once (one statement instead of one per
 * message); returns the ids recorded. Those missing lost their lease to another worker.
 */
export async function markSentMany(db: Db, ids: string[], leaseToken: string): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .updateTable('deliveries')
    .set({ status: 'sent', sent_at: databaseNow(db), lease_until: null, lease_token: null, last_error: null })
    .where('id', 'in', ids)
    .where('lease_token', '=', leaseToken)
    .returning('id')
    .execute();
  return new Set(rows.map((row) => row.id));
}
