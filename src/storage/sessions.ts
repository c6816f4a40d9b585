import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { compiledQuery } from './compiled';
import { dialectOf, type Db } from './db';
import { contactInfoReadColumns, jsonList, toContactInfoWithPeople, type ContactInfoReadRow, type ContactInfoWithPeople } from './contact-info';
import type { MembershipSummary } from './memberships';
import { nowIso } from './ids';
import type { Role } from '../domain/roles';
import { toAccount, type Account, type AccountIntegration } from './accounts';
import { toUser, type User } from './users';

/** Sessions last 14 days from their last use (sliding), refreshed at most once a minute. */
export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;
const TOUCH_INTERVAL_MS = 60 * 1000;

export type SessionRecord = {
  id: string;
  userId: string;
  csrfToken: string;
  expiresAt: string;
  /** Two-step sign-in is required of this person and not set up yet: only enrolment is open. */
  enrolmentRequired?: boolean;
};

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Creates a session; returns the secret cookie value (only its hash is stored). */
export async function createSession(
  db: Db,
  userId: string,
  client: { userAgent?: string | null; address?: string | null } = {},
): Promise<{ token: string; session: SessionRecord }> {
  const token = randomBytes(32).toString('base64url');
  const now = Date.now();
  const session: SessionRecord = {
    id: hashToken(token),
    userId,
    csrfToken: randomBytes(32).toString('base64url'),
    expiresAt: new Date(now + SESSION_TTL_MS).toISOString(),
  };
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: userId,
      csrf_token: session.csrfToken,
      created_at: new Date(now).toISOString(),
      last_seen_at: new Date(now).toISOString(),
      expires_at: session.expiresAt,
      user_agent: client.userAgent?.slice(0, 512) ?? null,
      address: client.address ?? null,
    })
    .execute();
  return { token, session };
}

type SessionRow = {
  id: string;
  user_id: string;
  csrf_token: string;
  expires_at: string;
  last_seen_at: string;
  email: string;
  name: string;
  locale: string | null;
  is_operator: number;
  enrolment_required: number;
};

/** The session's columns and its person's, shared by the reads below. */
const sessionColumns = [
  'sessions.id',
  'sessions.user_id',
  'sessions.csrf_token',
  'sessions.expires_at',
  'sessions.last_seen_at',
  'users.email',
  'users.name',
  'users.locale',
  'users.is_operator',
  // Required of them (operators while operators must, members of an account that requires
  // it) and not set up: two index probes, only for people without two-step sign-in.
  sql<number>`case
    when users.totp_secret is not null then 0
    when users.is_operator = 1 and exists (select 1 from settings where settings.key = 'require_two_step_operators' and settings.value = 'true') then 1
    when exists (select 1 from memberships inner join accounts on accounts.id = memberships.account_id
                 where memberships.user_id = users.id and accounts.require_two_step = 1) then 1
    else 0 end`.as('enrolment_required'),
] as const;

// One read for both, compiled once: this runs on every authenticated request.
const sessionWithUser = compiledQuery<'id', SessionRow>((db, param) =>
  db.selectFrom('sessions').innerJoin('users', 'users.id', 'sessions.user_id').select(sessionColumns).where('sessions.id', '=', param('id')),
);

/**
 * The same read with the person's memberships (the accounts they belong to, by name) gathered as
 * JSON by the database: the session route shows them, one query instead of two.
 */
const sessionWithMemberships = compiledQuery<'id', SessionRow & { memberships: unknown }>((db, param) => {
  const memberships =
    dialectOf(db) === 'postgres'
      ? sql`(select coalesce(json_agg(json_build_object('accountId', a.id, 'accountName', a.name, 'role', m.role) order by a.name, a.id), '[]'::json)
             from memberships m inner join accounts a on a.id = m.account_id where m.user_id = users.id)`
      : sql`(select json_group_array(json_object('accountId', a.id, 'accountName', a.name, 'role', m.role) order by a.name, a.id)
             from memberships m inner join accounts a on a.id = m.account_id where m.user_id = users.id)`;
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([...sessionColumns, memberships.as('memberships')])
    .where('sessions.id', '=', param('id'));
});

type AccountColumns = {
  account_id: string | null;
  account_name: string | null;
  contact_info_complete: number | null;
  account_language: string | null;
  role: Role | null;
  integrations: unknown;
};

/**
 * The same read for a request about one account: the account, its integrations (as JSON) and
 * the person's role in it come along, so checking the session and the account scope costs one
 * indexed query instead of two. With `contactInfo`, the account's contact-information read
 * (storage/contact-info.ts) comes along too: the signed-in read of it is then one query in all.
 * What comes along is only used once the account scope allowed the request.
 */
