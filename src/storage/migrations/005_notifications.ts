import type { Kysely } from 'kysely';
import type { ColumnTypes } from './index';

/** Notifications with their dedup records, and the service tokens platform systems raise them with. */
export function notifications(t: ColumnTypes) {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('notifications')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('env', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('dedup_key', 'text')
        .addColumn('occurrences', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('is_test', 'integer', (c) => c.notNull().defaultTo(0))
        // Liaison's own notifications (a test, an integration switched) are worded per recipient's language.
        .addColumn('template', 'text')
        .addColumn('params', 'text')
        .addColumn('created_by_kind', 'text', (c) => c.notNull())
        .addColumn('created_by_id', 'text')
        .addColumn('created_by_name', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('last_occurred_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('notifications_account_created').on('notifications').columns(['account_id', 'created_at', 'id']).execute();

      // Outlives the deliveries it produced: a repeat within the window counts, whatever became of them.
      await db.schema
        .createTable('dedup_keys')
        .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('notification_id', 'text', (c) => c.notNull())
        .addColumn('window_ends_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('dedup_keys_pk', ['account_id', 'key'])
        .execute();

      await db.schema
        .createTable('service_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('account_id', 'text', (c) => c.references('accounts.id').onDelete('cascade'))
        .addColumn('created_by', 'text')
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('last_used_at', t.timestamp)
        .addColumn('revoked_at', t.timestamp)
        .execute();
    },
    async down(db: Kysely<any>) {
      for (const table of ['service_tokens', 'dedup_keys', 'notifications']) await db.schema.dropTable(table).execute();
    },
  };
}
