import { sql } from 'kysely';
import { dialectOf, type Db } from './db';
import { newId } from './ids';
import type { MaintenanceWindowsTable } from './schema';

/** A maintenance window as people see it, with how many notifications it holds (or held). */
export type MaintenanceWindow = {
  id: string;
  integration: string;
  startsAt: string;
  endsAt: string;
  reason: string;
  atEnd: 'release' | 'drop';
  status: 'scheduled' | 'ended';
  endedAt: string | null;
  createdAt: string;
  createdBy: string;
  held: number;
};

/** Categories a window holds; `emergency` (and the rest) always go out. */
export const HELD_CATEGORIES: ReadonlySet<string> = new Set(['alert', 'technical']);

/** Timestamps are compared as text on SQLite: always the one ISO 8601 shape. */
export const iso = (value: string | Date) => new Date(value).toISOString();

function toWindow(row: MaintenanceWindowsTable, held: number): MaintenanceWindow {
  return {
    id: row.id,
    integration: row.integration,
    startsAt: iso(row.starts_at),
    endsAt: iso(row.ends_at),
    reason: row.reason,
    atEnd: row.at_end,
    status: row.status,
    endedAt: row.ended_at ? iso(row.ended_at) : null,
    createdAt: iso(row.created_at),
    createdBy: row.created_by_name,
    held: Number(held),
  };
}

export async function insertMaintenanceWindow(
  tx: Db,
  input: { accountId: string; integration: string; startsAt: string; endsAt: string; reason: string; atEnd: 'release' | 'drop'; createdBy: string },
): Promise<MaintenanceWindow> {
  const row: MaintenanceWindowsTable = {
    id: newId('mw'),
    account_id: input.accountId,
    integration: input.integration,
    starts_at: iso(input.startsAt),
    ends_at: iso(input.endsAt),
    reason: input.reason,
    at_end: input.atEnd,
    status: 'scheduled',
    ended_at: null,
    created_at: iso(new Date()),
    created_by_name: input.createdBy,
  };
  await tx.insertInto('maintenance_windows').values(row).execute();
  return toWindow(row, 0);
}

/** An account's windows, the latest first (those still to end before ended ones). */
export async function listMaintenanceWindows(db: Db, accountId: string): Promise<MaintenanceWindow[]> {
  const rows = await db
    .selectFrom('maintenance_windows')
    .selectAll('maintenance_windows')
    .select((eb) =>
      eb
        .selectFrom('notifications')
        .select((n) => n.fn.countAll<number>().as('n'))
        .whereRef('notifications.held_by', '=', 'maintenance_windows.id')
        .as('held'),
    )
    .where('account_id', '=', accountId)
    .orderBy('status', 'desc')
    .orderBy('starts_at', 'desc')
    .limit(200)
    .execute();
  return rows.map((row) => toWindow(row, Number(row.held ?? 0)));
}

export async function findMaintenanceWindow(db: Db, accountId: string, id: string): Promise<MaintenanceWindow | undefined> {
  const row = await db.selectFrom('maintenance_windows').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const held = await db.selectFrom('notifications').select((n) => n.fn.countAll<number>().as('n')).where('held_by', '=', id).executeTakeFirstOrThrow();
  return toWindow(row, Number(held.n));
}

/**
 * The window holding an integration's notifications at `at`, if any. On PostgreSQL the row is
 * locked `for share`: a window being ended meanwhile is waited for and then no longer matches, so
 * nothing is held by a window whose end was already processed.
 */
export async function activeWindow(tx: Db, accountId: string, integration: string, at: string): Promise<string | undefined> {
  const lock = dialectOf(tx) === 'postgres' ? sql`for share` : sql``;
  const result = await sql<{ id: string }>`
    select id from maintenance_windows
    where account_id = ${accountId} and integration = ${integration} and status = 'scheduled'
      and starts_at <= ${iso(at)} and ends_at > ${iso(at)}
    order by starts_at
    limit 1
    ${lock}`.execute(tx);
  return result.rows[0]?.id;
}

/** Marks a window ended; false when it already was (so its end is processed once). */
export async function markWindowEnded(tx: Db, id: string, at: string): Promise<MaintenanceWindowsTable | undefined> {
  const row = await tx
    .updateTable('maintenance_windows')
    .set({ status: 'ended', ended_at: iso(at) })
    .where('id', '=', id)
    .where('status', '=', 'scheduled')
    .returningAll()
    .executeTakeFirst();
  return row;
}

/** Windows whose end is due at `at` and not processed yet. */
export async function dueWindowEnds(db: Db, at: string, limit = 50): Promise<{ id: string; accountId: string }[]> {
  const rows = await db
    .selectFrom('maintenance_windows')
    .select(['id', 'account_id'])
    .where('status', '=', 'scheduled')
    .where('ends_at', '<=', iso(at))
    .orderBy('ends_at')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ id: row.id, accountId: row.account_id }));
}

/** The notifications a window holds, oldest first. */
export async function heldNotifications(tx: Db, windowId: string) {
  return tx.selectFrom('notifications').selectAll().where('held_by', '=', windowId).where('hold_status', '=', 'held').orderBy('created_at').orderBy('id').execute();
}

export async function setHoldStatus(tx: Db, ids: string[], status: 'released' | 'dropped'): Promise<void> {
  if (ids.length === 0) return;
  await tx.updateTable('notifications').set({ hold_status: status }).where('id', 'in', ids).execute();
}
