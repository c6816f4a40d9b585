import type { Deps } from '../commands/deps';
import { runContactReviewStep } from '../commands/run-contact-review-step';
import { SYSTEM } from '../domain/principal';
import { claimDueReviews } from '../storage/contact-health';
import type { Logger } from './delivery-worker';

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
export function startReviewWorker(options: ReviewWorkerOptions): { drain(): Promise<number>; stop(): Promise<void> } {
  const pollMs = options.pollMs ?? 60_000;
  let stopped = false;
  let running: Promise<number> | undefined;
  let timer: NodeJS.Timeout | undefined;
  function drain(): Promise<number> {
    running ??= runDueReviews(options)
      .catch((error: unknown) => {
        options.log.error({ err: error }, 'contact review pass failed');
        return 0;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  }
  function schedule(delayMs = pollMs) {
    if (stopped) return;
    timer = setTimeout(() => void drain().then(() => schedule()), delayMs);
    timer.unref();
  }
  schedule(0);
  return {
    drain,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
