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

/** The state of one listed address, as the contact-information read shows it. */
export type AddressHealth = {
  field: string;
  email: string;
  state: 'unconfirmed' | 'confirmed' | 'bouncing';
  confirmedAt: string | null;
  bouncingSince: string | null;
  lastBounce: string | null;
};
/** The yearly review of the whole document. */
export type ReviewState = { confirmedAt: string; dueAt: string; remindedAt: string | null; staleSince: string | null; stale: boolean };

/**
 * The document with what the read shows beside it, in one query (the signed-in read of the
 * contact information is a hot path): the account's members, whoever saved it last (an operator
 * is no member), each listed address's health and the yearly review. Lists are gathered as JSON
 * by the database.
 */
const contactInfoWithPeople = compiledQuery<
  'accountId',
  {
    version: number;
    document: string;
    updated_at: string;
    updated_by: string | null;
    saver_email: string | null;
    saver_name: string | null;
    members: unknown;
    health: unknown;
    review_confirmed_at: string | null;
    review_due_at: string | null;
    review_reminded_at: string | null;
    review_stale_since: string | null;
  }
>((db, param) => {
  const postgres = dialectOf(db) === 'postgres';
  const members = postgres
    ? sql`(select coalesce(json_agg(json_build_object('id', u.id, 'email', u.email, 'name', u.name)), '[]'::json)
           from memberships m inner join users u on u.id = m.user_id where m.account_id = contact_info.account_id)`
    : sql`(select json_group_array(json_object('id', u.id, 'email', u.email, 'name', u.name))
           from memberships m inner join users u on u.id = m.user_id where m.account_id = contact_info.account_id)`;
  const health = postgres
    ? // Timestamps in the same ISO 8601 UTC shape as everywhere else (json would write +00:00).
      sql`(select coalesce(json_agg(json_build_object('field', h.purpose, 'email', h.address, 'state', h.state,
             'confirmedAt', to_char(h.confirmed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
             'bouncingSince', to_char(h.bouncing_since at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
             'lastBounce', h.last_bounce) order by h.purpose, h.address), '[]'::json)
           from contact_health h where h.account_id = contact_info.account_id)`
    : sql`(select json_group_array(json_object('field', h.purpose, 'email', h.address, 'state', h.state, 'confirmedAt', h.confirmed_at,
                                              'bouncingSince', h.bouncing_since, 'lastBounce', h.last_bounce))
           from (select * from contact_health where account_id = contact_info.account_id order by purpose, address) h)`;
  return db
    .selectFrom('contact_info')
    .leftJoin('users as saver', 'saver.id', 'contact_info.updated_by')
    .leftJoin('contact_reviews as review', 'review.account_id', 'contact_info.account_id')
    .select([
      'contact_info.version',
      'contact_info.document',
      'contact_info.updated_at',
      'contact_info.updated_by',
      'saver.email as saver_email',
      'saver.name as saver_name',
      members.as('members'),
      health.as('health'),
      'review.confirmed_at as review_confirmed_at',
      'review.due_at as review_due_at',
      'review.reminded_at as review_reminded_at',
      'review.stale_since as review_stale_since',
    ])
    .where('contact_info.account_id', '=', param('accountId'));
});

/** PostgreSQL hands json over parsed, SQLite as text. */
const jsonList = <T>(value: unknown): T[] => (typeof value === 'string' ? JSON.parse(value) : (value ?? [])) as T[];

export async function findContactInfoWithPeople(
  db: Db,
  accountId: string,
): Promise<
  { stored: StoredContactInfo; members: Map<string, NamedPerson>; savedBy: NamedPerson | null; health: AddressHealth[]; review: ReviewState | null } | undefined
> {
  const [row] = await contactInfoWithPeople(db, { accountId });
  if (!row) return undefined;
  const members = jsonList<{ id: string | null; email: string; name: string }>(row.members);
  return {
    stored: { version: Number(row.version), info: JSON.parse(row.document) as ContactInfo, updatedAt: row.updated_at, updatedBy: row.updated_by },
    members: new Map(members.flatMap((m) => (m.id === null ? [] : [[m.id, { email: m.email, name: m.name }] as const]))),
    savedBy: row.saver_email === null ? null : { email: row.saver_email, name: row.saver_name ?? '' },
    // SQLite's json_group_array over no rows still yields one object of nulls.
    health: jsonList<AddressHealth>(row.health).filter((h) => h.email !== null),
    review:
      row.review_confirmed_at === null || row.review_due_at === null
        ? null
        : {
            confirmedAt: row.review_confirmed_at,
            dueAt: row.review_due_at,
            remindedAt: row.review_reminded_at,
            staleSince: row.review_stale_since,
            stale: row.review_stale_since !== null,
          },
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
