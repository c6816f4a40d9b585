import { randomBytes } from 'node:crypto';
import { DomainError } from '../domain/errors';
import { isPlatform, type Principal } from '../domain/principal';
import { findCredentials, insertUser, type User } from '../storage/users';
import type { Deps } from './deps';
import { hashPassword } from './parts/passwords';

/**
 * Liaison itself (the CLI) creates an operator: platform staff who see every account. Without a
 * password one is generated and returned this once. 409 conflict when the email is taken.
 */
export async function createOperator(
  deps: Pick<Deps, 'storage'>,
  principal: Principal,
  input: { email: string; name?: string; password?: string },
): Promise<{ user: User; password: string; generated: boolean }> {
  if (!isPlatform(principal)) throw new DomainError('not_found');
  const db = deps.storage.db;
  if (input.password !== undefined && input.password.length < 12) {
    throw new DomainError('validation_failed', [{ path: 'password', code: 'too_short', params: { min: 12 } }]);
  }
  if (await findCredentials(db, input.email)) throw new DomainError('conflict');
  const generated = input.password === undefined;
  const password = input.password ?? randomBytes(15).toString('base64url');
  try {
    const user = await insertUser(db, { email: input.email, name: input.name ?? 'Operator', passwordHash: await hashPassword(password), isOperator: true });
    return { user, password, generated };
  } catch (error) {
    // Someone took the address at the same moment.
    if (await findCredentials(db, input.email)) throw new DomainError('conflict');
    throw error;
  }
}
