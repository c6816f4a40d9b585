import { DomainError } from '../domain/errors';
import { actorOf, isPlatform, type Principal } from '../domain/principal';
import { findAccount } from '../storage/accounts';
import { insertServiceToken, type ServiceToken } from '../storage/service-tokens';
import type { Deps } from './deps';

/**
 * An operator (or the CLI) creates a service token for a platform system: named, optionally bound
 * to one account; its secret is returned this once and stored only hashed.
 */
export async function createServiceToken(
  deps: Deps,
  principal: Principal,
  input: { name: string; accountId?: string | null },
): Promise<ServiceToken & { token: string }> {
  if (!isPlatform(principal)) throw new DomainError('not_found');
  const accountId = input.accountId ?? null;
  if (accountId !== null && !(await findAccount(deps.storage.db, accountId))) {
    throw new DomainError('validation_failed', [{ path: 'accountId', code: 'invalid_value' }]);
  }
  const { token, serviceToken } = await insertServiceToken(deps.storage.db, { name: input.name, accountId, createdBy: actorOf(principal).id });
  return { ...serviceToken, token };
}
