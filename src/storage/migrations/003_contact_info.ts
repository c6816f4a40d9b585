import type { Kysely } from 'kysely';
import type { ColumnTypes } from './index';

/** One contact-information document per account (optimistically versioned) and the audit log. */
export function contactInfo(t: ColumnTypes) {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('contact_info')
        .addColumn('account_id', 'text', (c) => c.primaryKey().references('accounts.id').onDelete('cascade'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('document', 'text', (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_by', 'text')
        .execute();

      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
        .addColumn('at', t.timestamp, (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('actor_name', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('changes', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_log_account_at').on('audit_log').columns(['account_id', 'at', 'id']).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('audit_log').execute();
      await db.schema.dropTable('contact_info').execute();
    },
  };
}