function sessionInAccountQuery(contactInfo: boolean) {
  return compiledQuery<'id' | 'accountId', SessionRow & AccountColumns & Partial<ContactInfoReadRow>>((db, param) => {
    const integrations =
      dialectOf(db) === 'postgres'
        ? sql<unknown>`(select coalesce(json_agg(json_build_object('type', i.type, 'status', i.status) order by i.type), '[]'::json)
               from account_integrations i where i.account_id = accounts.id)`
        : sql<unknown>`(select json_group_array(json_object('type', i.type, 'status', i.status) order by i.type)
               from account_integrations i where i.account_id = accounts.id)`;
    const base = db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .leftJoin('accounts', (join) => join.on('accounts.id', '=', param('accountId')))
      .leftJoin('memberships', (join) => join.onRef('memberships.account_id', '=', 'accounts.id').onRef('memberships.user_id', '=', 'sessions.user_id'))
      .select([
        ...sessionColumns,
        'accounts.id as account_id',
        'accounts.name as account_name',
        'accounts.contact_info_complete',
        'accounts.language as account_language',
        'memberships.role',
        integrations.as('integrations'),
      ])
      .where('sessions.id', '=', param('id'));
    if (!contactInfo) return base;
    return base
      .leftJoin('contact_info', 'contact_info.account_id', 'accounts.id')
      .leftJoin('users as saver', 'saver.id', 'contact_info.updated_by')
      .leftJoin('contact_reviews as review', 'review.account_id', 'contact_info.account_id')
      .select(contactInfoReadColumns(db));
  });
}
const sessionInAccount = sessionInAccountQuery(false);
const sessionInAccountWithContactInfo = sessionInAccountQuery(true);

/** What the session's read found of the account a request is about: null when there is none. */
export type AccountInSession = { account: Account; role: Role | null } | null;

/**
 * What a request reads along with its session: one account (`accountId`), with its contact
 * information too (`contactInfo`), or the person's memberships.
 */
export type SessionReadAlong = { accountId?: string; contactInfo?: boolean; memberships?: boolean };

/**
 * The live session and its user for a cookie value, sliding its expiry forward; undefined when
 * unknown or expired. With `accountId` (a request about one account), also that account and the
 * person's role in it (`inAccount`); with `memberships`, every account the person belongs to
 * (`memberships`): either read in the same query.
 */
export async function findSession(
  db: Db,
  token: string,
  along: SessionReadAlong = {},
): Promise<
  | { session: SessionRecord; user: User; inAccount?: AccountInSession; contactInfo?: ContactInfoWithPeople | null; memberships?: MembershipSummary[] }
  | undefined
> {
  const id = hashToken(token);
  const { accountId } = along;
  const rows: (SessionRow & Partial<AccountColumns> & Partial<ContactInfoReadRow> & { memberships?: unknown })[] =
    accountId !== undefined
      ? await (along.contactInfo ? sessionInAccountWithContactInfo : sessionInAccount)(db, { id, accountId })
      : along.memberships
        ? await sessionWithMemberships(db, { id })
        : await sessionWithUser(db, { id });
  const row = rows[0];
  if (!row) return undefined;
  const now = Date.now();
  if (Date.parse(row.expires_at) <= now) {
    await db.deleteFrom('sessions').where('id', '=', row.id).execute();
    return undefined;
  }
  let expiresAt = row.expires_at;
  if (now - Date.parse(row.last_seen_at) > TOUCH_INTERVAL_MS) {
    expiresAt = new Date(now + SESSION_TTL_MS).toISOString();
    await db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(now).toISOString(), expires_at: expiresAt })
      .where('id', '=', row.id)
      .execute();
  }
  const found = {
    session: { id: row.id, userId: row.user_id, csrfToken: row.csrf_token, expiresAt, enrolmentRequired: Number(row.enrolment_required) === 1 },
    user: toUser({ ...row, id: row.user_id }),
  };
  if (along.memberships && accountId === undefined) {
    return { ...found, memberships: jsonList<MembershipSummary>(row.memberships) };
  }
  if (accountId === undefined) return found;
  if (row.account_id == null) return { ...found, inAccount: null };
  const inAccount: AccountInSession = {
    account: toAccount(
      { id: row.account_id, name: row.account_name!, contact_info_complete: Number(row.contact_info_complete), language: row.account_language! },
      jsonList<AccountIntegration>(row.integrations),
    ),
    role: row.role ?? null,
  };
  if (!along.contactInfo) return { ...found, inAccount };
  // null: the account has no contact information yet.
  return { ...found, inAccount, contactInfo: toContactInfoWithPeople(row as ContactInfoReadRow) ?? null };
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export type SessionSummary = { id: string; userAgent: string | null; address: string | null; createdAt: string; lastSeenAt: string };

/** A person's live sessions, most recently used first. */
export async function listSessionsOfUser(db: Db, userId: string): Promise<SessionSummary[]> {
  const rows = await db
    .selectFrom('sessions')
    .select(['id', 'user_agent', 'address', 'created_at', 'last_seen_at'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', nowIso())
    .orderBy('last_seen_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, userAgent: r.user_agent, address: r.address, createdAt: r.created_at, lastSeenAt: r.last_seen_at }));
}

/** Ends every session of a person but `exceptId` (all of them without it); returns how many ended. */
export async function deleteSessionsOfUser(db: Db, userId: string, exceptId?: string): Promise<number> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId) query = query.where('id', '!=', exceptId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}
