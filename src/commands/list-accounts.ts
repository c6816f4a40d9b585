import { DomainError } from '../domain/errors';
import { isPlatform, type Principal } from '../domain/principal';
import { listAccounts as listStoredAccounts, type Account } from '../storage/accounts';
import { failingDeliveries, firstDayOf } from '../storage/operator';
import type { Page } from '../storage/paging';
import type { Deps } from './deps';

/** The window of "failing deliveries": the same 14 days as the dashboard's chart and list. */
export const FAILING_WINDOW_DAYS = 14;

export type ListedAccount = Account & { failingDeliveries: number };

/**
 * Operators (and the CLI) see every account; partner users only their own; service tokens none.
 * Each account comes with its failing deliveries, counted for the page's accounts in one query.
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
  const failing = await failingDeliveries(deps.storage.db, { since, accountIds: page.items.map((a) => a.id), limit: page.items.length });
  const failedOf = new Map(failing.map((f) => [f.id, f.failed]));
  return { ...page, items: page.items.map((account) => ({ ...account, failingDeliveries: failedOf.get(account.id) ?? 0 })) };
}
