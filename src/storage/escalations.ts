import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { databaseNow, dialectOf, type Db } from './db';
import { newSortableId } from './ids';
import type { EscalationsTable, EscalationStatus } from './schema';

/**
 * Emergencies that are acknowledged or escalated. Each emergency email carries an Acknowledge
 * link with a random token of its own (stored as SHA-256, like service tokens); an emergency has
 * one escalation row whose next step is due at a database-clock time, claimed by workers under a
 * lease token exactly like deliveries, so timers survive restarts and run once with many workers.
 */

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** A fresh acknowledge token for one recipient of one notification, inside the caller's transaction. */
export async function issueAcknowledgeToken(tx: Db, notificationId: string, recipient: string): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await tx
    .insertInto('acknowledge_tokens')
    .values({ token_hash: hashToken(token), notification_id: notificationId, recipient, created_at: databaseNow(tx) })
    .execute();
  return token;
}

export type AcknowledgeTarget = {
  notificationId: string;
  recipient: string;
  accountName: string;
  title: string;
  body: string;
  env: 'production' | 'sandbox';
  createdAt: string;
  template: string | null;
  params: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
};

/** What an acknowledge token points at (undefined for an unknown token). Reads only. */
export async function findAcknowledgeTarget(db: Db, token: string): Promise<AcknowledgeTarget | undefined> {
  const row = await db
    .selectFrom('acknowledge_tokens')
    .innerJoin('notifications', 'notifications.id', 'acknowledge_tokens.notification_id')
    .innerJoin('accounts', 'accounts.id', 'notifications.account_id')
    .select([
      'acknowledge_tokens.notification_id',
      'acknowledge_tokens.recipient',
      'accounts.name as account_name',
      'notifications.title',
      'notifications.body',
      'notifications.env',
      'notifications.created_at',
      'notifications.template',
      'notifications.params',
      'notifications.acknowledged_at',
      'notifications.acknowledged_by',
    ])
    .where('acknowledge_tokens.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    notificationId: row.notification_id,
    recipient: row.recipient,
    accountName: row.account_name,
    title: row.title,
    body: row.body,
    env: row.env,
    createdAt: row.created_at,
    template: row.template,
    params: row.params,
    acknowledgedAt: row.acknowledged_at,
    acknowledgedBy: row.acknowledged_by,
  };
}

/**
 * Records the first acknowledgement (who and when, database clock) and stops the escalation, in
 * the caller's transaction. False when it was already acknowledged. The escalation row's update
 * waits for a worker completing a step on it (PostgreSQL row lock; SQLite's one writer), and a
 * worker's guarded completion after it changes nothing.
 */
export async function recordAcknowledgement(tx: Db, notificationId: string, recipient: string): Promise<boolean> {
  const result = await tx
    .updateTable('notifications')
    .set({ acknowledged_at: databaseNow(tx), acknowledged_by: recipient })
    .where('id', '=', notificationId)
    .where('acknowledged_at', 'is', null)
    .executeTakeFirst();
  await tx
    .updateTable('escalations')
    .set({ status: 'acknowledged', lease_until: null, lease_token: null })
    .where('notification_id', '=', notificationId)
    .where('status', '=', 'pending')
    .execute();
  return Number(result.numUpdatedRows) === 1;
}

/** Starts an emergency's escalation timer: step 1 due `afterMs` from now on the database clock. */
export async function scheduleEscalation(tx: Db, input: { notificationId: string; accountId: string; afterMs: number }): Promise<void> {
  await tx
    .insertInto('escalations')
    .values({
      id: newSortableId('e'),
      notification_id: input.notificationId,
      account_id: input.accountId,
      step: 1,
      status: 'pending',
      due_at: databaseNow(tx, input.afterMs),
      created_at: databaseNow(tx),
    })
    .execute();
}

export type ClaimedEscalation = { id: string; notificationId: string; accountId: string; step: number; leaseToken: string };

/**
 * Claims due escalation steps under a fresh lease token, in one statement (`for update skip
 * locked` on PostgreSQL). `now` replaces the database clock for what is due (tests move time
 * forward with it); leases are always timed by the database clock.
 */
