import type { Db } from './db';
import { newId } from './ids';

/**
 * Failed sign-ins, kept in the database so that every web process of a scale-out
 * sees the same counts.
 */
export async function countRecentFailures(db: Db, key: string, since: string): Promise<{ count: number; oldest?: string }> {
  const row = await db
    .selectFrom('sign_in_failures')
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('failed_at').as('oldest')])
    .where('key', '=', key)
    .where('failed_at', '>', since)
    .executeTakeFirst();
  return { count: Number(row?.count ?? 0), oldest: row?.oldest ?? undefined };
}

export async function recordFailures(db: Db, keys: string[], at: string): Promise<void> {
  await db
    .insertInto('sign_in_failures')
    .values(keys.map((key) => ({ id: newId('f'), key, failed_at: at })))
    .execute();
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('key', '=', key).execute();
}
