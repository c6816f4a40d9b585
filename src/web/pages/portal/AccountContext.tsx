import { useOutletContext } from 'react-router';
import type { Membership } from '../../session';
import type { AccountDetail } from '../../types';

/** What every portal page knows about the account in the URL. */
export interface AccountContext {
  accountId: string;
  membership: Membership;
  /** `/accounts/{id}`: prefix for links to the account's pages. */
  basePath: string;
  /** The account as last loaded (its integrations, whether its contact information is complete). */
  account: AccountDetail;
  /** Loads the account again (after the contact information was saved…). */
  reloadAccount: () => Promise<void>;
}

export function useAccount(): AccountContext {
  return useOutletContext<AccountContext>();
}
