import type { Role } from '../domain/roles';
import { compiledQuery } from './compiled';
import type { Db } from './db';
import { nowIso } from './ids';
import { decodeCursor, toPage, type Page } from './paging';

export type Member = {
  userId: string;
  email: string;
  name: string;
  role: Role;
  /** `invited` until the person accepts an invitation and sets a password. */
  status: 'active' | 'invited';
};

export type MembershipSummary = { accountId: string; accountName: string; role: Role };

export async function findRole(db: Db, accountId: string, userId: string): Promise<Role | null> {
  const row = await db
    .selectFrom('memberships')
    .select('role')
    .where('account_id', '=', accountId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.role ?? null;
}

const membershipsOfUser = compiledQuery<'userId', { id: string; name: string; role: Role }>((db, param) =>
  db
    .selectFrom('memberships')
    .innerJoin('accounts', 'accounts.id', 'memberships.account_id')
    .select(['accounts.id', 'accounts.name', 'memberships.role'])
    .where('memberships.user_id', '=', param('userId'))
    .orderBy('accounts.name')
    .orderBy('accounts.id'),
);

/** The accounts a user belongs to, by name (for the session and the account picker). */
export async function listMembershipsOfUser(db: Db, userId: string): Promise<MembershipSummary[]> {
  const rows = await membershipsOfUser(db, { userId });
  return rows.map((row) => ({ accountId: row.id, accountName: row.name, role: row.role }));
}

const memberColumns = ['users.id', 'users.email', 'users.name', 'users.password_hash', 'memberships.role'] as const;

function toMember(row: { id: string; email: string; name: string; password_hash: string | null; role: Role }): Member {
  return { userId: row.id, email: row.email, name: row.name, role: row.role, status: row.password_hash ? 'active' : 'invited' };
}

export async function findMember(db: Db, accountId: string, userId: string): Promise<Member | undefined> {
  const row = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(memberColumns)
    .where('memberships.account_id', '=', accountId)
    .where('memberships.user_id', '=', userId)
    .executeTakeFirst();
  return row && toMember(row);
}

/** The users of an account by email, keyset-paged. */
export async function listMembers(db: Db, accountId: string, options: { limit: number; cursor?: string }): Promise<Page<Member>> {
  let query = db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(memberColumns)
    .where('memberships.account_id', '=', accountId)
    .orderBy('users.email')
    .orderBy('users.id')
    .limit(options.limit + 1);
  const after = decodeCursor(options.cursor);
  if (after) {
    query = query.where((eb) =>
      eb.or([eb('users.email', '>', after.key), eb.and([eb('users.email', '=', after.key), eb('users.id', '>', after.id)])]),
    );
  }
  const rows = await query.execute();
  return toPage(rows.map(toMember), options.limit, (m) => ({ key: m.email, id: m.userId }));
}

export async function insertMembership(db: Db, input: { accountId: string; userId: string; role: Role }): Promise<void> {
  await db
    .insertInto('memberships')
    .values({ account_id: input.accountId, user_id: input.userId, role: input.role, created_at: nowIso() })
    .execute();
}

export async function updateRole(db: Db, accountId: string, userId: string, role: Role): Promise<void> {
  await db.updateTable('memberships').set({ role }).where('account_id', '=', accountId).where('user_id', '=', userId).execute();
}

export async function deleteMembership(db: Db, accountId: string, userId: string): Promise<void> {
  await db.deleteFrom('memberships').where('account_id', '=', accountId).where('user_id', '=', userId).execute();
}

export async function countAdmins(db: Db, accountId: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('account_id', '=', accountId)
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Every member with the language of their emails (for alert contacts and routing). */
const allMembers = compiledQuery<'accountId', { id: string; email: string; name: string; password_hash: string | null; role: Role; locale: string | null }>(
  (db, param) =>
    db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select([...memberColumns, 'users.locale'])
      .where('memberships.account_id', '=', param('accountId'))
      .orderBy('users.email'),
);

export async function listAllMembers(db: Db, accountId: string): Promise<(Member & { locale: string | null })[]> {
  const rows = await allMembers(db, { accountId });
  return rows.map((row) => ({ ...toMember(row), locale: row.locale }));
}
