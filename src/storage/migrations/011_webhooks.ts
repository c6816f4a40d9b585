import type { Kysely } from 'kysely';
import type { ColumnTypes } from './index';

/**
 * Webhook destinations beside the email contacts. Their deliveries go through the same outbox:
 * `deliveries.channel` says how a row is sent (`email`, or `webhook` to `webhook_id`, with the
 * URL in `recipient`, the event type in `subject` and the JSON body in `text`).
 */
export function webhooks(t: ColumnTypes) {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('webhooks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('url', 'text', (c) => c.notNull())
        // JSON array of categories this destination receives.
        .addColumn('categories', 'text', (c) => c.notNull())
        .addColumn('env', 'text', (c) => c.notNull())
        // whsec_<base64>: needed in clear to sign; shown to people once, at creation and rotation.
        .addColumn('secret', 'text', (c) => c.notNull())
        // After a rotation the old secret also signs until this time (both signatures are sent).
        .addColumn('previous_secret', 'text')
        .addColumn('previous_secret_until', t.timestamp)
        .addColumn('status', 'text', (c) => c.notNull())
        // 1: also receives delivery.sent / delivery.retrying / delivery.failed events of the account's emails.
        .addColumn('delivery_events', 'integer', (c) => c.notNull().defaultTo(0))
        // The first failure of the current run of failures (null once a delivery succeeds).
        .addColumn('failing_since', t.timestamp)
        .addColumn('disabled_at', t.timestamp)
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('webhooks_account').on('webhooks').columns(['account_id']).execute();
      await db.schema.alterTable('deliveries').addColumn('channel', 'text', (c) => c.notNull().defaultTo('email')).execute();
      await db.schema.alterTable('deliveries').addColumn('webhook_id', 'text').execute();
      await db.schema.createIndex('deliveries_webhook').on('deliveries').columns(['webhook_id', 'id']).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropIndex('deliveries_webhook').execute();
      await db.schema.alterTable('deliveries').dropColumn('webhook_id').execute();
      await db.schema.alterTable('deliveries').dropColumn('channel').execute();
      await db.schema.dropTable('webhooks').execute();
    },
  };
}
