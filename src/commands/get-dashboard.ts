import { DomainError } from '../domain/errors';
import { isPlatform, type Principal } from '../domain/principal';
import { dashboardFigures, type DashboardFigures } from '../storage/operator';
import type { Deps } from './deps';
import { FAILING_WINDOW_DAYS } from './list-accounts';

/** The operators' dashboard: completeness, deliveries per day over 14 days, failing accounts, the oldest undelivered notification. */
export async function getDashboard(deps: Deps, principal: Principal, input: { now?: Date } = {}): Promise<DashboardFigures> {
  if (!isPlatform(principal)) throw new DomainError('not_found');
  return dashboardFigures(deps.storage.db, deps.storage.dialect, { days: FAILING_WINDOW_DAYS, now: input.now ?? new Date() });
}
