import pino from 'pino';
import { createMailer } from '../mail/mailer';
import { ConfigError, loadConfig } from '../server/config';
import { openStorage } from '../storage/db';
import { migrateToLatest } from '../storage/migrations';
import { startOutboxWorker } from '../worker/outbox-worker';

/**
 * `npm run worker`: a delivery worker on its own, for scale-out (run the web processes with
 * LIAISON_WORKER=off). Several may run at once: each claims different deliveries.
 */
async function main() {
  const config = loadConfig();
  if (!config.smtpUrl) throw new ConfigError('Invalid configuration: SMTP_URL must be set for a standalone worker (the embedded mail catcher lives in the web process)');
  const log = pino({ level: config.logLevel, name: 'worker' });
  const storage = openStorage(config.databaseUrl);
  await migrateToLatest(storage);
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom });
  const worker = startOutboxWorker({ storage, mailer, log });
  log.info({ database: storage.dialect }, 'delivery worker started');

  const stop = async () => {
    log.info('delivery worker stopping');
    await worker.stop();
    mailer.close();
    await storage.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : `Worker could not start: ${String(error)}`}\n`);
  process.exit(1);
});
