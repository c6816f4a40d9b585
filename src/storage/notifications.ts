import { sql } from 'kysely';
import { CONTACT_FIELDS, type ContactField } from '../domain/contact-fields';
import { ESCALATION_REASON_PREFIX } from '../domain/escalation';
import { escalationsOf, type EscalationView } from './escalations';
import type { Actor } from '../domain/principal';
import type { NotificationTemplate } from '../i18n/names';
import type { Category, Environment } from '../domain/routing';
import { databaseNow, type Db } from './db';
import { newSortableId, nowIso } from './ids';
import { newestFirst, toPage, type Page } from './paging';
import type { DeliveryStatus } from './schema';

export type DeliveryView = {
  email: string;
  /** Why this recipient: the contact field it is listed in (null for other mail). */
  field: ContactField | null;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  /** Sent by an escalation step (re-sent to a contact, or to an admin: field null). */
  escalated: boolean;
};

export type NotificationView = {
  id: string;
  category: Category;
  env: Environment;
  title: string;
  body: string;
  test: boolean;
  createdAt: string;
  lastOccurredAt: string;
  occurrences: number;
  createdBy: { kind: Actor['kind']; name: string };
  /** Liaison's own notifications: worded per reader from this (title and body are the English). */
  template: { id: NotificationTemplate; params: Record<string, string> } | null;
  deliveries: DeliveryView[];
  /** Emergencies: the first acknowledgement (when, by which recipient address). */
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  /** Emergencies: how far the escalation went (null for other categories and tests). */
  escalation: { status: 'pending' | 'acknowledged' | 'done'; step: number; dueAt: string; resentAt: string | null; operatorsAlertedAt: string | null } | null;
  /** User escalations: whether the partner's support was open when raised, and when that changed. */
  supportStatus: SupportStatusView | null;
  integration: string | null;
  /** Held by a maintenance window: still held, released at its end, or dropped. */
  hold: { status: 'held' | 'released' | 'dropped'; reason: 'maintenance' | 'business_hours'; windowId: string | null; until: string | null } | null;
};

export type NewNotification = {
  accountId: string;
  category: Category;
  env: Environment;
  title: string;
  body: string;
  dedupKey?: string;
  test?: boolean;
  template?: { id: string; params: Record<string, string> };
  actor: Actor;
  /** User escalations: the partner's support when raised. */
  supportStatus?: SupportStatusView | null;
  /** The integration it is about (one of the account's), when the raiser said. */
  integration?: string;
  /** What holds it: a maintenance window's id, or `business_hours` (until `heldUntil`). Written, nothing sent until released. */
  heldBy?: string;
  heldUntil?: string;
};

export type SupportStatusView = { openNow: boolean; nextChangeAt: string | null; timeZone: string | null };

/**
 * Claims a dedup key for a new notification, inside the caller's transaction. Returns the id of
 * the notification already holding the key when its window is still open (the caller then only
 * counts an occurrence), or undefined when `notificationId` now holds it. One statement, so
 * concurrent raises of one key serialize on its row and count one notification.
 */
export async function claimDedupKey(
  tx: Db,
  input: { accountId: string; key: string; notificationId: string; windowMs: number },
): Promise<string | undefined> {
  const now = databaseNow(tx);
  const claimed = await tx
    .insertInto('dedup_keys')
    .values({ account_id: input.accountId, key: input.key, notification_id: input.notificationId, window_ends_at: databaseNow(tx, input.windowMs) })
    .onConflict((oc) =>
      oc
        .columns(['account_id', 'key'])
        .doUpdateSet({ notification_id: input.notificationId, window_ends_at: databaseNow(tx, input.windowMs) })
        .where('dedup_keys.window_ends_at', '<=', now),
    )
    .returning('notification_id')
    .executeTakeFirst();
  if (claimed) return undefined;
  const holder = await tx
    .selectFrom('dedup_keys')
    .select('notification_id')
    .where('account_id', '=', input.accountId)
    .where('key', '=', input.key)
    .executeTakeFirstOrThrow();
  return holder.notification_id;
}

export function newNotificationId(): string {
  return newSortableId('n');
}

export async function insertNotification(tx: Db, id: string, input: NewNotification): Promise<{ createdAt: string }> {
  const createdAt = nowIso();
  await tx
    .insertInto('notifications')
    .values({
      id,
      account_id: input.accountId,
      category: input.category,
      env: input.env,
      title: input.title,
      body: input.body,
      dedup_key: input.dedupKey ?? null,
      is_test: input.test ? 1 : 0,
      template: input.template?.id ?? null,
      params: input.template ? JSON.stringify(input.template.params) : null,
      support_status: input.supportStatus ? JSON.stringify(input.supportStatus) : null,
      integration: input.integration ?? null,
      held_by: input.heldBy ?? null,
      hold_status: input.heldBy ? 'held' : null,
      held_until: input.heldUntil ?? null,
      created_by_kind: input.actor.kind,
      created_by_id: input.actor.id,
      created_by_name: input.actor.name,
      created_at: createdAt,
      last_occurred_at: createdAt,
    })
    .execute();
  return { createdAt };
}

/** A repeat within the dedup window: counted on the notification, nothing sent. */
export async function countOccurrence(tx: Db, notificationId: string): Promise<void> {
  await tx
    .updateTable('notifications')
    .set({ occurrences: sql`occurrences + 1`, last_occurred_at: nowIso() })
    .where('id', '=', notificationId)
    .execute();
}

