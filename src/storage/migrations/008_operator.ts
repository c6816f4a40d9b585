import type { Kysely } from 'kysely';
import type { ColumnTypes } from './index';

/**
 * The operators' console: the accounts list filtered on completeness and kept in name order is one
 * index range scan (contact_info_complete, name, id), at any number of accounts.
 */
export function operator(t: ColumnTypes) {
  return {
    async up(db: Kysely<any>) {
      await db.schema.createIndex('accounts_complete_name').on('accounts').columns(['contact_info_complete', 'name', 'id']).execute();

      // A broadcast: one notification to many accounts, fanned out in batches by whoever holds its lease.
      await db.schema
        .createTable('broadcasts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('env', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('integration_type', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('accounts_total', 'integer', (c) => c.notNull())
        .addColumn('accounts_done', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('accounts_skipped', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('deliveries_queued', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('after_account_id', 'text')
        .addColumn('lease_token', 'text')
        .addColumn('lease_until', t.timestamp)
        .addColumn('created_by_kind', 'text', (c) => c.notNull())
        .addColumn('created_by_id', 'text')
        .addColumn('created_by_name', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('finished_at', t.timestamp)
        .execute();
      await db.schema.createIndex('broadcasts_status').on('broadcasts').columns(['status', 'created_at']).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('broadcasts').execute();
      await db.schema.dropIndex('accounts_complete_name').execute();
    },
  };
}
