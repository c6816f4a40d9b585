import type { ContactField } from '../domain/contact-fields';
import type { Principal } from '../domain/principal';
import type { Account } from '../storage/accounts';
import type { Deps } from './deps';
import type { AccountScope } from './open-account-scope';
import { loadContactInfo } from './parts/contact-info-document';

export type AccountDetail = Account & { missing: ContactField[] };

export async function presentAccount(deps: Deps, account: Account): Promise<AccountDetail> {
  return { ...account, missing: (await loadContactInfo(deps.storage.db, deps.catalog, account)).missing };
}

/** One account, with the contact fields it still misses. */
export function getAccount(deps: Deps, _principal: Principal, input: { scope: AccountScope }): Promise<AccountDetail> {
  return presentAccount(deps, input.scope.account);
}
