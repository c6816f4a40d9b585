import { randomBytes } from 'node:crypto';
import type { Principal } from '../domain/principal';
import type { Deps } from './deps';
import { insertUser, operatorExists } from '../storage/users';
import { hashPassword } from './parts/passwords';

export type FirstOperator = { email: string; password: string; generated: boolean };

/**
 * Creates the first operator when none exists: from the configured email and password, or
 * with a generated password that the caller prints once. Returns undefined when one exists.
 */
export async function ensureOperator(
  deps: Pick<Deps, 'storage'>,
  _principal: Principal,
  configured: { email?: string; password?: string },
): Promise<FirstOperator | undefined> {
  const db = deps.storage.db;
  if (await operatorExists(db)) return undefined;
  const email = configured.email ?? 'admin@localhost';
  const generated = !configured.password;
  const password = configured.password ?? randomBytes(15).toString('base64url');
  try {
    await insertUser(db, { email, name: 'Operator', passwordHash: await hashPassword(password), isOperator: true });
  } catch (error) {
    // Another process started at the same time and won the race.
    if (await operatorExists(db)) return undefined;
    throw error;
  }
  return { email, password, generated };
}
