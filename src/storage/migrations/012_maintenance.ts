import type { Kysely } from 'kysely';
import type { ColumnTypes } from './index';

/**
 * Maintenance windows per integration: while one is on, new `alert` and `technical`
 * notifications of that integration are recorded as held (no deliveries); at its end they are
 * released (delivered then) or dropped, as the window says. `emergency` always goes out.
 */
export function maintenance(t: ColumnTypes) {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('maintenance_windows')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('integration', 'text', (c) => c.notNull())
        .addColumn('starts_at', t.timestamp, (c) => c.notNull())
        .addColumn('ends_at', t.timestamp, (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        // What happens to held notifications at the end: release (deliver them) or drop.
        .addColumn('at_end', 'text', (c) => c.notNull())
        // scheduled (until its end has been processed), ended.
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('ended_at', t.timestamp)
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('created_by_name', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('maintenance_windows_due').on('maintenance_windows').columns(['status', 'ends_at']).execute();
      await db.schema.createIndex('maintenance_windows_account').on('maintenance_windows').columns(['account_id', 'integration']).execute();
      // The integration a notification is about (optional), and its hold by a maintenance window.
      await db.schema.alterTable('notifications').addColumn('integration', 'text').execute();
      await db.schema.alterTable('notifications').addColumn('held_by', 'text').execute();
      await db.schema.alterTable('notifications').addColumn('hold_status', 'text').execute();
      await db.schema.createIndex('notifications_held_by').on('notifications').columns(['held_by']).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropIndex('notifications_held_by').execute();
      for (const column of ['hold_status', 'held_by', 'integration']) await db.schema.alterTable('notifications').dropColumn(column).execute();
      await db.schema.dropTable('maintenance_windows').execute();
    },
  };
}
