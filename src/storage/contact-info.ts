import type { ContactInfo } from '../domain/contact-info';
import { sql } from 'kysely';
import { compiledQuery } from './compiled';
import { dialectOf, type Db } from './db';
import { nowIso } from './ids';

export type StoredContactInfo = { version: number; info: ContactInfo; updatedAt: string; updatedBy: string | null };

const contactInfoOf = compiledQuery<'accountId', { version: number; document: string; updated_at: string; updated_by: string | null }>((db, param) =>
  db.selectFrom('contact_info').select(['version', 'document', 'updated_at', 'updated_by']).where('account_id', '=', param('accountId')),
);

/** A person named by the document: an alert contact (a member) or who saved it last. */
export type NamedPerson = { email: string; name: string };

/**
 * The document with the people it names, in one read (the signed-in read of the contact
 * information is a hot path): the account's members and whoever saved it last (an operator
 * is no member), gathered as JSON by the database.
 */
const contactInfoWithPeople = compiledQuery<
  'accountId',
  { version: number; document: string; updated_at: string; updated_by: string | null; saver_email: string | null; saver_name: string | null; members: unknown }
>((db, param) => {
  const members =
    dialectOf(db) === 'postgres'
      ? sql`(select coalesce(json_agg(json_build_object('id', u.id, 'email', u.email, 'name', u.name)), '[]'::json)
             from memberships m inner join users u on u.id = m.user_id where m.account_id = contact_info.account_id)`
      : sql`(select json_group_array(json_object('id', u.id, 'email', u.email, 'name', u.name))
             from memberships m inner join users u on u.id = m.user_id where m.account_id = contact_info.account_id)`;
  return db
    .selectFrom('contact_info')
    .leftJoin('users as saver', 'saver.id', 'contact_info.updated_by')
    .select(['contact_info.version', 'contact_info.document', 'contact_info.updated_at', 'contact_info.updated_by', 'saver.email as saver_email', 'saver.name as saver_name', members.as('members')])
    .where('contact_info.account_id', '=', param('accountId'));
});

export async function findContactInfoWithPeople(
  db: Db,
  accountId: string,
): Promise<{ stored: StoredContactInfo; members: Map<string, NamedPerson>; savedBy: NamedPerson | null } | undefined> {
  const [row] = await contactInfoWithPeople(db, { accountId });
  if (!row) return undefined;
  // PostgreSQL hands json over parsed, SQLite as text.
  const list = (typeof row.members === 'string' ? JSON.parse(row.members) : row.members) as { id: string | null; email: string; name: string }[];
  return {
    stored: { version: Number(row.version), info: JSON.parse(row.document) as ContactInfo, updatedAt: row.updated_at, updatedBy: row.updated_by },
    members: new Map(list.flatMap((m) => (m.id === null ? [] : [[m.id, { email: m.email, name: m.name }] as const]))),
    savedBy: row.saver_email === null ? null : { email: row.saver_email, name: row.saver_name ?? '' },
  };
}

export async function findContactInfo(db: Db, accountId: string): Promise<StoredContactInfo | undefined> {
  const [row] = await contactInfoOf(db, { accountId });
  return row && { version: Number(row.version), info: JSON.parse(row.document) as ContactInfo, updatedAt: row.updated_at, updatedBy: row.updated_by };
}

/**
 * Writes the next version if the stored one is still `expectedVersion` (0: none stored yet).
 * Returns false when someone else wrote first: the caller answers 412 and nothing is written.
 */
export async function writeContactInfo(
  db: Db,
  input: { accountId: string; expectedVersion: number; info: ContactInfo; updatedBy: string | null },
): Promise<{ written: boolean; updatedAt: string }> {
  const updatedAt = nowIso();
  const document = JSON.stringify(input.info);
  if (input.expectedVersion === 0) {
    const result = await db
      .insertInto('contact_info')
      .values({ account_id: input.accountId, version: 1, document, updated_at: updatedAt, updated_by: input.updatedBy })
      .onConflict((oc) => oc.column('account_id').doNothing())
      .executeTakeFirst();
    return { written: Number(result.numInsertedOrUpdatedRows ?? 0) === 1, updatedAt };
  }
  const result = await db
    .updateTable('contact_info')
    .set({ version: input.expectedVersion + 1, document, updated_at: updatedAt, updated_by: input.updatedBy })
    .where('account_id', '=', input.accountId)
    .where('version', '=', input.expectedVersion)
    .executeTakeFirst();
  return { written: Number(result.numUpdatedRows) === 1, updatedAt };
}

export async function setAccountComplete(db: Db, accountId: string, complete: boolean): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ contact_info_complete: complete ? 1 : 0, updated_at: nowIso() })
    .where('id', '=', accountId)
    .execute();
}
