import type { Principal } from '../domain/principal';
import type { Deps } from './deps';
import type { AccountScope } from './open-account-scope';
import type { ContactInfoWithPeople } from '../storage/contact-info';
import { presentContactInfo, type ContactInfoView } from './parts/contact-info-document';

export type { ContactInfoView };

/**
 * The account's contact information as the API shows it. `read`: the contact-information read
 * already made for this request along with its session (null: there is none yet).
 */
export function getContactInfo(deps: Deps, _principal: Principal, input: { scope: AccountScope; read?: ContactInfoWithPeople | null }): Promise<ContactInfoView> {
  return presentContactInfo(deps.storage.db, deps.catalog, input.scope.account, input.read);
}
