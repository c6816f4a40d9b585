import { DomainError } from '../domain/errors';
import { isPlatform, type Principal } from '../domain/principal';
import { listAccounts as listStoredAccounts, type Account } from '../storage/accounts';
import type { Page } from '../storage/paging';
import type { Deps } from './deps';
import { healthSummaries, type HealthSummary } from '../storage/contact-health';

/** Operators (and the CLI) see every account, with its contact health; partner users only their own; service tokens none. */
export async function listAccounts(
  deps: Deps,
  principal: Principal,
  input: { limit: number; cursor?: string; complete?: boolean; search?: string; descending?: boolean },
): Promise<Page<Account & { contactHealth?: HealthSummary }>> {
  if (principal.kind !== 'user' && !isPlatform(principal)) throw new DomainError('forbidden');
  const memberOf = isPlatform(principal) || principal.kind !== 'user' ? undefined : principal.user.id;
  const page = await listStoredAccounts(deps.storage.db, { ...input, memberOf });
  if (!isPlatform(principal)) return page;
  // Operators see the contact health of the page's accounts: aggregate queries, not one per account.
  const health = await healthSummaries(deps.storage.db, page.items.map((a) => a.id));
  return { ...page, items: page.items.map((a) => ({ ...a, contactHealth: health.get(a.id)! })) };
}
