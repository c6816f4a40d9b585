import { DomainError } from '../domain/errors';
import { isPlatform, type Principal } from '../domain/principal';
import { listAccounts as listStoredAccounts, type Account } from '../storage/accounts';
import { failingDeliveries, firstDayOf } from '../storage/operator';
import type { Page } from '../storage/paging';
import type { Deps } from './deps';
import { healthSummaries, type HealthSummary } from '../storage/contact-health';

/** The window of "failing deliveries": the same 14 days as the dashboard's chart and list. */
export const FAILING_WINDOW_DAYS = 14;

export type ListedAccount = Account & { failingDeliveries: number; contactHealth?: HealthSummary };

/**
 * Operators (and the CLI) see every account, with its contact health; partner users only their
 * own; service tokens none. Each account comes with its failing deliveries; both are counted for
 * the page's accounts by aggregate queries, not one per account.
 */
export async function listAccounts(
  deps: Deps,
  principal: Principal,
  input: { limit: number; cursor?: string; complete?: boolean; search?: string; descending?: boolean; now?: Date },
): Promise<Page<ListedAccount>> {
  if (principal.kind !== 'user' && !isPlatform(principal)) throw new DomainError('forbidden');
  const { now = new Date(), ...query } = input;
  const memberOf = isPlatform(principal) || principal.kind !== 'user' ? undefined : principal.user.id;
  const page = await listStoredAccounts(deps.storage.db, { ...query, memberOf });
  const since = firstDayOf(now, FAILING_WINDOW_DAYS);
  const ids = page.items.map((a) => a.id);
  const failing = await failingDeliveries(deps.storage.db, { since, accountIds: ids, limit: ids.length });
  const failedOf = new Map(failing.map((f) => [f.id, f.failed]));
  const items: ListedAccount[] = page.items.map((account) => ({ ...account, failingDeliveries: failedOf.get(account.id) ?? 0 }));
  if (!isPlatform(principal)) return { ...page, items };
  const health = await healthSummaries(deps.storage.db, ids);
  return { ...page, items: items.map((a) => ({ ...a, contactHealth: health.get(a.id)! })) };
}
