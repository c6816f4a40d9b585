import { bootstrap, exitOnStartFailure } from '../app/bootstrap';
import { ensureOperator } from '../commands/ensure-operator';
import { SYSTEM } from '../domain/principal';
import { startBroadcastLoop } from '../worker/broadcast-loop';
import { startCleanupLoop } from '../worker/cleanup-loop';
import { bounceRecorder, startDeliveryWorker } from '../worker/delivery-worker';
import { startEscalationWorker } from '../worker/escalation-worker';
import { startReviewWorker } from '../worker/review-worker';
import { buildApp } from './app';

const SHUTDOWN_GRACE_MS = 10_000;

/** `npm start`: configuration, database, mail, then the web server; SIGTERM shuts it down gracefully. */
async function main() {
  const runtime = await bootstrap({ name: 'web', migrate: true, hostCatcher: true });
  const { config, storage, catalog, log } = runtime;
  const firstOperator = await ensureOperator({ storage }, SYSTEM, { email: config.adminEmail, password: config.adminPassword });
  const mailer = await runtime.mailer();
  const catcher = runtime.catcher();

  const app = await buildApp({ config, storage, catalog, mailboxEnabled: catcher !== undefined }, { logger: log });
  const worker = config.worker === 'embedded' ? startDeliveryWorker({ storage, mailer, log: log.child({ name: 'worker' }), policy: { leaseMs: config.leaseMs, giveUpAfterMs: config.giveUpAfterMs }, onBounce: bounceRecorder({ storage, catalog, config }), webhooks: { ...config.webhooks, publicUrl: config.publicUrl } }) : undefined;
  const escalations =
    config.worker === 'embedded' ? startEscalationWorker({ deps: { storage, catalog, config }, log: log.child({ name: 'escalations' }), leaseMs: config.leaseMs }) : undefined;
  const reviews = config.worker === 'embedded' ? startReviewWorker({ deps: { storage, catalog, config }, log: log.child({ name: 'reviews' }), leaseMs: config.leaseMs }) : undefined;
  const broadcasts = config.worker === 'embedded' ? startBroadcastLoop({ storage, catalog, config }, { log: log.child({ name: 'broadcasts' }), leaseMs: config.leaseMs }) : undefined;
  const cleanup = config.worker === 'embedded' ? startCleanupLoop(storage, { log: log.child({ name: 'cleanup' }) }) : undefined;
  const address = await app.listen({ port: config.port, host: config.host });

  const lines = [`Liaison is listening on ${address} (public URL ${config.publicUrl}, database: ${storage.dialect})`];
  if (catcher) lines.push(`Mail goes to the embedded mail catcher: sign in as an operator and open ${config.publicUrl}/operator/mailbox`);
  if (firstOperator?.generated) {
    lines.push(`First operator created. Sign in with: ${firstOperator.email} / ${firstOperator.password}`);
    lines.push('This password is shown only once: keep it now.');
  } else if (firstOperator) {
    lines.push(`First operator created. Sign in with ${firstOperator.email} and the password in LIAISON_ADMIN_PASSWORD.`);
  } else {
    lines.push('Sign in with an existing operator account.');
  }
  process.stdout.write(`\n${lines.map((line) => `  ${line}`).join('\n')}\n\n`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    app.shuttingDown = true;
    // In-flight requests get this long to finish before their connections are cut.
    setTimeout(() => app.server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
    await app.close();
    await escalations?.stop();
    await reviews?.stop();
    await broadcasts?.stop();
    await cleanup?.stop();
    await worker?.stop();
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch(exitOnStartFailure('Liaison could not start'));
