import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Command, CommanderError, Option } from 'commander';
import { bootstrap, type Runtime } from '../app/bootstrap';
import { ConfigError } from '../app/config';
import { createBroadcast, processBroadcast } from '../commands/broadcast';
import { createAccount } from '../commands/create-account';
import { createOperator } from '../commands/create-operator';
import { createServiceToken } from '../commands/create-service-token';
import { exportAccountsCsv } from '../commands/export-accounts';
import { listAccounts } from '../commands/list-accounts';
import { listServiceTokens } from '../commands/list-service-tokens';
import { openAccountScope } from '../commands/open-account-scope';
import { raiseNotification } from '../commands/raise-notification';
import { revokeServiceToken } from '../commands/revoke-service-token';
import { createAccountBody, userEmail, displayName } from '../contract/accounts';
import { createServiceTokenBody, raiseNotificationBody } from '../contract/notifications';
import { createBroadcastBody } from '../contract/operator';
import { findBroadcast, type Broadcast } from '../storage/broadcasts';
import { DomainError } from '../domain/errors';
import { isSupportedLocale, DEFAULT_LOCALE, type Locale } from '../domain/locales';
import { SYSTEM } from '../domain/principal';
import { CATEGORIES, ENVIRONMENTS } from '../domain/routing';
import { translator } from '../i18n';
import { detailMessages, errorMessages } from '../i18n/messages';
import { parseOrThrow } from '../server/validation';
import { migrateToLatest } from '../storage/migrations';
import { cliMessages } from './messages';
import { runWorker } from './run-worker';

/** Exit codes: 0 done, 1 refused (a domain error, bad configuration, a failure), 2 wrong usage. */
const EXIT = { ok: 0, refused: 1, usage: 2 } as const;

/** The user's language from LC_ALL, LC_MESSAGES or LANG (`he_IL.UTF-8` → he); English otherwise. */
export function cliLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  const tag = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value && value !== 'C' && value !== 'POSIX');
  const primary = tag?.split(/[_.@-]/)[0]?.toLowerCase();
  return isSupportedLocale(primary) ? primary : DEFAULT_LOCALE;
}

const locale = cliLocale();
const t = translator(locale);
const out = (line: string): void => void process.stdout.write(`${line}\n`);
const json = (value: unknown): void => void out(JSON.stringify(value, null, 2));

/** A domain error as one line in the user's language, its details after it. */
function describe(error: DomainError): string {
  const message = t(errorMessages[error.code], error.params);
  if (error.details.length === 0) return message;
  return `${message} ${error.details.map((d) => `${d.path}: ${t(detailMessages[d.code], d.params)}`).join('; ')}`;
}

let runtime: Runtime | undefined;
async function open(migrate = true): Promise<Runtime> {
  runtime ??= await bootstrap({ name: 'cli', migrate });
  return runtime;
}

type Global = { json?: boolean };

const program = new Command('liaison')
  .description('Liaison from the command line: accounts, operators, service tokens, notifications, exports.')
  .option('--json', 'print results as JSON, for scripts')
  .showHelpAfterError(false)
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(text.split('\n')[0] + '\n') });

const globals = (command: Command) => command.optsWithGlobals<Global>();

const operator = program.command('operator').description('Operators: platform staff who see every account');
operator
  .command('create')
  .description('create an operator; without --password one is generated and printed once')
  .argument('<email>', 'sign-in email')
  .option('--name <name>', 'display name', 'Operator')
  .option('--password <password>', 'at least 12 characters (or set LIAISON_NEW_PASSWORD)')
  .action(async (email: string, options: { name: string; password?: string }, command: Command) => {
    const { storage } = await open();
    const input = parseOrThrow(
      userEmail,
      email,
      ['email'],
    );
    const name = parseOrThrow(displayName, options.name, ['name']);
    const created = await createOperator({ storage }, SYSTEM, { email: input, name, password: options.password ?? process.env.LIAISON_NEW_PASSWORD });
    if (globals(command).json) return json({ id: created.user.id, email: created.user.email, name: created.user.name, ...(created.generated ? { password: created.password } : {}) });
    out(t(cliMessages.operatorCreated, { email: created.user.email }));
    if (created.generated) out(t(cliMessages.generatedPassword, { password: created.password }));
  });

const accounts = program.command('accounts').description('Partner accounts');
accounts
  .command('create')
  .description('create a partner account and invite its first admin by email')
  .argument('<name>', "the partner's name")
  .requiredOption('--integration <type...>', 'integration type(s) from the catalog')
  .requiredOption('--admin <email>', 'the first admin, invited by email')
  .addOption(new Option('--locale <locale>', 'language of the invitation').choices(['en', 'he', 'pl']))
  .action(async (name: string, options: { integration: string[]; admin: string; locale?: Locale }, command: Command) => {
    const rt = await open();
    const body = parseOrThrow(createAccountBody, { name, integrations: options.integration, adminEmail: options.admin, ...(options.locale ? { locale: options.locale } : {}) });
    const account = await createAccount(rt, SYSTEM, { ...body, locale: body.locale ?? locale });
    if (globals(command).json) return json(account);
    out(t(cliMessages.accountCreated, { name: account.name, id: account.id, email: body.adminEmail }));
  });