export async function claimDueEscalations(db: Db, options: { limit: number; leaseMs: number; now?: string }): Promise<ClaimedEscalation[]> {
  const token = randomBytes(12).toString('base64url');
  const clock = databaseNow(db);
  const due = options.now ?? clock;
  const skipLocked = dialectOf(db) === 'postgres' ? sql`for update skip locked` : sql``;
  const result = await sql<EscalationsTable>`
    update escalations
    set lease_until = ${databaseNow(db, options.leaseMs)}, lease_token = ${token}
    where id in (
      select id from escalations
      where status = 'pending' and due_at <= ${due}
        and (lease_until is null or lease_until <= ${clock})
      order by due_at, id
      limit ${options.limit}
      ${skipLocked}
    )
    returning *`.execute(db);
  return result.rows.map((row) => ({ id: row.id, notificationId: row.notification_id, accountId: row.account_id, step: Number(row.step), leaseToken: token }));
}

/**
 * Completes a claimed step inside the caller's transaction, guarded by the lease token and the
 * row still pending at that step: false when the lease was lost or the emergency acknowledged
 * meanwhile (the caller then writes nothing else and rolls back). On PostgreSQL the update locks
 * the row, so an acknowledgement committing meanwhile is seen.
 */
export async function completeEscalationStep(
  tx: Db,
  claimed: ClaimedEscalation,
  next: { step: number; afterMs: number } | 'done',
  /** The injected clock the step was claimed by (tests): the next step is due relative to it. */
  now?: string,
): Promise<boolean> {
  const dueAt = (afterMs: number) => (now ? new Date(Date.parse(now) + afterMs).toISOString() : databaseNow(tx, afterMs));
  const stamp = claimed.step === 1 ? { resent_at: databaseNow(tx) } : { operators_alerted_at: databaseNow(tx) };
  const result = await tx
    .updateTable('escalations')
    .set({
      ...stamp,
      ...(next === 'done' ? { status: 'done' as EscalationStatus } : { step: next.step, due_at: dueAt(next.afterMs) }),
      lease_until: null,
      lease_token: null,
    })
    .where('id', '=', claimed.id)
    .where('lease_token', '=', claimed.leaseToken)
    .where('status', '=', 'pending')
    .where('step', '=', claimed.step)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export type EscalationView = {
  notificationId: string;
  accountId: string;
  accountName: string;
  title: string;
  createdAt: string;
  /** pending: waiting for `step` at dueAt; acknowledged: stopped; done: operators were alerted. */
  status: EscalationStatus;
  step: number;
  dueAt: string;
  resentAt: string | null;
  operatorsAlertedAt: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
};

/** The escalation of each given notification (for the notifications list). */
export async function escalationsOf(db: Db, notificationIds: string[]): Promise<Map<string, EscalationView>> {
  if (notificationIds.length === 0) return new Map();
  const rows = await escalationQuery(db).where('escalations.notification_id', 'in', notificationIds).execute();
  return new Map(rows.map((row) => [row.notification_id, toView(row)]));
}

/**
 * For operators: escalations that reached someone beyond the first recipients (re-sent or
 * operators alerted), newest first; `open` keeps those not acknowledged yet.
 */
export async function listEscalations(db: Db, options: { limit: number; open?: boolean }): Promise<EscalationView[]> {
  let query = escalationQuery(db).where('escalations.resent_at', 'is not', null);
  if (options.open) query = query.where('notifications.acknowledged_at', 'is', null);
  const rows = await query.orderBy('escalations.resent_at', 'desc').orderBy('escalations.id', 'desc').limit(options.limit).execute();
  return rows.map(toView);
}

function escalationQuery(db: Db) {
  return db
    .selectFrom('escalations')
    .innerJoin('notifications', 'notifications.id', 'escalations.notification_id')
    .innerJoin('accounts', 'accounts.id', 'escalations.account_id')
    .select([
      'escalations.id',
      'escalations.notification_id',
      'escalations.account_id',
      'accounts.name as account_name',
      'notifications.title',
      'notifications.created_at',
      'escalations.status',
      'escalations.step',
      'escalations.due_at',
      'escalations.resent_at',
      'escalations.operators_alerted_at',
      'notifications.acknowledged_at',
      'notifications.acknowledged_by',
    ]);
}

function toView(row: {
  notification_id: string;
  account_id: string;
  account_name: string;
  title: string;
  created_at: string;
  status: EscalationStatus;
  step: number;
  due_at: string;
  resent_at: string | null;
  operators_alerted_at: string | null;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
}): EscalationView {
  return {
    notificationId: row.notification_id,
    accountId: row.account_id,
    accountName: row.account_name,
    title: row.title,
    createdAt: row.created_at,
    status: row.status,
    step: Number(row.step),
    dueAt: row.due_at,
    resentAt: row.resent_at,
    operatorsAlertedAt: row.operators_alerted_at,
    acknowledgedAt: row.acknowledged_at,
    acknowledgedBy: row.acknowledged_by,
  };
}
