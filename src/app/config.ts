import { z } from 'zod';

/** The environment variables of the API contract, checked once at start. */
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

const portMessage = 'must be a port number from 0 to 65535';

const configSchema = z.object({
  PORT: z.coerce
    .number({ error: portMessage })
    .int({ error: portMessage })
    .min(0, { error: portMessage })
    .max(65535, { error: portMessage })
    .default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .default('sqlite:./data/liaison.db')
    .refine(
      (value) => /^sqlite:.+/.test(value) || /^postgres(ql)?:\/\//.test(value),
      'must be sqlite:<path> or postgres://…',
    ),
  SMTP_URL: z
    .string()
    .refine((value) => /^smtps?:\/\/[^/]+/.test(value), 'must be smtp://… or smtps://…')
    .optional(),
  SMTP_MAX_CONNECTIONS: z.coerce
    .number({ error: 'must be a whole number from 1 to 50' })
    .int({ error: 'must be a whole number from 1 to 50' })
    .min(1, { error: 'must be a whole number from 1 to 50' })
    .max(50, { error: 'must be a whole number from 1 to 50' })
    .default(4),
  LIAISON_LEASE_SECONDS: z.coerce
    .number({ error: 'must be a number of seconds from 1 to 600' })
    .min(1, { error: 'must be a number of seconds from 1 to 600' })
    .max(600, { error: 'must be a number of seconds from 1 to 600' })
    .default(30),
  LIAISON_GIVE_UP_HOURS: z.coerce
    .number({ error: 'must be a number of hours from 1 to 720' })
    .min(1, { error: 'must be a number of hours from 1 to 720' })
    .max(720, { error: 'must be a number of hours from 1 to 720' })
    .default(24),
  LIAISON_ESCALATE_AFTER_MINUTES: z.coerce
    .number({ error: 'must be a number of minutes from 1 to 1440' })
    .min(1, { error: 'must be a number of minutes from 1 to 1440' })
    .max(1440, { error: 'must be a number of minutes from 1 to 1440' })
    .default(15),
  LIAISON_ESCALATE_OPERATORS_AFTER_MINUTES: z.coerce
    .number({ error: 'must be a number of minutes from 1 to 1440' })
    .min(1, { error: 'must be a number of minutes from 1 to 1440' })
    .max(1440, { error: 'must be a number of minutes from 1 to 1440' })
    .default(15),
  LIAISON_CONTACT_REVIEW_MONTHS: z.coerce
    .number({ error: 'must be a whole number of months from 1 to 60' })
    .int({ error: 'must be a whole number of months from 1 to 60' })
    .min(1, { error: 'must be a whole number of months from 1 to 60' })
    .max(60, { error: 'must be a whole number of months from 1 to 60' })
    .default(12),
  MAIL_FROM: z.string().min(3, 'must be an address such as "Liaison <no-reply@example.com>"').default('Liaison <no-reply@localhost>'),
  // Unset: http://localhost:<PORT> (http://localhost:3000 with the default port).
  PUBLIC_URL: httpUrl.transform((value) => value.replace(/\/+$/, '')).optional(),
  LIAISON_ADMIN_EMAIL: z.email('must be an email address').optional(),
  LIAISON_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  // Unset: "the platform", in each reader's language (the web's catalogs).
  PLATFORM_NAME: z.string().min(1).max(100).optional(),
  SUPPORT_URL: z
    .string()
    .refine((value) => /^(https?:\/\/|mailto:)/.test(value), 'must be an http(s) URL or a mailto: link')
    .optional(),
  // The address partners write to for help: the help page offers it as a mailto: link.
  SUPPORT_EMAIL: z.email('must be an email address').optional(),
  // Webhooks to loopback/private addresses and over plain http: development and tests only.
  WEBHOOK_ALLOW_PRIVATE: z.enum(['0', '1', 'true', 'false'], 'must be 1 or 0').default('0'),
  WEBHOOK_TIMEOUT_SECONDS: z.coerce
    .number({ error: 'must be a number of seconds from 1 to 60' })
    .min(1, { error: 'must be a number of seconds from 1 to 60' })
    .max(60, { error: 'must be a number of seconds from 1 to 60' })
    .default(10),
  WEBHOOK_DISABLE_AFTER_HOURS: z.coerce
    .number({ error: 'must be a number of hours from 1 to 720' })
    .min(1, { error: 'must be a number of hours from 1 to 720' })
    .max(720, { error: 'must be a number of hours from 1 to 720' })
    .default(72),
  LIAISON_WORKER: z.enum(['embedded', 'off'], 'must be "embedded" or "off"').default('embedded'),
  LIAISON_INTEGRATIONS_FILE: z.string().min(1).optional(),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'must be one of fatal, error, warn, info, debug, trace, silent')
    .default('info'),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string;
  smtpUrl: string | undefined;
  /** SMTP connections each delivery worker keeps open and reuses. */
  smtpMaxConnections: number;
  /** How long a worker's claim on a delivery lasts unless renewed: a dead worker's deliveries move on after it. */
  leaseMs: number;
  /** After this long a delivery still not sent is failed (and shows as such to operators). */
  giveUpAfterMs: number;
  /** An emergency not acknowledged this long after it was raised is re-sent to its contacts and the account's admins. */
  escalateAfterMs: number;
  /** Still not acknowledged this long after that re-send: operators are alerted. */
  escalateOperatorsAfterMs: number;
  /** Admins are asked to confirm the whole contact information this long after it was last confirmed (12 months unless set). */
  contactReviewIntervalMs: number;
  mailFrom: string;
  publicUrl: string;
  secureCookies: boolean;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  platformName: string | undefined;
  supportUrl: string | undefined;
  /** Partner support's address, offered on the help page. */
  supportEmail: string | undefined;
  worker: 'embedded' | 'off';
  /** Webhook destinations: private addresses (and http) allowed, one attempt's bound, the failure period before disabling. */
  webhooks: { allowPrivate: boolean; timeoutMs: number; disableAfterMs: number };
  logLevel: string;
  /** The integration catalog; unset: config/integration-types.json. */
  integrationsFile: string | undefined;
};

