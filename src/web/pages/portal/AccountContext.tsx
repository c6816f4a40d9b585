import { useOutletContext } from 'react-router';
import type { Membership } from '../../session';

/** What every portal page knows about the account in the URL. */
export interface AccountContext {
  accountId: string;
  membership: Membership;
  /** `/accounts/{id}`: prefix for links to the account's pages. */
  basePath: string;
}

export function useAccount(): AccountContext {
  return useOutletContext<AccountContext>();
}
