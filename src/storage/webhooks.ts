import type { Category, Environment } from '../domain/routing';
import { afterCommit, databaseNow, type Db, type Storage } from './db';
import { newId, newSortableId } from './ids';
import { newestFirst, toPage, type Page } from './paging';
import type { DeliveryStatus, WebhooksTable } from './schema';

/** A webhook destination as people see it: never its secret (shown once, at creation and rotation). */
export type Webhook = {
  id: string;
  accountId: string;
  url: string;
  categories: Category[];
  env: Environment;
  status: 'enabled' | 'disabled';
  /** Also receives delivery status events of the account's emails. */
  deliveryEvents: boolean;
  failingSince: string | null;
  disabledAt: string | null;
  /** Until when the previous secret still signs (after a rotation); null when none does. */
  previousSecretUntil: string | null;
  createdAt: string;
};

/** Destinations an account may have. */
export const WEBHOOK_LIMIT = 5;

export function toWebhook(row: WebhooksTable): Webhook {
  return {
    id: row.id,
    accountId: row.account_id,
    url: row.url,
    categories: JSON.parse(row.categories) as Category[],
    env: row.env,
    status: row.status,
    deliveryEvents: row.delivery_events === 1,
    failingSince: row.failing_since,
    disabledAt: row.disabled_at,
    previousSecretUntil: row.previous_secret_until,
    createdAt: row.created_at,
  };
}

export async function listWebhooks(db: Db, accountId: string): Promise<Webhook[]> {
  const rows = await db.selectFrom('webhooks').selectAll().where('account_id', '=', accountId).orderBy('created_at').orderBy('id').execute();
  return rows.map(toWebhook);
}

export async function countWebhooks(db: Db, accountId: string): Promise<number> {
  const row = await db
    .selectFrom('webhooks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One destination of one account (undefined for another account's: callers answer 404). */
export async function findWebhookRow(db: Db, accountId: string, id: string): Promise<WebhooksTable | undefined> {
  return db.selectFrom('webhooks').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
}

export async function findWebhookById(db: Db, id: string): Promise<WebhooksTable | undefined> {
  return db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertWebhook(
  tx: Db,
  input: { accountId: string; url: string; categories: Category[]; env: Environment; secret: string; deliveryEvents?: boolean },
): Promise<Webhook> {
  const row: WebhooksTable = {
    id: newId('wh'),
    account_id: input.accountId,
    url: input.url,
    categories: JSON.stringify(input.categories),
    env: input.env,
    secret: input.secret,
    previous_secret: null,
    previous_secret_until: null,
    status: 'enabled',
    delivery_events: input.deliveryEvents ? 1 : 0,
    failing_since: null,
    disabled_at: null,
    created_at: new Date().toISOString(),
  };
  await tx.insertInto('webhooks').values(row).execute();
  return toWebhook(row);
}

export async function rotateWebhookSecret(tx: Db, id: string, secret: string, overlapMs: number): Promise<void> {
  await tx
    .updateTable('webhooks')
    .set((eb) => ({ previous_secret: eb.ref('secret'), previous_secret_until: new Date(Date.now() + overlapMs).toISOString(), secret }))
    .where('id', '=', id)
    .execute();
}

export async function deleteWebhook(tx: Db, id: string): Promise<void> {
  // Deliveries still waiting are dropped with the destination: nobody receives them any more.
  await tx.deleteFrom('deliveries').where('webhook_id', '=', id).where('status', 'in', ['queued', 'retrying']).execute();
  await tx.deleteFrom('webhooks').where('id', '=', id).execute();
}

/** Re-enables a disabled destination (its failure run starts afresh). */
export async function enableWebhook(tx: Db, id: string): Promise<void> {
  await tx.updateTable('webhooks').set({ status: 'enabled', failing_since: null, disabled_at: null }).where('id', '=', id).execute();
}

/** Enabled destinations of an account receiving a category in an environment. */
export async function webhooksFor(db: Db, accountId: string, category: Category, env: Environment): Promise<WebhooksTable[]> {
  const rows = await db
    .selectFrom('webhooks')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('status', '=', 'enabled')
    .where('env', '=', env)
    .execute();
  return rows.filter((row) => (JSON.parse(row.categories) as string[]).includes(category));
}

/** A webhook event: Standard Webhooks' recommended shape `{type, timestamp, data}`. */
export type WebhookEvent = { type: string; timestamp: string; data: Record<string, unknown> };

const wakeWorkers = (storage: Storage) => storage.signal('deliveries');

/** Queues one event to each destination inside the caller's transaction (the same outbox as email). */
export async function enqueueWebhookEvents(tx: Db, destinations: Pick<WebhooksTable, 'id' | 'url'>[], event: WebhookEvent): Promise<string[]> {
  if (destinations.length === 0) return [];
  const now = databaseNow(tx);
  const body = JSON.stringify(event);
  const rows = destinations.map((destination) => ({
    id: newSortableId('d'),
    recipient: destination.url,
    subject: event.type,
    text: body,
    html: null,
    notification_id: null,
    reason: null,
    status: 'queued' as const,
    attempts: 0,
    created_at: now,
    next_attempt_at: now,
    channel: 'webhook' as const,
    webhook_id: destination.id,
  }));
  await tx.insertInto('deliveries').values(rows).execute();
  afterCommit(tx, wakeWorkers);
  return rows.map((row) => row.id);
}

export type WebhookDeliveryView = {
  id: string;
  eventType: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  nextAttemptAt: string | null;
};

/** A destination's delivery log, newest first. */
export async function listWebhookDeliveries(db: Db, webhookId: string, options: { limit: number; cursor?: string }): Promise<Page<WebhookDeliveryView>> {
  const query = db
    .selectFrom('deliveries')
    .select(['id', 'subject', 'status', 'attempts', 'last_error', 'created_at', 'sent_at', 'next_attempt_at'])
    .where('webhook_id', '=', webhookId);
  const rows = await newestFirst(query, { at: 'created_at', id: 'id' }, options).execute();
  const items = rows.map((row) => ({
    id: row.id,
    eventType: row.subject,
    status: row.status,
    attempts: Number(row.attempts),
    lastError: row.last_error,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    nextAttemptAt: row.status === 'retrying' ? row.next_attempt_at : null,
  }));
  return toPage(items, options.limit, (d) => ({ key: d.createdAt, id: d.id }));
}

/** A success ends the destination's run of failures, and enables it again if it was disabled (only test events reach it then). */
export async function markWebhookHealthy(db: Db, id: string): Promise<void> {
  await db
    .updateTable('webhooks')
    .set({ failing_since: null, status: 'enabled', disabled_at: null })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('failing_since', 'is not', null), eb('status', '!=', 'enabled')]))
    .execute();
}

