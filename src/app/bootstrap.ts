import pino, { type Logger } from 'pino';
import { startMailCatcher, type MailCatcher } from '../mail/catcher';
import { createMailer, type Mailer } from '../mail/mailer';
import { openStorage, type Storage } from '../storage/db';
import { storeCaughtMail } from '../storage/mailbox';
import { migrateToLatest } from '../storage/migrations';
import type { IntegrationCatalog } from '../domain/integrations';
import { DEFAULT_CATALOG_PATH, loadCatalog } from './catalog';
import { ConfigError, loadConfig, type Config } from './config';

/** What every entry point runs on: the web server, `npm run worker`, `npm run migrate`, the CLI. */
export type Runtime = {
  config: Config;
  storage: Storage;
  catalog: IntegrationCatalog;
  log: Logger;
  /** The SMTP mailer, opened on first use (the CLI and migrations never send). */
  mailer(): Promise<Mailer>;
  /** The embedded mail catcher, when SMTP_URL is unset and this process hosts it. */
  catcher(): MailCatcher | undefined;
  close(): Promise<void>;
};

export type BootstrapOptions = {
  /** Names the process in logs. */
  name: string;
  env?: NodeJS.ProcessEnv;
  /** Bring the database up to date first (the server and workers do; the migrate command reports it itself). */
  migrate?: boolean;
  /** Host the embedded mail catcher when SMTP_URL is unset (the web process); others then refuse to start a mailer. */
  hostCatcher?: boolean;
};

/** Reads the configuration, then opens storage, the integration catalog, the logger and (lazily) the mailer. */
export async function bootstrap(options: BootstrapOptions): Promise<Runtime> {
  const config = loadConfig(options.env);
  const catalog = loadCatalog(config.integrationsFile ?? DEFAULT_CATALOG_PATH);
  const log = pino({ level: config.logLevel, name: options.name });
  const storage = openStorage(config.databaseUrl);
  if (options.migrate) await migrateToLatest(storage);

  let catcher: MailCatcher | undefined;
  let mailer: Promise<Mailer> | undefined;
  const openMailer = async (): Promise<Mailer> => {
    let smtpUrl = config.smtpUrl;
    if (!smtpUrl) {
      if (!options.hostCatcher) {
        throw new ConfigError(
          'Invalid configuration: SMTP_URL must be set for a standalone worker (the embedded mail catcher lives in the web process)',
        );
      }
      catcher = await startMailCatcher((mail) => storeCaughtMail(storage.db, mail));
      smtpUrl = catcher.url;
    }
    return createMailer({ smtpUrl, from: config.mailFrom, maxConnections: config.smtpMaxConnections });
  };

  return {
    config,
    storage,
    catalog,
    log,
    mailer: () => (mailer ??= openMailer()),
    catcher: () => catcher,
    async close() {
      if (mailer) (await mailer).close();
      await catcher?.close();
      await storage.close();
    },
  };
}

/** Prints a start-up failure as one line (configuration) or with its stack, and exits 1. */
export function exitOnStartFailure(what: string) {
  return (error: unknown) => {
    process.stderr.write(
      error instanceof ConfigError ? `${error.message}\n` : `${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  };
}
