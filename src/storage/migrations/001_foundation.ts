import type { Kysely } from 'kysely';
import type { ColumnTypes } from './index';

export function foundation(t: ColumnTypes) {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text')
        .addColumn('locale', 'text')
        .addColumn('is_operator', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('last_seen_at', t.timestamp, (c) => c.notNull())
        .addColumn('expires_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_user_id').on('sessions').column('user_id').execute();

      await db.schema
        .createTable('sign_in_failures')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('failed_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sign_in_failures_key_at').on('sign_in_failures').columns(['key', 'failed_at']).execute();

      await db.schema
        .createTable('mailbox_messages')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('envelope_from', 'text', (c) => c.notNull())
        .addColumn('envelope_to', 'text', (c) => c.notNull())
        .addColumn('from_header', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('html', 'text')
        .addColumn('received_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('mailbox_messages_received')
        .on('mailbox_messages')
        .columns(['received_at', 'id'])
        .execute();
    },
    async down(db: Kysely<any>) {
      for (const table of ['mailbox_messages', 'sign_in_failures', 'sessions', 'users']) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
