import { healthSummaries, type HealthSummary } from './contact-health';
import { sql } from 'kysely';
import type { ContactInfo } from '../domain/contact-info';
import type { AccountIntegration } from './accounts';
import type { Db } from './db';

/** One account as the CSV export writes it: its integrations, its document and its alert contacts' emails. */
export type ExportedAccount = {
  id: string;
  name: string;
  contactInfoComplete: boolean;
  integrations: AccountIntegration[];
  info: ContactInfo | null;
  alertEmails: string[];
  health: HealthSummary;
};

/**
 * Every account in id order, in batches of `batchSize` read by keyset (`id > last`), so an export
 * of any size holds one batch in memory and each query is an index range scan. Small batches on
 * purpose: a batch (its parsed documents above all) is alive while it is written out, and what
 * is alive at a scavenge is promoted to the old generation, where it stays as garbage until a
 * full GC. 1,000 accounts a batch took the server from 210 to 320 MiB exporting 100,000; 50 add
 * about 2 MiB on SQLite and 25 on PostgreSQL, for 2,000 queries more (a second or so).
 */
export async function* exportAccountBatches(db: Db, options: { batchSize?: number } = {}): AsyncGenerator<ExportedAccount[]> {
  const batchSize = options.batchSize ?? 50;
  let after: string | undefined;
  for (;;) {
    const batch = await readExportBatch(db, after, batchSize);
    if (batch.length === 0) return;
    const more = batch.length === batchSize;
    after = batch.at(-1)!.id;
    yield batch;
    if (!more) return;
  }
}

/**
 * Empties rows the driver returned once they are read. pg's row objects are often allocated
 * straight in V8's old generation (V8 pretenures them: every row of a result outlives the
 * scavenges that happen while the result is read), and a dead old object still keeps the young
 * strings it points to alive until the next full GC, which comes late when the heap is growing.
 * Measured at 100,000 accounts on PostgreSQL: every document, id, name and email of the export
 * was promoted, about 90 MB of garbage, peak RSS 190 → 280 MiB. Emptied rows hold nothing.
 */
function letGo(rows: object[]): void {
  for (const row of rows) for (const key of Object.keys(row)) (row as Record<string, unknown>)[key] = null;
}

/**
 * One batch of the export. The database's rows are turned into the batch's own objects (the
 * documents parsed) as soon as they arrive, and nothing holds them afterwards.
 */
async function readExportBatch(db: Db, after: string | undefined, batchSize: number): Promise<ExportedAccount[]> {
  let query = db
    .selectFrom('accounts')
    // The keyset bound on the joined side too: PostgreSQL's merge join would otherwise scan
    // contact_info from its first row for every batch (quadratic: 58 s for 100,000 accounts).
    .leftJoin('contact_info', (join) => {
      const on = join.onRef('contact_info.account_id', '=', 'accounts.id');
      return after === undefined ? on : on.on('contact_info.account_id', '>', after);
    })
    .select(['accounts.id', 'accounts.name', 'accounts.contact_info_complete', 'contact_info.document'])
    .orderBy('accounts.id')
    .limit(batchSize);
  if (after !== undefined) query = query.where('accounts.id', '>', after);
  const rows = await query.execute();
  const accounts: ExportedAccount[] = rows.map((row) => ({
    id: row.id,
    name: row.name,
    contactInfoComplete: row.contact_info_complete === 1,
    integrations: [],
    info: row.document ? (JSON.parse(row.document) as ContactInfo) : null,
    alertEmails: [],
    health: { bouncing: 0, unconfirmed: 0, stale: false },
  }));
  letGo(rows);
  if (accounts.length === 0) return accounts;
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const integrations = await db
    .selectFrom('account_integrations')
    .select(['account_id', 'type', 'status'])
    .where('account_id', 'in', [...byId.keys()])
    .orderBy('account_id')
    .orderBy('type')
    .execute();
  for (const i of integrations) byId.get(i.account_id)!.integrations.push({ type: i.type, status: i.status });
  letGo(integrations);
  for (const [id, health] of await healthSummaries(db, [...byId.keys()])) {
    const account = byId.get(id);
    if (account) account.health = health;
  }
  const alertIds = [...new Set(accounts.flatMap((a) => a.info?.alertContacts.map((ref) => ref.userId) ?? []))];
  if (alertIds.length > 0) {
    const userRows = await db.selectFrom('users').select(['id', 'email']).where('id', 'in', alertIds).execute();
    const users = new Map(userRows.map((u) => [u.id, u.email]));
    letGo(userRows);
    for (const a of accounts) a.alertEmails = (a.info?.alertContacts ?? []).flatMap((ref) => users.get(ref.userId) ?? []);
  }
  return accounts;
}

