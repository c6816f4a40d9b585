import { escalationTiming } from '../domain/escalation';
import type { Category, Environment } from '../domain/routing';
import { findAccount } from '../storage/accounts';
import { writeTransaction } from '../storage/db';
import { dueHoursReleases, takeHeldNotification } from '../storage/support-calendar';
import type { Deps } from './deps';
import { releaseHeldNotification } from './parts/queue-notification';

/**
 * Sends the notifications that waited for the partner's support to open once their time has
 * come (the job loop; tests pass a clock). Each in one transaction, once. Returns how many.
 */
export async function releaseDueHeldNotifications(deps: Deps, options: { now?: string } = {}): Promise<number> {
  const now = options.now ?? new Date().toISOString();
  const context = { catalog: deps.catalog, publicUrl: deps.config.publicUrl, escalation: escalationTiming(deps.config) };
  let released = 0;
  for (;;) {
    const due = await dueHoursReleases(deps.storage.db, now);
    for (const item of due) {
      const done = await writeTransaction(deps.storage, async (tx) => {
        const row = await takeHeldNotification(tx, item.id);
        const account = row ? await findAccount(tx, item.accountId) : undefined;
        if (!row || !account) return false;
        await releaseHeldNotification(tx, context, account, { ...row, category: row.category as Category, env: row.env as Environment });
        return true;
      });
      if (done) released += 1;
    }
    if (due.length < 50) return released;
  }
}