accounts
  .command('list')
  .description('list accounts by name, a page at a time')
  .option('--incomplete', 'only accounts whose contact information is incomplete')
  .option('--complete', 'only accounts whose contact information is complete')
  .option('--limit <n>', 'accounts per page (1-500)', '50')
  .option('--cursor <cursor>', 'continue after a previous page')
  .option('--all', 'every page')
  .action(async (options: { incomplete?: boolean; complete?: boolean; limit: string; cursor?: string; all?: boolean }, command: Command) => {
    const limit = Number(options.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new DomainError('validation_failed', [{ path: 'limit', code: 'invalid_value' }]);
    if (options.incomplete && options.complete) throw new DomainError('validation_failed', [{ path: 'complete', code: 'invalid_value' }]);
    const rt = await open();
    const complete = options.incomplete ? false : options.complete ? true : undefined;
    const asJson = globals(command).json;
    let cursor = options.cursor;
    const all = [];
    for (;;) {
      const page = await listAccounts(rt, SYSTEM, { limit, ...(cursor ? { cursor } : {}), ...(complete === undefined ? {} : { complete }) });
      if (asJson) all.push(...page.items);
      else for (const a of page.items) out([a.id, a.name, a.contactInfoComplete ? 'complete' : 'incomplete', a.integrations.map((i) => `${i.type}:${i.status}`).join(' ')].join('\t'));
      cursor = page.nextCursor ?? undefined;
      if (!options.all || !cursor) break;
    }
    if (asJson) return json({ items: all, nextCursor: cursor ?? null });
    if (cursor) process.stderr.write(`${t(cliMessages.nextPage, { cursor })}\n`);
  });

const tokens = program.command('tokens').description('Service tokens of platform systems (they raise notifications)');
tokens
  .command('create')
  .description('create a service token; the token is printed this once')
  .argument('<name>', 'the system that will use it')
  .option('--account <accountId>', 'limit it to one account')
  .action(async (name: string, options: { account?: string }, command: Command) => {
    const rt = await open();
    const body = parseOrThrow(createServiceTokenBody, { name, ...(options.account ? { accountId: options.account } : {}) });
    const created = await createServiceToken(rt, SYSTEM, body);
    if (globals(command).json) return json(created);
    out(t(cliMessages.tokenCreated, { name: created.name, id: created.id, token: created.token }));
  });
tokens
  .command('list')
  .description('every service token with its last use')
  .action(async (_options: unknown, command: Command) => {
    const list = await listServiceTokens(await open(), SYSTEM);
    if (globals(command).json) return json({ items: list });
    for (const token of list) out([token.id, token.name, token.accountId ?? '*', token.lastUsedAt ?? '-', token.revokedAt ? `revoked ${token.revokedAt}` : 'active'].join('\t'));
  });
tokens
  .command('revoke')
  .description('revoke a service token at once')
  .argument('<id>', 'the token id (from tokens list)')
  .action(async (id: string, _options: unknown, command: Command) => {
    await revokeServiceToken(await open(), SYSTEM, { id });
    if (globals(command).json) return json({ id, revoked: true });
    out(t(cliMessages.tokenRevoked, { id }));
  });

program
  .command('notify')
  .description("raise a notification for one account: it goes to the category's contacts")
  .argument('<account>', 'account id')
  .addOption(new Option('--category <category>', 'where it goes').choices(CATEGORIES).makeOptionMandatory())
  .addOption(new Option('--env <env>', 'environment').choices(ENVIRONMENTS).default('production'))
  .requiredOption('--title <title>', 'plain-text title')
  .option('--body <body>', 'plain-text body', '')
  .option('--dedup-key <key>', 'a repeat within 4 hours is counted, not sent again')
  .action(async (accountId: string, options: { category: string; env: string; title: string; body: string; dedupKey?: string }, command: Command) => {
    const rt = await open();
    const body = parseOrThrow(raiseNotificationBody, { category: options.category, env: options.env, title: options.title, body: options.body, ...(options.dedupKey ? { dedupKey: options.dedupKey } : {}) });
    const scope = await openAccountScope(rt, SYSTEM, { accountId, permission: 'notifications.send' });
    const accepted = await raiseNotification(rt, SYSTEM, { scope, ...body });
    if (globals(command).json) return json(accepted);
    out(accepted.deduplicated ? t(cliMessages.notificationDeduplicated, { id: accepted.id }) : t(cliMessages.notificationAccepted, { id: accepted.id, count: accepted.recipients.length }));
    for (const r of accepted.recipients) out(`  ${r.email}\t${r.field}`);
  });

program
  .command('broadcast')
  .description("one notification to a category's contacts of every account (or those with an integration type), fanned out in batches")
  .addOption(new Option('--category <category>', 'where it goes').choices(CATEGORIES).makeOptionMandatory())
  .addOption(new Option('--env <env>', 'environment').choices(ENVIRONMENTS).default('production'))
  .requiredOption('--title <title>', 'plain-text title')
  .option('--body <body>', 'plain-text body', '')
  .option('--integration <type>', 'only accounts with this integration type')
  .option('--no-wait', 'only accept the job: workers (or the server) fan it out')
  .action(async (options: { category: string; env: string; title: string; body: string; integration?: string; wait: boolean }, command: Command) => {
    const rt = await open();
    const body = parseOrThrow(createBroadcastBody, { category: options.category, env: options.env, title: options.title, body: options.body, ...(options.integration ? { integrationType: options.integration } : {}) });
    const accepted = await createBroadcast(rt, SYSTEM, body);
    const asJson = globals(command).json;
    let latest: Broadcast = accepted;
    if (options.wait) {
      const tty = process.stderr.isTTY && !asJson;
      const show = (b: Broadcast) => {
        const line = t(cliMessages.broadcastProgress, { done: b.accountsDone, total: b.accountsTotal, queued: b.deliveriesQueued });
        if (tty) {
          const width = 30;
          const filled = b.accountsTotal === 0 ? width : Math.round((b.accountsDone / b.accountsTotal) * width);
          process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${line}`);
        } else if (!asJson) process.stderr.write(`${line}\n`);
      };
      show(accepted);
      // Fan it out here; if another process holds it, wait for it to finish.
      while (latest.status !== 'done') {
        const worked = await processBroadcast(rt, { id: accepted.id, leaseMs: rt.config.leaseMs, onProgress: (b) => { latest = b; show(b); } });
        if (!worked) {
          await new Promise((resolve) => setTimeout(resolve, 1000));
          latest = (await findBroadcast(rt.storage.db, accepted.id)) ?? latest;
          show(latest);
        }
      }
      if (tty) process.stderr.write('\n');
    }
    if (asJson) return json(latest);
    out(t(cliMessages.broadcastAccepted, { id: latest.id, total: latest.accountsTotal, skipped: latest.accountsSkipped, queued: latest.deliveriesQueued }));
  });

program
  .command('export')
  .description('export data; `export accounts.csv` writes every account with its contact information')
  .argument('<what>', 'accounts.csv')
  .option('-o, --output <file>', 'write to this file instead of standard output')
  .action(async (what: string, options: { output?: string }, command: Command) => {
    if (what !== 'accounts.csv') throw new CommanderError(EXIT.usage, 'liaison.usage', `error: unknown export '${what}' (try accounts.csv)`);
    const rt = await open();
    const target = options.output ? createWriteStream(options.output) : process.stdout;
    let count = -1;
    for await (const chunk of exportAccountsCsv(rt, SYSTEM)) {
      count += (chunk.match(/\r\n/g) ?? []).length;
      if (!target.write(chunk)) await once(target, 'drain');
    }
    if (options.output) {
      target.end();
      await once(target, 'finish');
      if (globals(command).json) return json({ file: options.output, accounts: count });
      process.stderr.write(`${t(cliMessages.exported, { count, file: options.output })}\n`);
    }
  });

program
  .command('migrate')
  .description('bring the database up to date (the server also does this at start)')
  .action(async (_options: unknown, command: Command) => {
    const rt = await open(false);
    const { results = [] } = await migrateToLatest(rt.storage);
    if (globals(command).json) return json({ applied: results.map((r) => ({ name: r.migrationName, status: r.status })) });
    for (const result of results) out(`${result.status}: ${result.migrationName}`);
    out(t(cliMessages.migrated, { count: results.length }));
  });

program
  .command('worker')
  .description('run a delivery worker until SIGTERM/SIGINT (SMTP_URL must be set)')
  .action(async () => {
    const rt = await open();
    runtime = undefined; // the worker closes it when stopped
    await runWorker(rt);
    await new Promise(() => {});
  });

async function main(argv: string[]): Promise<number> {
  try {
    await program.parseAsync(argv);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) return EXIT.ok;
      if (error.code === 'liaison.usage') process.stderr.write(`${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof DomainError) {
      process.stderr.write(`${t(cliMessages.error, { message: describe(error) })}\n`);
      return EXIT.refused;
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return EXIT.refused;
    }
    process.stderr.write(`${t(cliMessages.error, { message: error instanceof Error ? error.message : String(error) })}\n`);
    return EXIT.refused;
  } finally {
    await runtime?.close();
  }
}

process.exitCode = await main(process.argv);
