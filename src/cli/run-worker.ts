import type { Runtime } from '../app/bootstrap';
import { startBroadcastLoop } from '../worker/broadcast-loop';
import { startCleanupLoop } from '../worker/cleanup-loop';
import { bounceRecorder, startDeliveryWorker } from '../worker/delivery-worker';
import { startEscalationWorker } from '../worker/escalation-worker';
import { startReviewWorker } from '../worker/review-worker';

/**
 * A delivery worker on its own (`npm run worker`, `liaison worker`), for scale-out: run the web
 * processes with LIAISON_WORKER=off. Several may run at once: each claims different deliveries.
 * Also runs the broadcast job loop, the emergency escalation timers and the hourly cleanup. Stops on SIGTERM/SIGINT and exits 0.
 */
export async function runWorker(runtime: Runtime): Promise<void> {
  const { storage, log } = runtime;
  const worker = startDeliveryWorker({ storage, mailer: await runtime.mailer(), log, policy: { leaseMs: runtime.config.leaseMs, giveUpAfterMs: runtime.config.giveUpAfterMs }, onBounce: bounceRecorder({ storage, catalog: runtime.catalog, config: runtime.config }), webhooks: { ...runtime.config.webhooks, publicUrl: runtime.config.publicUrl } });
  // Broadcasts fan out in the worker processes too (under a lease: one process per batch).
  const broadcasts = startBroadcastLoop(runtime, { log, leaseMs: runtime.config.leaseMs });
  const escalations = startEscalationWorker({ deps: { storage, catalog: runtime.catalog, config: runtime.config }, log, leaseMs: runtime.config.leaseMs });
  // Expired sessions, sign-in counters and the like are deleted hourly.
  const cleanup = startCleanupLoop(storage, { log });
  const reviews = startReviewWorker({ deps: { storage, catalog: runtime.catalog, config: runtime.config }, log, leaseMs: runtime.config.leaseMs });
  log.info({ database: storage.dialect }, 'delivery worker started');
  const stop = async () => {
    log.info('delivery worker stopping');
    await escalations.stop();
    await reviews.stop();
    await broadcasts.stop();
    await cleanup.stop();
    await worker.stop();
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}
