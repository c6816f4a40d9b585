import { removeExpiredRows } from '../storage/cleanup';
import type { Db } from '../storage/db';
import type { Logger } from './delivery-worker';

/**
 * Housekeeping beside the delivery worker: every `intervalMs` (an hour by default, and once at
 * start) it deletes the rows that expired, so sessions, sign-in counters and the like do not
 * grow forever. `now` is injectable for tests.
 */
export function startCleanupLoop(db: Db, options: { log: Logger; intervalMs?: number; now?: () => Date }) {
  const now = options.now ?? (() => new Date());
  let running: Promise<unknown> = Promise.resolve();
  const tick = async () => {
    try {
      const removed = await removeExpiredRows(db, now());
      if (Object.values(removed).some((n) => n > 0)) options.log.info({ removed }, 'expired rows removed');
    } catch (error) {
      options.log.error({ err: error }, 'removing expired rows failed; tried again at the next interval');
    }
  };
  running = running.then(tick);
  const timer = setInterval(() => {
    running = running.then(tick);
  }, options.intervalMs ?? 60 * 60 * 1000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