/** A failure starts a run of failures at `at` unless one is under way; returns when the run started. */
export async function markWebhookFailing(db: Db, id: string, at: string): Promise<string | null> {
  await db.updateTable('webhooks').set({ failing_since: at }).where('id', '=', id).where('failing_since', 'is', null).execute();
  const row = await db.selectFrom('webhooks').select('failing_since').where('id', '=', id).executeTakeFirst();
  return row?.failing_since ?? null;
}

/** Disables an enabled destination; true when this call did (so its admins are told once). */
export async function disableWebhook(tx: Db, id: string, at: string): Promise<boolean> {
  const result = await tx
    .updateTable('webhooks')
    .set({ status: 'disabled', disabled_at: at })
    .where('id', '=', id)
    .where('status', '=', 'enabled')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * For email deliveries of notifications: the enabled destinations of their accounts that asked
 * for delivery status events (one query for a batch of deliveries).
 */
export async function deliveryEventTargets(db: Db, deliveryIds: string[]) {
  if (deliveryIds.length === 0) return [];
  return db
    .selectFrom('deliveries')
    .innerJoin('notifications', 'notifications.id', 'deliveries.notification_id')
    .innerJoin('webhooks', 'webhooks.account_id', 'notifications.account_id')
    .select([
      'deliveries.id as deliveryId',
      'deliveries.recipient',
      'deliveries.status',
      'deliveries.attempts',
      'deliveries.last_error as lastError',
      'notifications.id as notificationId',
      'notifications.account_id as accountId',
      'notifications.category',
      'webhooks.id as webhookId',
      'webhooks.url',
    ])
    .where('deliveries.id', 'in', deliveryIds)
    .where('deliveries.channel', '=', 'email')
    .where('webhooks.delivery_events', '=', 1)
    .where('webhooks.status', '=', 'enabled')
    .execute();
}
