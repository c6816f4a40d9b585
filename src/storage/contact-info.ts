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

/** A row of the contact-information read (`contactInfoReadColumns`); all null when there is no document. */
export type ContactInfoReadRow = {
  version: number | string | null;
  document: string | null;
  updated_at: string | null;
  updated_by: string | null;
  saver_email: string | null;
  saver_name: string | null;
  members: unknown;
  health: unknown;
  review_confirmed_at: string | null;
  review_due_at: string | null;
  review_reminded_at: string | null;
  review_stale_since: string | null;
};

/**
 * What the contact-information read selects beside the document: the account's members, whoever
 * saved it last (an operator is no member), each listed address's health and the yearly review;
 * lists gathered as JSON by the database. Over `contact_info`, `users as saver` and
 * `contact_reviews as review`, which the query joins (`joinContactInfo`): on its own, or along with
 * the session's read (storage/sessions.ts), as the signed-in read of the contact information is a
 * hot path.
 */
export function contactInfoReadColumns(db: Db) {
  const postgres = dialectOf(db) === 'postgres';
  const members = postgres
    ? sql<unknown>`(select coalesce(json_agg(json_build_object('id', u.id, 'email', u.email, 'name', u.name)), '[]'::json)
           from memberships m inner join users u on u.id = m.user_id where m.account_id = contact_info.account_id)`
    : sql<unknown>`(select json_group_array(json_object('id', u.id, 'email', u.email, 'name', u.name))
           from memberships m inner join users u on u.id = m.user_id where m.account_id = contact_info.account_id)`;
  const health = postgres
    ? // Timestamps in the same ISO 8601 UTC shape as everywhere else (json would write +00:00).
      sql<unknown>`(select coalesce(json_agg(json_build_object('field', h.purpose, 'email', h.address, 'state', h.state,
             'confirmedAt', to_char(h.confirmed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
             'bouncingSince', to_char(h.bouncing_since at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
             'lastBounce', h.last_bounce) order by h.purpose, h.address), '[]'::json)
           from contact_health h where h.account_id = contact_info.account_id)`
    : sql<unknown>`(select json_group_array(json_object('field', h.purpose, 'email', h.address, 'state', h.state, 'confirmedAt', h.confirmed_at,
                                              'bouncingSince', h.bouncing_since, 'lastBounce', h.last_bounce))
           from (select * from contact_health where account_id = contact_info.account_id order by purpose, address) h)`;
  return [
    sql.ref<number | null>('contact_info.version').as('version'),
    sql.ref<string | null>('contact_info.document').as('document'),
    sql.ref<string | null>('contact_info.updated_at').as('updated_at'),
    sql.ref<string | null>('contact_info.updated_by').as('updated_by'),
    sql.ref<string | null>('saver.email').as('saver_email'),
    sql.ref<string | null>('saver.name').as('saver_name'),
    members.as('members'),
    health.as('health'),
    sql.ref<string | null>('review.confirmed_at').as('review_confirmed_at'),
    sql.ref<string | null>('review.due_at').as('review_due_at'),
    sql.ref<string | null>('review.reminded_at').as('review_reminded_at'),
    sql.ref<string | null>('review.stale_since').as('review_stale_since'),
  ] as const;
}

const contactInfoWithPeople = compiledQuery<'accountId', ContactInfoReadRow>((db, param) =>
  db
    .selectFrom('contact_info')
    .leftJoin('users as saver', 'saver.id', 'contact_info.updated_by')
    .leftJoin('contact_reviews as review', 'review.account_id', 'contact_info.account_id')
    .select(contactInfoReadColumns(db))
    .where('contact_info.account_id', '=', param('accountId')),
);

/** PostgreSQL hands json over parsed, SQLite as text. */
export const jsonList = <T>(value: unknown): T[] => (typeof value === 'string' ? JSON.parse(value) : (value ?? [])) as T[];

/** The document with what the read shows beside it. */
export type ContactInfoWithPeople = {
  stored: StoredContactInfo;
  members: Map<string, NamedPerson>;
  savedBy: NamedPerson | null;
  health: AddressHealth[];
  review: ReviewState | null;
};

/** A row of the contact-information read as the use cases take it; undefined when there is no document. */
export function toContactInfoWithPeople(row: ContactInfoReadRow): ContactInfoWithPeople | undefined {
  if (row.version === null || row.document === null || row.updated_at === null) return undefined;
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

/** The document, the people it names, each address's health and the review: one indexed read. */
export async function findContactInfoWithPeople(db: Db, accountId: string): Promise<ContactInfoWithPeople | undefined> {
  const [row] = await contactInfoWithPeople(db, { accountId });
  return row && toContactInfoWithPeople(row);
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
