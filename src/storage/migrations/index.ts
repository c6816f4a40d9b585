import { Migrator, sql, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import type { Dialect, Storage } from '../db';
import { foundation } from './001_foundation';
import { accounts } from './002_accounts';
import { contactInfo } from './003_contact_info';
import { deliveries } from './004_deliveries';
import { notifications } from './005_notifications';
import { ownAccounts } from './006_own_accounts';
import { accountLanguage } from './007_account_language';
import { operator } from './008_operator';
import { escalations } from './009_escalations';
import { contactHealth } from './010_contact_health';
import { webhooks } from './011_webhooks';
import { maintenance } from './012_maintenance';
import { unsubscribes } from './013_unsubscribes';
import { supportCalendar } from './014_support_calendar';

/** Column types that differ between the two dialects. */
export type ColumnTypes = { timestamp: 'timestamptz' | 'text' };

/** Every migration, in order. Names are never changed once released. */
function migrations(dialect: Dialect): Record<string, Migration> {
  const t: ColumnTypes = { timestamp: dialect === 'postgres' ? 'timestamptz' : 'text' };
  return {
    '001_foundation': foundation(t),
    '002_accounts': accounts(t),
    '003_contact_info': contactInfo(t),
    '004_deliveries': deliveries(t),
    '005_notifications': notifications(t),
    '006_own_accounts': ownAccounts(t),
    '007_account_language': accountLanguage(t),
    '008_operator': operator(t),
    '009_escalations': escalations(t),
    '010_contact_health': contactHealth(t),
    '011_webhooks': webhooks(t),
    '012_maintenance': maintenance(t),
    '013_unsubscribes': unsubscribes(t),
    '014_support_calendar': supportCalendar(t),
  };
}

class StaticProvider implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}
  async getMigrations() {
    return migrations(this.dialect);
  }
}

/** Brings the schema up to date; throws the first failure. Safe to run from several processes. */
export async function migrateToLatest(storage: Storage): Promise<MigrationResultSet> {
  const { db, dialect } = storage;
  // Kysely looks its bookkeeping tables up across all schemas: name ours, or another schema's would do.
  const schema =
    dialect === 'postgres' ? (storage.schema ?? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema) : undefined;
  const migrator = new Migrator({ db, provider: new StaticProvider(dialect), ...(schema ? { migrationTableSchema: schema } : {}) });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  return result;
}
