import type { Insertable } from 'kysely';
import type { Db } from './db';
import { newId, nowIso } from './ids';
import type { UsersTable } from './schema';

export type User = {
  id: string;
  email: string;
  name: string;
  locale: string | null;
  isOperator: boolean;
};

export function toUser(row: Pick<UsersTable, 'id' | 'email' | 'name' | 'locale' | 'is_operator'>): User {
  return { id: row.id, email: row.email, name: row.name, locale: row.locale, isOperator: row.is_operator === 1 };
}

const userColumns = ['id', 'email', 'name', 'locale', 'is_operator'] as const;

export async function findUserById(db: Db, id: string): Promise<User | undefined> {
  const row = await db.selectFrom('users').select(userColumns).where('id', '=', id).executeTakeFirst();
  return row && toUser(row);
}

/** The user and password hash for a sign-in attempt; emails are stored lower-cased. */
export async function findCredentials(db: Db, email: string) {
  const row = await db
    .selectFrom('users')
    .select([...userColumns, 'password_hash'])
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
  return row && { user: toUser(row), passwordHash: row.password_hash };
}

export async function operatorExists(db: Db): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('is_operator', '=', 1).limit(1).executeTakeFirst();
  return row !== undefined;
}

export async function insertUser(
  db: Db,
  input: { email: string; name: string; passwordHash: string | null; locale?: string | null; isOperator?: boolean },
): Promise<User> {
  const now = nowIso();
  const row: Insertable<UsersTable> & Pick<UsersTable, 'id' | 'email' | 'name' | 'locale' | 'is_operator'> = {
    id: newId('u'),
    email: input.email.toLowerCase(),
    name: input.name,
    password_hash: input.passwordHash,
    locale: input.locale ?? null,
    is_operator: input.isOperator ? 1 : 0,
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('users').values(row).execute();
  return toUser(row);
}

export async function setNameAndPassword(db: Db, id: string, name: string, passwordHash: string): Promise<User> {
  await db.updateTable('users').set({ name, password_hash: passwordHash, updated_at: nowIso() }).where('id', '=', id).execute();
  const user = await findUserById(db, id);
  if (!user) throw new Error(`user ${id} vanished`);
  return user;
}

export async function setLocale(db: Db, id: string, locale: string | null): Promise<void> {
  await db.updateTable('users').set({ locale, updated_at: nowIso() }).where('id', '=', id).execute();
}

export async function setPassword(db: Db, id: string, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash, updated_at: nowIso() }).where('id', '=', id).execute();
}

export async function setName(db: Db, id: string, name: string): Promise<void> {
  await db.updateTable('users').set({ name, updated_at: nowIso() }).where('id', '=', id).execute();
}

export async function findPasswordHash(db: Db, id: string): Promise<string | null> {
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirst();
  return row?.password_hash ?? null;
}
