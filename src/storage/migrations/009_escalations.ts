import type { Kysely } from 'kysely';
import type { ColumnTypes } from './index';

/**
 * Emergencies that are acknowledged or escalated: acknowledge tokens (stored hashed, one per
 * emergency email), who acknowledged a notification and when, the escalation timers as rows
 * (claimed under a lease like deliveries, so they survive restarts and run once), and the
 * support status a user escalation was raised in.
 */
export function escalations(t: ColumnTypes) {
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('notifications').addColumn('acknowledged_at', t.timestamp).execute();
      await db.schema.alterTable('notifications').addColumn('acknowledged_by', 'text').execute();
      // User escalations: whether the partner's support was open when raised, and when that changes (JSON).
      await db.schema.alterTable('notifications').addColumn('support_status', 'text').execute();

      await db.schema
        .createTable('acknowledge_tokens')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('notification_id', 'text', (c) => c.notNull().references('notifications.id').onDelete('cascade'))
        .addColumn('recipient', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('escalations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('notification_id', 'text', (c) => c.notNull().unique().references('notifications.id').onDelete('cascade'))
        .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        // The next step to run: 1 = re-send to emergency contacts and admins, 2 = alert operators.
        .addColumn('step', 'integer', (c) => c.notNull())
        // pending (a step is due at due_at), acknowledged (stopped), done (operators alerted).
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('due_at', t.timestamp, (c) => c.notNull())
        .addColumn('lease_until', t.timestamp)
        .addColumn('lease_token', 'text')
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('resent_at', t.timestamp)
        .addColumn('operators_alerted_at', t.timestamp)
        .execute();
      await db.schema.createIndex('escalations_due').on('escalations').columns(['status', 'due_at']).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('escalations').execute();
      await db.schema.dropTable('acknowledge_tokens').execute();
      for (const column of ['support_status', 'acknowledged_by', 'acknowledged_at']) await db.schema.alterTable('notifications').dropColumn(column).execute();
    },
  };
}
