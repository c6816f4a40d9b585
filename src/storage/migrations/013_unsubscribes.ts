import type { Kysely } from 'kysely';
import type { ColumnTypes } from './index';

/**
 * Opting out of optional categories (RFC 8058 one-click unsubscribe), per account and address;
 * extra headers of a delivery (List-Unsubscribe…) as JSON.
 */
export function unsubscribes(t: ColumnTypes) {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('unsubscribes')
        .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        // Lower case: addresses compare without case.
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('unsubscribes_pk', ['account_id', 'category', 'email'])
        .execute();
      await db.schema.alterTable('deliveries').addColumn('headers', 'text').execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.alterTable('deliveries').dropColumn('headers').execute();
      await db.schema.dropTable('unsubscribes').execute();
    },
  };
}
