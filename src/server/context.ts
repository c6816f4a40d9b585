import type { IntegrationCatalog } from '../domain/integrations';
import type { Mailer } from '../mail/mailer';
import type { Storage } from '../storage/db';
import type { Config } from './config';

/** Everything the routes need, built once by main.ts (or by a test). */
export type AppContext = {
  config: Config;
  storage: Storage;
  mailer: Mailer;
  /** True when mail goes to the embedded catcher (the operators' Mailbox page is then useful). */
  mailboxEnabled: boolean;
  catalog: IntegrationCatalog;
  /** Called after a transaction queued mail, so the embedded worker sends it without waiting for its next poll. */
  wakeWorker(): void;
};