export class ConfigError extends Error {}

/** Reads the configuration; a bad value throws a ConfigError whose message is one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "unset", as in most shells' `VAR= cmd`.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    throw new ConfigError(`Invalid configuration: ${name} ${issue.message} (got ${JSON.stringify(env[name] ?? '')})`);
  }
  const c = parsed.data;
  if (Boolean(c.LIAISON_ADMIN_EMAIL) !== Boolean(c.LIAISON_ADMIN_PASSWORD)) {
    const missing = c.LIAISON_ADMIN_EMAIL ? 'LIAISON_ADMIN_PASSWORD' : 'LIAISON_ADMIN_EMAIL';
    throw new ConfigError(`Invalid configuration: ${missing} must be set together with the other LIAISON_ADMIN_* variable`);
  }
  return {
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    smtpUrl: c.SMTP_URL,
    smtpMaxConnections: c.SMTP_MAX_CONNECTIONS,
    leaseMs: c.LIAISON_LEASE_SECONDS * 1000,
    giveUpAfterMs: c.LIAISON_GIVE_UP_HOURS * 60 * 60 * 1000,
    escalateAfterMs: c.LIAISON_ESCALATE_AFTER_MINUTES * 60_000,
    escalateOperatorsAfterMs: c.LIAISON_ESCALATE_OPERATORS_AFTER_MINUTES * 60_000,
    // A month is a twelfth of 365 days: the review falls on the same date every 12 months.
    contactReviewIntervalMs: Math.round((c.LIAISON_CONTACT_REVIEW_MONTHS * 365 * 24 * 60 * 60 * 1000) / 12),
    mailFrom: c.MAIL_FROM,
    publicUrl: c.PUBLIC_URL ?? `http://localhost:${c.PORT}`,
    secureCookies: c.PUBLIC_URL?.startsWith('https://') ?? false,
    adminEmail: c.LIAISON_ADMIN_EMAIL?.toLowerCase(),
    adminPassword: c.LIAISON_ADMIN_PASSWORD,
    platformName: c.PLATFORM_NAME,
    supportUrl: c.SUPPORT_URL,
    supportEmail: c.SUPPORT_EMAIL,
    worker: c.LIAISON_WORKER,
    webhooks: {
      allowPrivate: c.WEBHOOK_ALLOW_PRIVATE === '1' || c.WEBHOOK_ALLOW_PRIVATE === 'true',
      timeoutMs: c.WEBHOOK_TIMEOUT_SECONDS * 1000,
      disableAfterMs: c.WEBHOOK_DISABLE_AFTER_HOURS * 60 * 60 * 1000,
    },
    logLevel: c.LOG_LEVEL,
    integrationsFile: c.LIAISON_INTEGRATIONS_FILE,
  };
}
