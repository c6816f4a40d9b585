import type { Kysely } from 'kysely';
import type { ColumnTypes } from './index';

/**
 * The outbox becomes `deliveries`, ready for notifications: each row is one message to one
 * recipient, leased under a token; audit entries say what kind of principal acted.
 */
export function deliveries(_t: ColumnTypes) {
  return {
    async up(db: Kysely<any>) {
      await db.schema.dropIndex('outbox_due').execute();
      await db.schema.alterTable('outbox').renameTo('deliveries').execute();
      await db.schema.alterTable('deliveries').renameColumn('locked_until', 'lease_until').execute();
      await db.schema.alterTable('deliveries').addColumn('lease_token', 'text').execute();
      await db.schema.alterTable('deliveries').addColumn('notification_id', 'text').execute();
      await db.schema.alterTable('deliveries').addColumn('reason', 'text').execute();
      await db.schema.createIndex('deliveries_due').on('deliveries').columns(['status', 'next_attempt_at']).execute();
      await db.schema.createIndex('deliveries_notification').on('deliveries').columns(['notification_id']).execute();

      await db.schema.alterTable('audit_log').addColumn('actor_kind', 'text', (c) => c.notNull().defaultTo('user')).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.alterTable('audit_log').dropColumn('actor_kind').execute();
      await db.schema.dropIndex('deliveries_notification').execute();
      await db.schema.dropIndex('deliveries_due').execute();
      for (const column of ['reason', 'notification_id', 'lease_token']) await db.schema.alterTable('deliveries').dropColumn(column).execute();
      await db.schema.alterTable('deliveries').renameColumn('lease_until', 'locked_until').execute();
      await db.schema.alterTable('deliveries').renameTo('outbox').execute();
      await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'next_attempt_at']).execute();
    },
  };
}
