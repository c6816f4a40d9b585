import type { Principal } from '../domain/principal';
import type { Deps } from './deps';
import type { AccountScope } from './open-account-scope';
import { presentContactInfo, type ContactInfoView } from './parts/contact-info-document';

export type { ContactInfoView };

/** The account's contact information as the API shows it. */
export function getContactInfo(deps: Deps, _principal: Principal, input: { scope: AccountScope }): Promise<ContactInfoView> {
  return presentContactInfo(deps.storage.db, deps.catalog, input.scope.account);
}
