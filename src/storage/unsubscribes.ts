import { randomBytes } from 'node:crypto';
import type { Db } from './db';
import { nowIso } from './ids';

const SECRET_KEY = 'unsubscribe_secret';

/**
 * The installation's key for unsubscribe links, made once (the first writer wins). Links are
 * HMACs of account and address, so sending an email writes no token row.
 */
export async function unsubscribeSecret(db: Db): Promise<string> {
  const existing = await db.selectFrom('settings').select('value').where('key', '=', SECRET_KEY).executeTakeFirst();
  if (existing) return existing.value;
  await db
    .insertInto('settings')
    .values({ key: SECRET_KEY, value: randomBytes(32).toString('base64url'), updated_at: nowIso() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('settings').select('value').where('key', '=', SECRET_KEY).executeTakeFirstOrThrow();
  return row.value;
}

/** Addresses (lower case) that opted out of a category of an account. */
export async function optedOut(db: Db, accountId: string, category: string): Promise<Set<string>> {
  const rows = await db.selectFrom('unsubscribes').select('email').where('account_id', '=', accountId).where('category', '=', category).execute();
  return new Set(rows.map((row) => row.email));
}

export async function isOptedOut(db: Db, accountId: string, category: string, email: string): Promise<boolean> {
  return (await optedOut(db, accountId, category)).has(email.toLowerCase());
}

/** Records an opt-out; a repeat changes nothing. */
export async function addUnsubscribe(tx: Db, input: { accountId: string; email: string; category: string }): Promise<void> {
  await tx
    .insertInto('unsubscribes')
    .values({ account_id: input.accountId, email: input.email.toLowerCase(), category: input.category, created_at: nowIso() })
    .onConflict((oc) => oc.columns(['account_id', 'category', 'email']).doNothing())
    .execute();
}

export async function listUnsubscribes(db: Db, accountId: string): Promise<{ email: string; category: string; at: string }[]> {
  const rows = await db.selectFrom('unsubscribes').selectAll().where('account_id', '=', accountId).orderBy('created_at', 'desc').orderBy('email').limit(1000).execute();
  return rows.map((row) => ({ email: row.email, category: row.category, at: new Date(row.created_at).toISOString() }));
}
