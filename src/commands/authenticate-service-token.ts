import type { Principal } from '../domain/principal';
import { findLiveServiceToken } from '../storage/service-tokens';
import type { Deps } from './deps';

/** The principal of a bearer token, or undefined when it is unknown or revoked (401). */
export async function authenticateServiceToken(deps: Pick<Deps, 'storage'>, token: string): Promise<Principal | undefined> {
  const found = await findLiveServiceToken(deps.storage.db, token);
  return found && { kind: 'service', token: { id: found.id, name: found.name, accountId: found.accountId } };
}
