import { removeExpiredRows } from '../storage/cleanup';
import type { Storage } from '../storage/db';
import type { Logger } from './delivery-worker';
import { startPollingLoop, type PollingLoop } from './polling-loop';

/**
 * Housekeeping beside the delivery worker: at start and then hourly it deletes the rows that
 * expired, so sessions, sign-in counters and the like do not grow forever, and refreshes the
 * query planner's statistics. `now` is injectable for tests.
 */
export function startCleanupLoop(storage: Pick<Storage, 'db' | 'refreshStatistics'>, options: { log: Logger; intervalMs?: number; now?: () => Date }): PollingLoop {
  const now = options.now ?? (() => new Date());
  const pass = async () => {
    const removed = await removeExpiredRows(storage.db, now());
    await storage.refreshStatistics?.();
    const total = Object.values(removed).reduce((sum, n) => sum + n, 0);
    if (total > 0) options.log.info({ removed }, 'expired rows removed');
    return total;
  };
  return startPollingLoop(pass, { pollMs: options.intervalMs ?? 60 * 60 * 1000, log: options.log, failure: 'removing expired rows failed; tried again at the next interval' });
}
