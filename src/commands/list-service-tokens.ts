import { DomainError } from '../domain/errors';
import { isPlatform, type Principal } from '../domain/principal';
import { listServiceTokens as listStoredTokens, type ServiceToken } from '../storage/service-tokens';
import type { Deps } from './deps';

/** Every service token, newest first, with its last use (never its secret). Operators only. */
export async function listServiceTokens(deps: Deps, principal: Principal): Promise<ServiceToken[]> {
  if (!isPlatform(principal)) throw new DomainError('not_found');
  return listStoredTokens(deps.storage.db);
}
