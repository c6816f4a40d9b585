import type { Kysely } from 'kysely';
import type { ColumnTypes } from './index';

/**
 * The account's default language: emails to its contacts that chose none are written in it
 * (the form offers it as each contact's "Account's language"). Existing accounts get English,
 * what they were sent until now.
 */
export function accountLanguage(_t: ColumnTypes) {
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('accounts').addColumn('language', 'text', (c) => c.notNull().defaultTo('en')).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.alterTable('accounts').dropColumn('language').execute();
    },
  };
}
