import type { Kysely } from 'kysely';
import type { ColumnTypes } from './index';

/**
 * An account's support calendar: holidays (dates support is closed) and whether technical and
 * merchant-issue notifications wait for support to open; a held notification's release time.
 */
export function supportCalendar(t: ColumnTypes) {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('support_calendars')
        .addColumn('account_id', 'text', (c) => c.primaryKey().references('accounts.id').onDelete('cascade'))
        .addColumn('hold_outside_hours', 'integer', (c) => c.notNull().defaultTo(0))
        // JSON array of {date: "YYYY-MM-DD", name?}.
        .addColumn('holidays', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();
      // Held until support opens (held_by = 'business_hours'): released by the job loop at this time.
      await db.schema.alterTable('notifications').addColumn('held_until', t.timestamp).execute();
      await db.schema.createIndex('notifications_held_until').on('notifications').columns(['hold_status', 'held_until']).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropIndex('notifications_held_until').execute();
      await db.schema.alterTable('notifications').dropColumn('held_until').execute();
      await db.schema.dropTable('support_calendars').execute();
    },
  };
}
