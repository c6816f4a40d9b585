import type { Deps } from '../commands/deps';
import { runContactReviewStep } from '../commands/run-contact-review-step';
import { SYSTEM } from '../domain/principal';
import { claimDueReviews } from '../storage/contact-health';
import type { Logger } from './delivery-worker';
import { startPollingLoop, type PollingLoop } from './polling-loop';

export type ReviewWorkerOptions = {
  deps: Deps;
  log: Logger;
  /** How often to look for due reviews (they come due over months: a minute is plenty). */
  pollMs?: number;
  batchSize?: number;
  leaseMs?: number;
};

/**
 * Runs due steps of the periodic contact-information review once each, however many workers run:
 * claimed under a lease (`for update skip locked` on PostgreSQL) like escalations. `now`
 * replaces the database clock for what is due (tests).
 */
export async function runDueReviews(options: Omit<ReviewWorkerOptions, 'pollMs'> & { now?: string }): Promise<number> {
  const { deps, log } = options;
  const batchSize = options.batchSize ?? 20;
  const leaseMs = options.leaseMs ?? 30_000;
  let ran = 0;
  for (;;) {
    const claimed = await claimDueReviews(deps.storage.db, { limit: batchSize, leaseMs, now: options.now });
    for (const item of claimed) {
      try {
        const outcome = await runContactReviewStep(deps, SYSTEM, { claimed: item, now: options.now });
        if (outcome.ran) {
          ran += 1;
          log.info({ accountId: item.accountId, stage: outcome.stage, recipients: outcome.recipients.length }, 'contact review step ran');
        }
      } catch (error) {
        log.error({ accountId: item.accountId, stage: item.stage, err: error }, 'contact review step failed; retried after its lease');
      }
    }
    if (claimed.length < batchSize) return ran;
  }
}

/** The review loop beside the delivery worker (web process or `npm run worker`). */
export function startReviewWorker(options: ReviewWorkerOptions): PollingLoop {
  return startPollingLoop(() => runDueReviews(options), { pollMs: options.pollMs ?? 60_000, log: options.log, failure: 'contact review pass failed' });
}
