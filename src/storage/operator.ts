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
    let query = db
      .selectFrom('accounts')
      .leftJoin('contact_info', 'contact_info.account_id', 'accounts.id')
      .select(['accounts.id', 'accounts.name', 'accounts.contact_info_complete', 'contact_info.document'])
      .orderBy('accounts.id')
      .limit(batchSize);
    if (after !== undefined) query = query.where('accounts.id', '>', after);
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
