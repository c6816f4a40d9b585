import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { hashPassword } from '../../src/commands/parts/passwords';
import { startMailCatcher, type CaughtMail, type MailCatcher } from '../../src/mail/catcher';
import { createMailer } from '../../src/mail/mailer';
import type { Dialect } from '../../src/storage/db';
import type { Deps } from '../../src/commands/deps';
import { insertUser, type User } from '../../src/storage/users';
import { buildApp } from '../../src/server/app';
import { DEFAULT_CATALOG_PATH, loadCatalog } from '../../src/app/catalog';
import { bounceRecorder, startDeliveryWorker, type DeliveryWorker } from '../../src/worker/delivery-worker';
import { loadConfig } from '../../src/app/config';
import { createTestStorage, type TestStorage } from './storage';

export type TestApp = {
  app: FastifyInstance;
  /** What commands and workers are given (config, storage, catalog). */
  deps: Deps;
  storage: TestStorage;
  /** Every message the app sent, received over real SMTP. */
  inbox: CaughtMail[];
  catcher: MailCatcher;
  worker: DeliveryWorker;
  /** Runs the outbox until it is empty, then returns every message received so far. */
  deliverMail(): Promise<CaughtMail[]>;
  close(): Promise<void>;
};

/** The whole app on a fresh database, sending mail over real SMTP to an in-process server. */
export async function createTestApp(dialect: Dialect, env: Record<string, string> = {}, options: { refuse?: string[] } = {}): Promise<TestApp> {
  const storage = await createTestStorage(dialect);
  const inbox: CaughtMail[] = [];
  const catcher = await startMailCatcher(
    (mail) => {
      inbox.push(mail);
    },
    { refuse: options.refuse },
  );
  const config = loadConfig({ DATABASE_URL: storage.databaseUrl, SMTP_URL: catcher.url, ...env });
  const mailer = createMailer({ smtpUrl: catcher.url, from: config.mailFrom });
  const catalog = loadCatalog(config.integrationsFile ?? DEFAULT_CATALOG_PATH);
  const worker = startDeliveryWorker({ storage, mailer, log: silentLog, pollMs: 60_000, onBounce: bounceRecorder({ storage, catalog, config }), webhooks: { ...config.webhooks, publicUrl: config.publicUrl } });
  const app = await buildApp({ config, storage, mailboxEnabled: false, catalog }, { logger: false });
  await app.ready();
  return {
    app,
    deps: { storage, catalog, config },
    storage,
    inbox,
    catcher,
    worker,
    async deliverMail() {
      await worker.drain();
      return inbox;
    },
    async close() {
      await app.close();
      await worker.stop();
      mailer.close();
      await catcher.close();
      await storage.destroy();
    },
  };
}

const silentLog = { info() {}, warn() {}, error() {} };

export const PASSWORD = 'a-long-enough-password';

export async function createUser(
  t: TestApp,
  input: { email: string; name?: string; isOperator?: boolean },
): Promise<User> {
  return insertUser(t.storage.db, {
    email: input.email,
    name: input.name ?? input.email.split('@')[0]!,
    passwordHash: await hashPassword(PASSWORD),
    isOperator: input.isOperator,
  });
}

export type Client = {
  cookie: string;
  csrfToken: string;
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
};

/** Signs in through the API and returns a client that sends the cookie and CSRF token like the web app. */
export async function signInAs(t: TestApp, email: string, password = PASSWORD): Promise<Client> {
  const response = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const csrfToken = response.json().csrfToken as string;
  return {
    cookie,
    csrfToken,
    request(method, url, body, headers = {}) {
      return t.app.inject({
        method: method as 'GET',
        url,
        headers: { cookie, 'x-csrf-token': csrfToken, ...headers },
        ...(body === undefined ? {} : { payload: body as object }),
      });
    },
  };
}
