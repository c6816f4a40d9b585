import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import { hashPassword } from '../../src/commands/parts/passwords';
import { missingFields, validateContactInfo } from '../../src/domain/contact-info';
import { writeTransaction, type Storage } from '../../src/storage/db';
import { newId, nowIso } from '../../src/storage/ids';
import { migrateToLatest } from '../../src/storage/migrations';
import type { Database } from '../../src/storage/schema';

/** Every bench admin signs in with this password. */
export const BENCH_PASSWORD = 'bench-password-123';
/** The integration of every bench account: it takes merchant-issue contacts, so all seven fields are filled. */
export const BENCH_INTEGRATION = 'reservations_e2e';

const TIME_ZONES = ['Europe/Warsaw', 'America/New_York', 'Asia/Tokyo', 'UTC'];

export type SeededAccount = { id: string; name: string; userId: string; email: string };

/**
 * A complete contact-information document for account `i` (the shape of the test helpers'
 * `completeDocument`): `marker` goes into one address, so writes can change the document.
 */
export function contactDocument(i: number, userId: string, marker: string | number = i) {
  return {
    alertContacts: [{ userId }],
    technicalEmergencyContacts: [{ email: `oncall@partner${i}.example`, name: 'Pager', phone: '+48 22 123 45 67' }],
    technicalNonEmergencyContacts: [{ email: `dev+${marker}@partner${i}.example` }],
    merchantIssueContacts: [{ email: `merchants@partner${i}.example` }],
    operationalContactsForPlatform: [{ email: `ops@partner${i}.example` }],
    operationalContactForUsers: { email: `help@brand${i}.example`, url: `https://brand${i}.example/help` },
    operationalSupport: {
      alwaysOpen: false,
      windows: [{ timeZone: TIME_ZONES[i % TIME_ZONES.length]!, days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }],
    },
  };
}

export function adminEmail(i: number): string {
  return `admin${i}@partner${i}.example`;
}

const BATCH = 500;

/**
 * Migrates and writes `count` complete accounts straight into the tables, in batches of
 * multi-row inserts inside one transaction: each account with its integration, an admin
 * (who is also its alert contact) and a complete contact-information document, normalized by
 * the same domain function the API runs. All admins share one password hash (argon2 is slow
 * on purpose; hashing 10,000 times would take minutes). With `incompleteEvery: n`, every n-th
 * account (i % n === n - 1) has no operational contacts for the platform, so its contact
 * information is incomplete (`contact_info_complete` as the domain's `missingFields` says).
 */
export async function seed(storage: Storage, count: number, options: { incompleteEvery?: number } = {}): Promise<SeededAccount[]> {
  await migrateToLatest(storage);
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const now = nowIso();
  const accounts: SeededAccount[] = [];
  const users: Insertable<Database['users']>[] = [];
  const accountRows: Insertable<Database['accounts']>[] = [];
  const integrations: Insertable<Database['account_integrations']>[] = [];
  const memberships: Insertable<Database['memberships']>[] = [];
  const documents: Insertable<Database['contact_info']>[] = [];
  for (let i = 0; i < count; i += 1) {
    const account: SeededAccount = { id: newId('a'), name: `Partner ${String(i).padStart(5, '0')}`, userId: newId('u'), email: adminEmail(i) };
    accounts.push(account);
    users.push({ id: account.userId, email: account.email, name: `Admin ${i}`, password_hash: passwordHash, locale: null, is_operator: 0, created_at: now, updated_at: now });
    const incomplete = options.incompleteEvery !== undefined && i % options.incompleteEvery === options.incompleteEvery - 1;
    integrations.push({ account_id: account.id, type: BENCH_INTEGRATION, status: 'enabled', status_reason: null, status_changed_at: now });
    memberships.push({ account_id: account.id, user_id: account.userId, role: 'admin', created_at: now });
    const document = contactDocument(i, account.userId);
    if (incomplete) document.operationalContactsForPlatform = [];
    const result = validateContactInfo(document, {
      memberIds: new Set([account.userId]),
      hasMerchantIssueContacts: true,
      env: 'production',
      current: null,
    });
    if (!result.ok) throw new Error(`the bench document is invalid: ${JSON.stringify(result.details)}`);
    const complete = missingFields(result.value, true).length === 0;
    if (complete === incomplete) throw new Error(`account ${i}: expected its contact information ${incomplete ? 'incomplete' : 'complete'}`);
    accountRows.push({ id: account.id, name: account.name, contact_info_complete: complete ? 1 : 0, created_at: now, updated_at: now });
    documents.push({ account_id: account.id, version: 1, document: JSON.stringify(result.value), updated_at: now, updated_by: account.userId });
  }
  await writeTransaction(storage, async (tx) => {
    for (let start = 0; start < count; start += BATCH) {
      const end = start + BATCH;
      await tx.insertInto('users').values(users.slice(start, end)).execute();
      await tx.insertInto('accounts').values(accountRows.slice(start, end)).execute();
      await tx.insertInto('account_integrations').values(integrations.slice(start, end)).execute();
      await tx.insertInto('memberships').values(memberships.slice(start, end)).execute();
      await tx.insertInto('contact_info').values(documents.slice(start, end)).execute();
    }
  });
  // Statistics as a database that grew to this size would have them (autovacuum's analyze).
  await sql`analyze`.execute(storage.db);
  return accounts;
}
