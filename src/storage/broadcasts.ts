import { randomBytes } from 'node:crypto';
import type { Actor } from '../domain/principal';
import type { Category, Environment } from '../domain/routing';
import { databaseNow, type Db } from './db';
import { newSortableId, nowIso } from './ids';
import type { BroadcastsTable } from './schema';

export type Broadcast = {
  id: string;
  category: Category;
  env: Environment;
  title: string;
  integrationType: string | null;
  status: 'running' | 'done';
  accountsTotal: number;
  accountsDone: number;
  accountsSkipped: number;
  deliveriesQueued: number;
  createdAt: string;
  finishedAt: string | null;
};

type Row = Pick<
  BroadcastsTable,
  'id' | 'category' | 'env' | 'title' | 'integration_type' | 'status' | 'accounts_total' | 'created_at' | 'finished_at'
> & { accounts_done: number; accounts_skipped: number; deliveries_queued: number };

const columns = ['id', 'category', 'env', 'title', 'integration_type', 'status', 'accounts_total', 'accounts_done', 'accounts_skipped', 'deliveries_queued', 'created_at', 'finished_at'] as const;

function toBroadcast(row: Row): Broadcast {
  return {
    id: row.id,
    category: row.category,
    env: row.env,
    title: row.title,
    integrationType: row.integration_type,
    status: row.status,
    accountsTotal: Number(row.accounts_total),
    accountsDone: Number(row.accounts_done),
    accountsSkipped: Number(row.accounts_skipped),
    deliveriesQueued: Number(row.deliveries_queued),
    createdAt: new Date(row.created_at).toISOString(),
    finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
  };
}

/** The accounts a broadcast reaches (all, or those with one integration type), after `after` in id order. */
export function broadcastAccounts(db: Db, integrationType: string | null, after: string | null) {
  let query = db.selectFrom('accounts').select('accounts.id').orderBy('accounts.id');
  if (integrationType) {
    query = query.where((eb) => eb.exists(eb.selectFrom('account_integrations').select('account_id').whereRef('account_integrations.account_id', '=', 'accounts.id').where('account_integrations.type', '=', integrationType)));
  }
  if (after) query = query.where('accounts.id', '>', after);
  return query;
}

export async function insertBroadcast(
  db: Db,
  input: { category: Category; env: Environment; title: string; body: string; integrationType: string | null; actor: Actor },
): Promise<Broadcast> {
  const total = await broadcastAccounts(db, input.integrationType, null)
    .clearSelect()
    .clearOrderBy()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const row = {
    id: newSortableId('b'),
    category: input.category,
    env: input.env,
    title: input.title,
    body: input.body,
    integration_type: input.integrationType,
    status: 'running' as const,
    accounts_total: Number(total.n),
    after_account_id: null,
    lease_token: null,
    lease_until: null,
    created_by_kind: input.actor.kind,
    created_by_id: input.actor.id,
    created_by_name: input.actor.name,
    created_at: nowIso(),
    finished_at: null,
  };
  await db.insertInto('broadcasts').values(row).execute();
  return toBroadcast({ ...row, accounts_done: 0, accounts_skipped: 0, deliveries_queued: 0 });
}

export async function findBroadcast(db: Db, id: string): Promise<Broadcast | undefined> {
  const row = await db.selectFrom('broadcasts').select(columns).where('id', '=', id).executeTakeFirst();
  return row && toBroadcast(row);
}

export async function listBroadcasts(db: Db, limit = 20): Promise<Broadcast[]> {
  const rows = await db.selectFrom('broadcasts').select(columns).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toBroadcast);
}

/** Claims a running broadcast whose lease is free or lapsed: returns it with the lease token, or undefined. */
export async function claimBroadcast(db: Db, leaseMs: number, id?: string) {
  // Leases are timed by the database's clock, the one every worker host shares.
  const now = databaseNow(db);
  let query = db
    .selectFrom('broadcasts')
    .select(['id', 'category', 'env', 'title', 'body', 'integration_type', 'after_account_id', 'created_by_kind', 'created_by_id', 'created_by_name'])
    .where('status', '=', 'running')
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .orderBy('created_at')
    .limit(1);
  if (id) query = query.where('id', '=', id);
  const candidate = await query.executeTakeFirst();
  if (!candidate) return undefined;
  const token = randomBytes(12).toString('base64url');
  const claimed = await db
    .updateTable('broadcasts')
    .set({ lease_token: token, lease_until: databaseNow(db, leaseMs) })
    .where('id', '=', candidate.id)
    .where('status', '=', 'running')
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1 ? { ...candidate, token } : undefined;
}

/**
 * Records a batch's progress, only under the lease token (in the batch's transaction: a worker
 * that lost its lease records nothing, and its notifications roll back with it). False: lease lost.
 */
export async function recordBroadcastProgress(
  db: Db,
  input: { id: string; token: string; after: string | null; done: number; skipped: number; queued: number; finished: boolean; leaseMs: number },
): Promise<boolean> {
  const result = await db
    .updateTable('broadcasts')
    .set((eb) => ({
      after_account_id: input.after,
      accounts_done: eb('accounts_done', '+', input.done),
      accounts_skipped: eb('accounts_skipped', '+', input.skipped),
      deliveries_queued: eb('deliveries_queued', '+', input.queued),
      lease_until: input.finished ? null : databaseNow(db, input.leaseMs),
      ...(input.finished ? { status: 'done' as const, finished_at: nowIso(), lease_token: null } : {}),
    }))
    .where('id', '=', input.id)
    .where('lease_token', '=', input.token)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function finishBroadcast(db: Db, id: string, token: string): Promise<void> {
  await db.updateTable('broadcasts').set({ status: 'done', finished_at: nowIso(), lease_token: null, lease_until: null }).where('id', '=', id).where('lease_token', '=', token).execute();
}
