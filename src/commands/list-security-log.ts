import { DomainError } from '../domain/errors';
import type { Principal } from '../domain/principal';
import { listSecurity } from '../storage/own-access';
import type { Deps } from './deps';
import { signedInPerson } from './get-profile';

/** The person's own security log (their password, two-step sign-in, sessions), newest first. */
export async function listOwnSecurityLog(deps: Pick<Deps, 'storage'>, principal: Principal, input: { limit: number; cursor?: string }) {
  const { user } = signedInPerson(principal);
  return listSecurity(deps.storage.db, { userId: user.id, ...input });
}

/** Everyone's security log, or one person's (operators only). */
export async function listSecurityLog(deps: Pick<Deps, 'storage'>, principal: Principal, input: { userId?: string; limit: number; cursor?: string }) {
  if (principal.kind !== 'system' && !(principal.kind === 'user' && principal.user.isOperator)) throw new DomainError('not_found');
  return listSecurity(deps.storage.db, input);
}
