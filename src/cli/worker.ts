import { bootstrap, exitOnStartFailure } from '../app/bootstrap';
import { startDeliveryWorker } from '../worker/delivery-worker';
import { startEscalationWorker } from '../worker/escalation-worker';

/**
 * `npm run worker`: a delivery worker on its own, for scale-out (run the web processes with
 * LIAISON_WORKER=off). Several may run at once: each claims different deliveries.
 */
async function main() {
  const runtime = await bootstrap({ name: 'worker', migrate: true });
  const { storage, log } = runtime;
  const worker = startDeliveryWorker({ storage, mailer: await runtime.mailer(), log, policy: { leaseMs: runtime.config.leaseMs, giveUpAfterMs: runtime.config.giveUpAfterMs } });
  const escalations = startEscalationWorker({ deps: { storage, catalog: runtime.catalog, config: runtime.config }, log, leaseMs: runtime.config.leaseMs });
  log.info({ database: storage.dialect }, 'delivery worker started');

  const stop = async () => {
    log.info('delivery worker stopping');
    await escalations.stop();
    await worker.stop();
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch(exitOnStartFailure('Worker could not start'));
