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
};

/**
 * Every account in id order, in batches of `batchSize` read by keyset (`id > last`), so an export
 * of any size holds one batch in memory and each query is an index range scan.
 */
export async function* exportAccountBatches(db: Db, options: { batchSize?: number } = {}): AsyncGenerator<ExportedAccount[]> {
  const batchSize = options.batchSize ?? 1000;
  let after: string | undefined;
  for (;;) {
    const from = after;
    let query = db
      .selectFrom('accounts')
      // The keyset bound on the joined side too: PostgreSQL's merge join would otherwise scan
      // contact_info from its first row for every batch (quadratic: 58 s for 100,000 accounts).
      .leftJoin('contact_info', (join) => {
        const on = join.onRef('contact_info.account_id', '=', 'accounts.id');
        return from === undefined ? on : on.on('contact_info.account_id', '>', from);
      })
      .select(['accounts.id', 'accounts.name', 'accounts.contact_info_complete', 'contact_info.document'])
      .orderBy('accounts.id')
      .limit(batchSize);
    if (from !== undefined) query = query.where('accounts.id', '>', from);
    const rows = await query.execute();
    if (rows.length === 0) return;
    const ids = rows.map((r) => r.id);
    const integrations = await db
      .selectFrom('account_integrations')
      .select(['account_id', 'type', 'status'])
      .where('account_id', 'in', ids)
      .orderBy('account_id')
      .orderBy('type')
      .execute();
    const infos = new Map(rows.map((r) => [r.id, r.document ? (JSON.parse(r.document) as ContactInfo) : null]));
    const alertIds = [...new Set([...infos.values()].flatMap((info) => info?.alertContacts.map((ref) => ref.userId) ?? []))];
    const users = alertIds.length
      ? new Map((await db.selectFrom('users').select(['id', 'email']).where('id', 'in', alertIds).execute()).map((u) => [u.id, u.email]))
      : new Map<string, string>();
    const byAccount = new Map<string, AccountIntegration[]>();
    for (const i of integrations) {
      const list = byAccount.get(i.account_id) ?? [];
      list.push({ type: i.type, status: i.status });
      byAccount.set(i.account_id, list);
    }
    yield rows.map((row) => {
      const info = infos.get(row.id) ?? null;
      return {
        id: row.id,
        name: row.name,
        contactInfoComplete: row.contact_info_complete === 1,
        integrations: byAccount.get(row.id) ?? [],
        info,
        alertEmails: (info?.alertContacts ?? []).flatMap((ref) => users.get(ref.userId) ?? []),
      };
    });
    if (rows.length < batchSize) return;
    after = rows.at(-1)!.id;
  }
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