export type DashboardFigures = {
  accounts: { complete: number; incomplete: number };
  /** Deliveries created on each of the last `days` days (UTC), by their status now. */
  days: { day: string; sent: number; retrying: number; failed: number }[];
  /** Accounts whose deliveries are failing (see `failingDeliveries`), most first. */
  failingAccounts: { id: string; name: string; failed: number }[];
  /** The oldest notification delivery not sent yet (queued or retrying). */
  oldestUndelivered: { notificationId: string; accountId: string; accountName: string; title: string; createdAt: string } | null;
};

/** The operators' dashboard from aggregate queries only: no rows are loaded beyond the top lists. */
export async function dashboardFigures(db: Db, dialect: 'sqlite' | 'postgres', options: { days: number; now: Date }): Promise<DashboardFigures> {
  const completeness = await db
    .selectFrom('accounts')
    .select(['contact_info_complete', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('contact_info_complete')
    .execute();
  const count = (flag: number) => Number(completeness.find((r) => Number(r.contact_info_complete) === flag)?.n ?? 0);

  const first = firstDayOf(options.now, options.days);
  const dayOf = dialect === 'postgres' ? sql<string>`to_char(created_at at time zone 'UTC', 'YYYY-MM-DD')` : sql<string>`substr(created_at, 1, 10)`;
  const perDay = await db
    .selectFrom('deliveries')
    .select([dayOf.as('day'), 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('created_at', '>=', first.toISOString())
    .where('status', 'in', ['sent', 'retrying', 'failed'])
    .groupBy([dayOf, 'status'])
    .execute();
  const days = Array.from({ length: options.days }, (_, i) => {
    const day = new Date(first.getTime() + i * 86_400_000).toISOString().slice(0, 10);
    const of = (status: string) => Number(perDay.find((r) => r.day === day && r.status === status)?.n ?? 0);
    return { day, sent: of('sent'), retrying: of('retrying'), failed: of('failed') };
  });

  const failing = await failingDeliveries(db, { since: first });

  const oldest = await db
    .selectFrom('deliveries')
    .innerJoin('notifications', 'notifications.id', 'deliveries.notification_id')
    .innerJoin('accounts', 'accounts.id', 'notifications.account_id')
    .select(['notifications.id as notificationId', 'accounts.id as accountId', 'accounts.name as accountName', 'notifications.title', 'deliveries.created_at as createdAt'])
    .where('deliveries.status', 'in', ['queued', 'retrying'])
    .orderBy('deliveries.created_at')
    .limit(1)
    .executeTakeFirst();

  return {
    accounts: { complete: count(1), incomplete: count(0) },
    days,
    failingAccounts: failing,
    oldestUndelivered: oldest ? { ...oldest, createdAt: new Date(oldest.createdAt).toISOString() } : null,
  };
}

/** The start (UTC midnight) of the first of the last `days` days, today included. */
export function firstDayOf(now: Date, days: number): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - (days - 1)));
}

/**
 * What "failing deliveries" means on every operator screen: deliveries of notifications created
 * since `since` that failed or are being retried now, counted per account. For the top accounts
 * (the dashboard) or for the accounts of one list page (`accountIds`).
 */
export async function failingDeliveries(
  db: Db,
  options: { since: Date; accountIds?: string[]; limit?: number },
): Promise<{ id: string; name: string; failed: number }[]> {
  if (options.accountIds?.length === 0) return [];
  let query = db
    .selectFrom('deliveries')
    .innerJoin('notifications', 'notifications.id', 'deliveries.notification_id')
    .innerJoin('accounts', 'accounts.id', 'notifications.account_id')
    .select(['accounts.id', 'accounts.name', (eb) => eb.fn.countAll<number>().as('failed')])
    .where('deliveries.status', 'in', ['failed', 'retrying'])
    .where('deliveries.created_at', '>=', options.since.toISOString())
    .groupBy(['accounts.id', 'accounts.name'])
    .orderBy('failed', 'desc')
    .orderBy('accounts.name');
  if (options.accountIds) query = query.where('notifications.account_id', 'in', options.accountIds);
  const rows = await query.limit(options.limit ?? 20).execute();
  return rows.map((r) => ({ id: r.id, name: r.name, failed: Number(r.failed) }));
}
