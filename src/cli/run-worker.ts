import type { Runtime } from '../app/bootstrap';
import { startDeliveryWorker } from '../worker/delivery-worker';

/**
 * A delivery worker on its own (`npm run worker`, `liaison worker`), for scale-out: run the web
 * processes with LIAISON_WORKER=off. Several may run at once: each claims different deliveries.
 * Stops on SIGTERM/SIGINT and exits 0.
 */
export async function runWorker(runtime: Runtime): Promise<void> {
  const { storage, log } = runtime;
  const worker = startDeliveryWorker({ storage, mailer: await runtime.mailer(), log, policy: { leaseMs: runtime.config.leaseMs, giveUpAfterMs: runtime.config.giveUpAfterMs } });
  log.info({ database: storage.dialect }, 'delivery worker started');
  const stop = async () => {
    log.info('delivery worker stopping');
    await worker.stop();
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}
