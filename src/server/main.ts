import { ensureOperator } from '../commands/ensure-operator';
import { startMailCatcher } from '../mail/catcher';
import { createMailer } from '../mail/mailer';
import { openStorage } from '../storage/db';
import { storeCaughtMail } from '../storage/mailbox';
import { migrateToLatest } from '../storage/migrations';
import { startOutboxWorker } from '../worker/outbox-worker';
import { buildApp } from './app';
import { DEFAULT_CATALOG_PATH, loadCatalog } from './catalog';
import { ConfigError, loadConfig } from './config';

const SHUTDOWN_GRACE_MS = 10_000;

/** `npm start`: configuration, database, mail, then the web server; SIGTERM shuts it down gracefully. */
async function main() {
  const config = loadConfig();
  const storage = openStorage(config.databaseUrl);
  await migrateToLatest(storage);
  const firstOperator = await ensureOperator(storage.db, { email: config.adminEmail, password: config.adminPassword });

  const catcher = config.smtpUrl ? undefined : await startMailCatcher((mail) => storeCaughtMail(storage.db, mail));
  const mailer = createMailer({ smtpUrl: config.smtpUrl ?? catcher!.url, from: config.mailFrom });

  const catalog = loadCatalog(config.integrationsFile ?? DEFAULT_CATALOG_PATH);

  const app = await buildApp({
    config,
    storage,
    mailer,
    mailboxEnabled: catcher !== undefined,
    catalog,
    wakeWorker: () => worker?.wake(),
  });
  const worker = config.worker === 'embedded' ? startOutboxWorker({ storage, mailer, log: app.log }) : undefined;
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
    await worker?.stop();
    mailer.close();
    await catcher?.close();
    await storage.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Liaison could not start: ${error instanceof Error ? error.stack : String(error)}\n`);
  }
  process.exit(1);
});
