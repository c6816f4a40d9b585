import { DomainError } from '../domain/errors';
import { isPlatform, type Principal } from '../domain/principal';
import { listAccounts as listStoredAccounts, type Account } from '../storage/accounts';
import type { Page } from '../storage/paging';
import type { Deps } from './deps';

/** Operators (and the CLI) see every account; partner users only their own; service tokens none. */
export async function listAccounts(
  deps: Deps,
  principal: Principal,
  input: { limit: number; cursor?: string; complete?: boolean; search?: string; descending?: boolean },
): Promise<Page<Account>> {
  if (principal.kind !== 'user' && !isPlatform(principal)) throw new DomainError('forbidden');
  const memberOf = isPlatform(principal) || principal.kind !== 'user' ? undefined : principal.user.id;
  return listStoredAccounts(deps.storage.db, { ...input, memberOf });
}