export async function countTestsSince(db: Db, accountId: string, since: string): Promise<{ count: number; oldest: string | null }> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('created_at').as('oldest')])
    .where('account_id', '=', accountId)
    .where('is_test', '=', 1)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), oldest: row.oldest ?? null };
}

/** A notification's state from its deliveries: failed if any failed, else retrying, else queued, else sent. */
export async function notificationStatus(db: Db, notificationId: string): Promise<DeliveryStatus> {
  const rows = await db.selectFrom('deliveries').select('status').distinct().where('notification_id', '=', notificationId).execute();
  const statuses = new Set(rows.map((row) => row.status));
  for (const status of ['failed', 'retrying', 'queued'] as const) if (statuses.has(status)) return status;
  return 'sent';
}

/** Recipients of one notification (for the 202 answer and a deduplicated repeat). */
export async function recipientsOf(db: Db, notificationId: string): Promise<{ email: string; field: ContactField }[]> {
  const rows = await db
    .selectFrom('deliveries')
    .select(['recipient', 'reason'])
    .where('notification_id', '=', notificationId)
    .where((eb) => eb.or([eb('reason', 'is', null), eb('reason', 'not like', `${ESCALATION_REASON_PREFIX}%`)]))
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ email: row.recipient, field: row.reason as ContactField }));
}

/**
 * An account's notifications newest first, each with its per-recipient deliveries. `status`
 * keeps those with at least one delivery in that state (e.g. every notification that failed somewhere).
 */
export async function listNotifications(
  db: Db,
  accountId: string,
  options: { limit: number; cursor?: string; category?: Category; status?: DeliveryStatus },
): Promise<Page<NotificationView>> {
  let query = db.selectFrom('notifications').selectAll().where('account_id', '=', accountId);
  if (options.category) query = query.where('category', '=', options.category);
  if (options.status) {
    const status = options.status;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('deliveries')
          .select(sql`1`.as('one'))
          .whereRef('deliveries.notification_id', '=', 'notifications.id')
          .where('deliveries.status', '=', status),
      ),
    );
  }
  const rows = await newestFirst(query, { at: 'created_at', id: 'id' }, options).execute();
  const deliveries =
    rows.length === 0
      ? []
      : await db
          .selectFrom('deliveries')
          .select(['notification_id', 'recipient', 'reason', 'status', 'attempts', 'last_error', 'sent_at'])
          .where(
            'notification_id',
            'in',
            rows.map((row) => row.id),
          )
          .orderBy('id')
          .execute();
  const escalations = await escalationsOf(
    db,
    rows.filter((row) => row.category === 'emergency').map((row) => row.id),
  );
  const pick = (e: EscalationView | undefined) =>
    e ? { status: e.status, step: e.step, dueAt: e.dueAt, resentAt: e.resentAt, operatorsAlertedAt: e.operatorsAlertedAt } : null;
  const byNotification = new Map<string, DeliveryView[]>();
  for (const d of deliveries) {
    const list = byNotification.get(d.notification_id!) ?? [];
    const escalated = d.reason?.startsWith(ESCALATION_REASON_PREFIX) ?? false;
    const reason = escalated ? d.reason!.slice(ESCALATION_REASON_PREFIX.length) : d.reason;
    const field = (CONTACT_FIELDS as readonly string[]).includes(reason ?? '') ? (reason as ContactField) : null;
    list.push({ email: d.recipient, field, status: d.status, attempts: Number(d.attempts), lastError: d.last_error, sentAt: d.sent_at, escalated });
    byNotification.set(d.notification_id!, list);
  }
  const items = rows.map((row) => ({
    id: row.id,
    category: row.category,
    env: row.env,
    title: row.title,
    body: row.body,
    test: row.is_test === 1,
    createdAt: row.created_at,
    lastOccurredAt: row.last_occurred_at,
    occurrences: Number(row.occurrences),
    createdBy: { kind: row.created_by_kind, name: row.created_by_name },
    template: row.template ? { id: row.template as NotificationTemplate, params: JSON.parse(row.params ?? '{}') as Record<string, string> } : null,
    deliveries: byNotification.get(row.id) ?? [],
    acknowledgedAt: row.acknowledged_at,
    acknowledgedBy: row.acknowledged_by,
    escalation: pick(escalations.get(row.id)),
    supportStatus: row.support_status ? (JSON.parse(row.support_status) as SupportStatusView) : null,
    integration: row.integration,
    hold:
      row.held_by && row.hold_status
        ? row.held_by === 'business_hours'
          ? { status: row.hold_status, reason: 'business_hours' as const, windowId: null, until: row.held_until ? new Date(row.held_until).toISOString() : null }
          : { status: row.hold_status, reason: 'maintenance' as const, windowId: row.held_by, until: null }
        : null,
  }));
  return toPage(items, options.limit, (n) => ({ key: n.createdAt, id: n.id }));
}

/** Whether a notification is held by a maintenance window right now. */
export async function isHeld(db: Db, notificationId: string): Promise<boolean> {
  const row = await db.selectFrom('notifications').select('hold_status').where('id', '=', notificationId).executeTakeFirst();
  return row?.hold_status === 'held';
}
