import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { ContactState, HealthField, ListedAddress } from '../domain/contact-health';
import { databaseNow, dialectOf, type Db } from './db';
import type { ContactReviewsTable } from './schema';

/**
 * Contact health rows (one per account, address and contact field), the tokens of confirmation
 * links (stored as SHA-256, like acknowledge tokens), and the review timer of each account.
 */

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export type ContactHealth = {
  address: string;
  purpose: HealthField;
  state: ContactState;
  locale: string | null;
  confirmedAt: string | null;
  bouncingSince: string | null;
  lastBounce: string | null;
};

function toHealth(row: {
  address: string;
  purpose: string;
  state: ContactState;
  locale: string | null;
  confirmed_at: string | null;
  bouncing_since: string | null;
  last_bounce: string | null;
}): ContactHealth {
  return {
    address: row.address,
    purpose: row.purpose as HealthField,
    state: row.state,
    locale: row.locale,
    confirmedAt: row.confirmed_at,
    bouncingSince: row.bouncing_since,
    lastBounce: row.last_bounce,
  };
}

/** Adds rows (unconfirmed) for addresses new to a field and drops those of addresses no longer listed, in the caller's transaction. */
export async function syncContactHealth(tx: Db, accountId: string, changes: { added: ListedAddress[]; removed: ListedAddress[] }): Promise<void> {
  for (const gone of changes.removed) {
    await tx.deleteFrom('contact_health').where('account_id', '=', accountId).where('address', '=', gone.address).where('purpose', '=', gone.purpose).execute();
    await tx
      .deleteFrom('contact_confirmation_tokens')
      .where('account_id', '=', accountId)
      .where('address', '=', gone.address)
      .where('purpose', '=', gone.purpose)
      .execute();
  }
  if (changes.added.length === 0) return;
  const now = databaseNow(tx);
  // An address already bouncing elsewhere in the account starts out bouncing here too.
  const bouncing = await bouncingAddresses(tx, accountId);
  await tx
    .insertInto('contact_health')
    .values(
      changes.added.map((a) => ({
        account_id: accountId,
        address: a.address,
        purpose: a.purpose,
        state: bouncing.has(a.address) ? ('bouncing' as const) : ('unconfirmed' as const),
        locale: a.locale,
        created_at: now,
        updated_at: now,
      })),
    )
    .onConflict((oc) => oc.columns(['account_id', 'address', 'purpose']).doNothing())
    .execute();
}

/** Every health row of an account. */
export async function contactHealthOf(db: Db, accountId: string): Promise<ContactHealth[]> {
  const rows = await db.selectFrom('contact_health').selectAll().where('account_id', '=', accountId).orderBy('purpose').orderBy('address').execute();
  return rows.map(toHealth);
}

/** The account's addresses whose last delivery failed for good. */
export async function bouncingAddresses(db: Db, accountId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('contact_health').select('address').where('account_id', '=', accountId).where('state', '=', 'bouncing').execute();
  return new Set(rows.map((row) => row.address));
}

/** A fresh confirmation token for one address and purpose, inside the caller's transaction. */
export async function issueConfirmationToken(tx: Db, input: { accountId: string; address: string; purpose: HealthField }): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await tx
    .insertInto('contact_confirmation_tokens')
    .values({ token_hash: hashToken(token), account_id: input.accountId, address: input.address, purpose: input.purpose, created_at: databaseNow(tx) })
    .execute();
  return token;
}

export type ConfirmationTarget = ContactHealth & { accountId: string; accountName: string };

