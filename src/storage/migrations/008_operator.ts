import type { Kysely } from 'kysely';
import type { ColumnTypes } from './index';

/**
 * The operators' console: the accounts list filtered on completeness and kept in name order is one
 * index range scan (contact_info_complete, name, id), at any number of accounts.
 */
export function operator(_t: ColumnTypes) {
  return {
    async up(db: Kysely<any>) {
      await db.schema.createIndex('accounts_complete_name').on('accounts').columns(['contact_info_complete', 'name', 'id']).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropIndex('accounts_complete_name').execute();
    },
  };
}
