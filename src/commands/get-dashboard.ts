import { DomainError } from '../domain/errors';
import { isPlatform, type Principal } from '../domain/principal';
import { dashboardFigures, type DashboardFigures } from '../storage/operator';
import type { Deps } from './deps';
import { FAILING_WINDOW_DAYS } from './list-accounts';
import { healthTotals, staleAccounts } from '../storage/contact-health';

/** The operators' dashboard: completeness, contact health (bouncing, unconfirmed, stale), deliveries per day over 14 days, failing accounts, the oldest undelivered notification. */
export async function getDashboard(
  deps: Deps,
  principal: Principal,
  input: { now?: Date } = {},
): Promise<DashboardFigures & { contactHealth: Awaited<ReturnType<typeof healthTotals>> & { stale: Awaited<ReturnType<typeof staleAccounts>> } }> {
  if (!isPlatform(principal)) throw new DomainError('not_found');
  const db = deps.storage.db;
  const figures = await dashboardFigures(db, deps.storage.dialect, { days: FAILING_WINDOW_DAYS, now: input.now ?? new Date() });
  return { ...figures, contactHealth: { ...(await healthTotals(db)), stale: await staleAccounts(db, 20) } };
}
