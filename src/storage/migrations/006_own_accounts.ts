import type { Kysely } from 'kysely';
import type { ColumnTypes } from './index';

/**
 * People's own accounts: password reset links, two-step sign-in (TOTP secret, recovery codes,
 * pending sign-ins), the devices a person signed in from, each session's device and address,
 * who must use two-step sign-in, and a per-person security log.
 */
export function ownAccounts(t: ColumnTypes) {
  return {
    async up(db: Kysely<any>) {
      // The authenticator secret must be readable to check codes, so it cannot be hashed.
      await db.schema.alterTable('users').addColumn('totp_secret', 'text').execute();
      await db.schema.alterTable('users').addColumn('totp_enabled_at', t.timestamp).execute();
      // A secret shown during enrolment, until a code from it confirms it.
      await db.schema.alterTable('users').addColumn('totp_pending_secret', 'text').execute();
      // The time step of the last code accepted: a code works once, even within its 30 seconds.
      await db.schema.alterTable('users').addColumn('totp_last_step', 'integer').execute();

      await db.schema.alterTable('sessions').addColumn('user_agent', 'text').execute();
      await db.schema.alterTable('sessions').addColumn('address', 'text').execute();

      // An account's admins may require two-step sign-in of its users.
      await db.schema.alterTable('accounts').addColumn('require_two_step', 'integer', (c) => c.notNull().defaultTo(0)).execute();

      // Installation-wide switches (e.g. two-step sign-in required of every operator).
      await db.schema
        .createTable('settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('password_resets')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('expires_at', t.timestamp, (c) => c.notNull())
        .addColumn('used_at', t.timestamp)
        .execute();
      await db.schema.createIndex('password_resets_user').on('password_resets').column('user_id').execute();

      await db.schema
        .createTable('recovery_codes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('code_hash', 'text', (c) => c.notNull())
        .addColumn('used_at', t.timestamp)
        .execute();
      await db.schema.createIndex('recovery_codes_user').on('recovery_codes').column('user_id').execute();

      // Password checked, code still due: no session exists until the code is right.
      await db.schema
        .createTable('pending_sign_ins')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', t.timestamp, (c) => c.notNull())
        .addColumn('expires_at', t.timestamp, (c) => c.notNull())
        .execute();

      // Devices (a hash of the User-Agent) a person signed in from: a new one gets a notice email.
      await db.schema
        .createTable('known_devices')
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('fingerprint', 'text', (c) => c.notNull())
        .addColumn('first_seen_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('known_devices_pk', ['user_id', 'fingerprint'])
        .execute();

      // Changes to a person's own access: not an account's business, so not in audit_log.
      await db.schema
        .createTable('security_log')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('at', t.timestamp, (c) => c.notNull())
        .addColumn('actor_kind', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('actor_name', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('device', 'text')
        .addColumn('address', 'text')
        .execute();
      await db.schema.createIndex('security_log_user_at').on('security_log').columns(['user_id', 'at', 'id']).execute();
      await db.schema.createIndex('security_log_at').on('security_log').columns(['at', 'id']).execute();
    },
    async down(db: Kysely<any>) {
      for (const table of ['security_log', 'known_devices', 'pending_sign_ins', 'recovery_codes', 'password_resets', 'settings']) {
        await db.schema.dropTable(table).execute();
      }
      await db.schema.alterTable('accounts').dropColumn('require_two_step').execute();
      for (const column of ['address', 'user_agent']) await db.schema.alterTable('sessions').dropColumn(column).execute();
      for (const column of ['totp_last_step', 'totp_pending_secret', 'totp_enabled_at', 'totp_secret']) await db.schema.alterTable('users').dropColumn(column).execute();
    },
  };
}
