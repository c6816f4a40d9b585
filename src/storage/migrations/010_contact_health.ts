import type { Kysely } from 'kysely';
import type { ColumnTypes } from './index';

/**
 * Contact health: one row per address of the contact information and what it is used for (its
 * contact field), with its state (unconfirmed, confirmed, bouncing); the single-purpose tokens of
 * confirmation links (stored hashed); the account a delivery belongs to (so a bounce finds the
 * contact); and each account's periodic review of its whole contact information, a timer row
 * claimed under a lease like escalations.
 */
export function contactHealth(t: ColumnTypes) {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('contact_health')
        .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('locale', 'text')
        .addColumn('confirmed_at', t.timestamp)
        .addColumn('bouncing_since', t.timestamp)
        .addColumn('last_bounce', 'text')
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('contact_health_pk', ['account_id', 'address', 'purpose'])
        .execute();
      await db.schema.createIndex('contact_health_state').on('contact_health').columns(['state', 'account_id']).execute();

      await db.schema
        .createTable('contact_confirmation_tokens')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('contact_confirmation_tokens_contact').on('contact_confirmation_tokens').columns(['account_id', 'address', 'purpose']).execute();

      await db.schema.alterTable('deliveries').addColumn('account_id', 'text').execute();

      await db.schema
        .createTable('contact_reviews')
        .addColumn('account_id', 'text', (c) => c.primaryKey().references('accounts.id').onDelete('cascade'))
        // The last time the whole contact information was confirmed (first: when it became complete).
        .addColumn('confirmed_at', t.timestamp, (c) => c.notNull())
        // remind: admins are asked at due_at; stale: the account turns stale at due_at; done: it is stale.
        .addColumn('stage', 'text', (c) => c.notNull())
        .addColumn('due_at', t.timestamp, (c) => c.notNull())
        .addColumn('reminded_at', t.timestamp)
        .addColumn('stale_since', t.timestamp)
        .addColumn('lease_until', t.timestamp)
        .addColumn('lease_token', 'text')
        .execute();
      await db.schema.createIndex('contact_reviews_due').on('contact_reviews').columns(['stage', 'due_at']).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('contact_reviews').execute();
      await db.schema.alterTable('deliveries').dropColumn('account_id').execute();
      await db.schema.dropTable('contact_confirmation_tokens').execute();
      await db.schema.dropTable('contact_health').execute();
    },
  };
}