/** What a confirmation token is about (undefined: unknown, or the address is no longer listed). Reads only. */
export async function findConfirmationTarget(db: Db, token: string): Promise<ConfirmationTarget | undefined> {
  const row = await db
    .selectFrom('contact_confirmation_tokens as t')
    .innerJoin('contact_health as h', (join) =>
      join.onRef('h.account_id', '=', 't.account_id').onRef('h.address', '=', 't.address').onRef('h.purpose', '=', 't.purpose'),
    )
    .innerJoin('accounts as a', 'a.id', 't.account_id')
    .select(['t.account_id', 'a.name as account_name', 'h.address', 'h.purpose', 'h.state', 'h.locale', 'h.confirmed_at', 'h.bouncing_since', 'h.last_bounce'])
    .where('t.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row) return undefined;
  return { ...toHealth(row), accountId: row.account_id, accountName: row.account_name };
}

/** Sets the state of one address (every purpose, or one), in the caller's transaction. */
export async function setContactState(
  tx: Db,
  input: { accountId: string; address: string; purpose?: HealthField; state: ContactState; lastBounce?: string },
): Promise<void> {
  const now = databaseNow(tx);
  let query = tx
    .updateTable('contact_health')
    .set({
      state: input.state,
      updated_at: now,
      ...(input.state === 'confirmed' ? { confirmed_at: now, bouncing_since: null } : {}),
      ...(input.state === 'bouncing'
        ? { bouncing_since: sql<string>`coalesce(bouncing_since, ${now})`, last_bounce: (input.lastBounce ?? '').slice(0, 1000) }
        : {}),
    })
    .where('account_id', '=', input.accountId)
    .where('address', '=', input.address);
  if (input.purpose) query = query.where('purpose', '=', input.purpose);
  await query.execute();
}

/** The states of one address in an account (one per field it is listed under). */
export async function statesOf(db: Db, accountId: string, address: string): Promise<ContactState[]> {
  const rows = await db.selectFrom('contact_health').select('state').where('account_id', '=', accountId).where('address', '=', address).execute();
  return rows.map((row) => row.state);
}

/**
 * A delivery accepted by the receiving server ends its address's bouncing (the domain's
 * `delivered` event): one statement for the sent deliveries of a claim.
 */
export async function recoverDelivered(db: Db, deliveryIds: string[]): Promise<number> {
  if (deliveryIds.length === 0) return 0;
  const result = await db
    .updateTable('contact_health')
    .set({ state: 'confirmed', bouncing_since: null, updated_at: databaseNow(db) })
    .where('state', '=', 'bouncing')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('deliveries')
          .select('deliveries.id')
          .where('deliveries.id', 'in', deliveryIds)
          .whereRef('deliveries.account_id', '=', 'contact_health.account_id')
          .where(sql`lower(deliveries.recipient)`, '=', sql.ref('contact_health.address')),
      ),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The delivery a failure was recorded for: its account (when it has one) and recipient. */
export async function deliveryTarget(db: Db, deliveryId: string): Promise<{ accountId: string | null; recipient: string; lastError: string | null } | undefined> {
  const row = await db
    .selectFrom('deliveries')
    .leftJoin('notifications', 'notifications.id', 'deliveries.notification_id')
    .select(['deliveries.account_id', 'notifications.account_id as notification_account_id', 'deliveries.recipient', 'deliveries.last_error'])
    .where('deliveries.id', '=', deliveryId)
    .executeTakeFirst();
  if (!row) return undefined;
  return { accountId: row.account_id ?? row.notification_account_id ?? null, recipient: row.recipient, lastError: row.last_error };
}

/** Says in the delivery log that the failure marked the address bouncing. */
export async function noteBounceOnDelivery(tx: Db, deliveryId: string, note: string): Promise<void> {
  await tx
    .updateTable('deliveries')
    .set({ last_error: sql<string>`${note} || coalesce(last_error, '')` })
    .where('id', '=', deliveryId)
    .execute();
}

export type HealthCounts = { bouncing: number; unconfirmed: number; confirmed: number };

/** Per account: how many addresses are in each state (one aggregate query). */
export async function healthCountsByAccount(db: Db, accountIds?: string[]): Promise<Map<string, HealthCounts>> {
  if (accountIds && accountIds.length === 0) return new Map();
  let query = db
    .selectFrom('contact_health')
    .select(['account_id', 'state', (eb) => eb.fn.count<number>(sql`distinct address`).as('n')])
    .groupBy(['account_id', 'state']);
  if (accountIds) query = query.where('account_id', 'in', accountIds);
  const out = new Map<string, HealthCounts>();
  for (const row of await query.execute()) {
    const counts = out.get(row.account_id) ?? { bouncing: 0, unconfirmed: 0, confirmed: 0 };
    counts[row.state] = Number(row.n);
    out.set(row.account_id, counts);
  }
  return out;
}

export type HealthSummary = { bouncing: number; unconfirmed: number; stale: boolean };

/** Per given account: bouncing and unconfirmed addresses, and whether it is stale (two aggregate queries). */
export async function healthSummaries(db: Db, accountIds: string[]): Promise<Map<string, HealthSummary>> {
  const out = new Map<string, HealthSummary>(accountIds.map((id) => [id, { bouncing: 0, unconfirmed: 0, stale: false }]));
  if (accountIds.length === 0) return out;
  for (const [id, counts] of await healthCountsByAccount(db, accountIds)) {
    const summary = out.get(id);
    if (summary) Object.assign(summary, { bouncing: counts.bouncing, unconfirmed: counts.unconfirmed });
  }
  const stale = await db.selectFrom('contact_reviews').select('account_id').where('account_id', 'in', accountIds).where('stale_since', 'is not', null).execute();
  for (const row of stale) out.get(row.account_id)!.stale = true;
  return out;
}

/** Over every account: accounts with a bouncing address, with an unconfirmed one, and stale accounts (aggregate queries). */
export async function healthTotals(db: Db): Promise<{ bouncingAccounts: number; unconfirmedAccounts: number; staleAccounts: number }> {
  const byState = await db
    .selectFrom('contact_health')
    .select(['state', (eb) => eb.fn.count<number>(sql`distinct account_id`).as('n')])
    .where('state', 'in', ['bouncing', 'unconfirmed'])
    .groupBy('state')
    .execute();
  const stale = await db.selectFrom('contact_reviews').select((eb) => eb.fn.countAll<number>().as('n')).where('stale_since', 'is not', null).executeTakeFirstOrThrow();
  const count = (state: string) => Number(byState.find((row) => row.state === state)?.n ?? 0);
  return { bouncingAccounts: count('bouncing'), unconfirmedAccounts: count('unconfirmed'), staleAccounts: Number(stale.n) };
}

// ---- The periodic review of the whole contact information ----

export type ContactReview = { confirmedAt: string; dueAt: string; stage: ContactReviewsTable['stage']; remindedAt: string | null; staleSince: string | null };

/** Starts (or restarts) the review clock: the whole contact information was confirmed now; the reminder is due `intervalMs` later. */
export async function restartReview(tx: Db, accountId: string, intervalMs: number, now?: string): Promise<void> {
  const at = now ?? databaseNow(tx);
  const due = now ? new Date(Date.parse(now) + intervalMs).toISOString() : databaseNow(tx, intervalMs);
  await tx
    .insertInto('contact_reviews')
    .values({ account_id: accountId, confirmed_at: at, stage: 'remind', due_at: due, reminded_at: null, stale_since: null, lease_until: null, lease_token: null })
    .onConflict((oc) =>
      oc.column('account_id').doUpdateSet({ confirmed_at: at, stage: 'remind', due_at: due, reminded_at: null, stale_since: null, lease_until: null, lease_token: null }),
    )
    .execute();
}

/** Starts the review clock once, when the contact information first becomes complete. */
export async function ensureReview(tx: Db, accountId: string, intervalMs: number): Promise<void> {
  const existing = await tx.selectFrom('contact_reviews').select('account_id').where('account_id', '=', accountId).executeTakeFirst();
  if (!existing) await restartReview(tx, accountId, intervalMs);
}

export async function reviewOf(db: Db, accountId: string): Promise<ContactReview | undefined> {
  const row = await db.selectFrom('contact_reviews').selectAll().where('account_id', '=', accountId).executeTakeFirst();
  return row ? { confirmedAt: row.confirmed_at, dueAt: row.due_at, stage: row.stage, remindedAt: row.reminded_at, staleSince: row.stale_since } : undefined;
}

export type ClaimedReview = { accountId: string; stage: 'remind' | 'stale'; leaseToken: string };

/** Claims due review steps under a fresh lease token (`for update skip locked` on PostgreSQL); `now` replaces the database clock for what is due. */
export async function claimDueReviews(db: Db, options: { limit: number; leaseMs: number; now?: string }): Promise<ClaimedReview[]> {
  const token = randomBytes(12).toString('base64url');
  const clock = databaseNow(db);
  const due = options.now ?? clock;
  const skipLocked = dialectOf(db) === 'postgres' ? sql`for update skip locked` : sql``;
  const result = await sql<ContactReviewsTable>`
    update contact_reviews
    set lease_until = ${databaseNow(db, options.leaseMs)}, lease_token = ${token}
    where account_id in (
      select account_id from contact_reviews
      where stage in ('remind', 'stale') and due_at <= ${due}
        and (lease_until is null or lease_until <= ${clock})
      order by due_at, account_id
      limit ${options.limit}
      ${skipLocked}
    )
    returning *`.execute(db);
  return result.rows.map((row) => ({ accountId: row.account_id, stage: row.stage as 'remind' | 'stale', leaseToken: token }));
}

/**
 * Completes a claimed review step in the caller's transaction, guarded by the lease token and the
 * stage (false when the lease was lost or the contact information was confirmed meanwhile). The
 * next step is due `afterMs` after `now` (the injected clock of tests), else the database clock.
 */
export async function completeReviewStep(
  tx: Db,
  claimed: ClaimedReview,
  next: { stage: ContactReviewsTable['stage']; afterMs: number },
  now: string | undefined,
): Promise<boolean> {
  const at = now ?? databaseNow(tx);
  const due = now ? new Date(Date.parse(now) + next.afterMs).toISOString() : databaseNow(tx, next.afterMs);
  const result = await tx
    .updateTable('contact_reviews')
    .set({
      stage: next.stage,
      due_at: due,
      ...(claimed.stage === 'remind' ? { reminded_at: at } : { stale_since: at }),
      lease_until: null,
      lease_token: null,
    })
    .where('account_id', '=', claimed.accountId)
    .where('lease_token', '=', claimed.leaseToken)
    .where('stage', '=', claimed.stage)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Stale accounts (for the operator dashboard), oldest first. */
export async function staleAccounts(db: Db, limit: number): Promise<{ accountId: string; accountName: string; staleSince: string }[]> {
  const rows = await db
    .selectFrom('contact_reviews')
    .innerJoin('accounts', 'accounts.id', 'contact_reviews.account_id')
    .select(['contact_reviews.account_id', 'accounts.name', 'contact_reviews.stale_since'])
    .where('contact_reviews.stale_since', 'is not', null)
    .orderBy('contact_reviews.stale_since')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ accountId: row.account_id, accountName: row.name, staleSince: row.stale_since! }));
}
