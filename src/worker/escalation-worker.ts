import { escalateNotification } from '../commands/escalate-notification';
import { endDueMaintenanceWindows } from '../commands/end-maintenance-window';
import { releaseDueHeldNotifications } from '../commands/release-held-notifications';
import type { Deps } from '../commands/deps';
import { escalationTiming, type EscalationTiming } from '../domain/escalation';
import { SYSTEM } from '../domain/principal';
import { claimDueEscalations } from '../storage/escalations';
import type { Logger } from './delivery-worker';
import { startPollingLoop } from './polling-loop';

export type EscalationWorker = {
  /** Runs every due step until none is; resolves with how many steps ran. */
  drain(): Promise<number>;
  stop(): Promise<void>;
};

export type EscalationWorkerOptions = {
  deps: Deps;
  log: Logger;
  /** How often to look for due steps (they are due at times, not on commits). */
  pollMs?: number;
  batchSize?: number;
  leaseMs?: number;
  timing?: EscalationTiming;
};

/**
 * Runs due escalation steps once each, however many workers run: claimed under a lease
 * (`for update skip locked` on PostgreSQL), each step's completion and its emails one transaction
 * guarded by the lease token. `now` replaces the database clock for what is due (tests).
 */
export async function runDueEscalations(
  options: Omit<EscalationWorkerOptions, 'pollMs'> & { now?: string },
): Promise<number> {
  const { deps, log } = options;
  const batchSize = options.batchSize ?? 20;
  const leaseMs = options.leaseMs ?? 30_000;
  const timing = options.timing ?? escalationTiming(deps.config);
  let ran = 0;
  for (;;) {
    const claimed = await claimDueEscalations(deps.storage.db, { limit: batchSize, leaseMs, now: options.now });
    for (const item of claimed) {
      try {
        const outcome = await escalateNotification(deps, SYSTEM, { claimed: item, timing, now: options.now });
        if (outcome.ran) {
          ran += 1;
          log.info({ notificationId: item.notificationId, step: outcome.step, recipients: outcome.recipients.length }, 'emergency escalated');
        }
      } catch (error) {
        // Nothing of the step was written (one transaction): it is tried again once its lease runs out.
        log.error({ notificationId: item.notificationId, step: item.step, err: error }, 'escalation step failed; retried after its lease');
      }
    }
    if (claimed.length < batchSize) return ran;
  }
}

/** The escalation loop beside the delivery worker (web process or `npm run worker`); it also ends due maintenance windows. */
export function startEscalationWorker(options: EscalationWorkerOptions): EscalationWorker {
  const pass = async () => {
    const ran = await runDueEscalations(options);
    // Maintenance windows that have ended release or drop what they held (one transaction each).
    await endDueMaintenanceWindows(options.deps).catch((error: unknown) => options.log.error({ err: error }, 'ending maintenance windows failed; tried again at the next poll'));
    // Notifications that waited for the partner's support hours go out once it opens.
    await releaseDueHeldNotifications(options.deps).catch((error: unknown) => options.log.error({ err: error }, 'releasing held notifications failed; tried again at the next poll'));
    return ran;
  };
  return startPollingLoop(pass, { pollMs: options.pollMs ?? 5000, log: options.log, failure: 'escalation pass failed' });
}
