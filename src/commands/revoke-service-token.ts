import { DomainError } from '../domain/errors';
import { isPlatform, type Principal } from '../domain/principal';
import { revokeServiceToken as revokeStoredToken } from '../storage/service-tokens';
import type { Deps } from './deps';

/** Revokes a token: its very next request is 401. 404 when unknown or already revoked. */
export async function revokeServiceToken(deps: Deps, principal: Principal, input: { id: string }): Promise<void> {
  if (!isPlatform(principal)) throw new DomainError('not_found');
  if (!(await revokeStoredToken(deps.storage.db, input.id))) throw new DomainError('not_found');
}
