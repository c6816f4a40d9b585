import { expect } from 'vitest';
import { DEFAULT_CATALOG_PATH, loadCatalog } from '../../src/app/catalog';
import { createAccount } from '../../src/commands/create-account';
import type { Deps } from '../../src/commands/deps';
import { openAccountScope, type AccountScope } from '../../src/commands/open-account-scope';
import { hashPassword } from '../../src/commands/parts/passwords';
import { saveContactInfo } from '../../src/commands/save-contact-info';
import { DomainError, type ErrorCode } from '../../src/domain/errors';
import { SYSTEM, userPrincipal, type Principal } from '../../src/domain/principal';
import type { Permission, Role } from '../../src/domain/roles';
import { listAudit, type AuditEntry } from '../../src/storage/audit-log';
import type { Db, Dialect } from '../../src/storage/db';
import { insertMembership } from '../../src/storage/memberships';
import type { Database } from '../../src/storage/schema';
import { insertUser, type User } from '../../src/storage/users';
import { createTestStorage, type TestStorage } from './storage';

/**
 * Fixtures for calling the use cases of src/commands directly, without HTTP: a migrated
 * database, the real integration catalog, people, accounts, and ways to look at what a
 * command wrote (outbox, audit log, the whole database before and after a refusal).
 */

export const PASSWORD = 'a-long-enough-password';
export const PUBLIC_URL = 'https://portal.test';

export type CommandContext = { deps: Deps; storage: TestStorage; db: Db };

export async function createCommandContext(dialect: Dialect): Promise<CommandContext> {
  const storage = await createTestStorage(dialect);
  const deps: Deps = {
    storage,
    catalog: loadCatalog(DEFAULT_CATALOG_PATH),
    config: { publicUrl: PUBLIC_URL, platformName: undefined },
  };
  return { deps, storage, db: storage.db };
}

let counter = 0;
/** Unique addresses, so tests sharing one database never collide. */
export function uniqueEmail(local: string): string {
  counter += 1;
  return `${local}.${Date.now().toString(36)}${counter}@partner.example`;
}

// Argon2 is slow on purpose: every fixture person shares one hash of PASSWORD.
let passwordHash: Promise<string> | undefined;
const hashedPassword = () => (passwordHash ??= hashPassword(PASSWORD));

export type Person = { user: User; principal: Principal };

/** A user stored directly (with PASSWORD unless `password: null`), and their principal with a session-less CSRF token. */
export async function createPerson(
  db: Db,
  input: { email?: string; name?: string; isOperator?: boolean; locale?: string | null; password?: null } = {},
): Promise<Person> {
  const user = await insertUser(db, {
    email: input.email ?? uniqueEmail(input.isOperator ? 'operator' : 'person'),
    name: input.name ?? 'Some Person',
    passwordHash: input.password === null ? null : await hashedPassword(),
    locale: input.locale ?? null,
    isOperator: input.isOperator,
  });
  return { user, principal: userPrincipal(user) };
}

export type AccountFixture = { id: string; name: string; admin: Person };

/**
 * An account made by Liaison itself (create-account with SYSTEM) whose first admin already had a
 * password, so they are an active admin at once.
 */
export async function createAccountWithAdmin(
  ctx: CommandContext,
  options: { name?: string; integrations?: string[] } = {},
): Promise<AccountFixture> {
  const admin = await createPerson(ctx.db, { name: 'First Admin' });
  const account = await createAccount(ctx.deps, SYSTEM, {
    name: options.name ?? `Partner ${admin.user.email.slice(6, 16)}`,
    integrations: options.integrations ?? ['reservations_e2e'],
    adminEmail: admin.user.email,
    locale: 'en',
  });
  return { id: account.id, name: account.name, admin };
}

/** A new active person with a role in an account (the membership written directly). */
export async function addMember(ctx: CommandContext, accountId: string, role: Role, input: { name?: string; password?: null } = {}): Promise<Person> {
  const person = await createPerson(ctx.db, { email: uniqueEmail(role), name: input.name ?? `A ${role}`, password: input.password });
  await insertMembership(ctx.db, { accountId, userId: person.user.id, role });
  return person;
}

/** The scope a command needs, opened as the HTTP routes do (gate off, as on the exempt routes). */
export function scopeFor(ctx: CommandContext, principal: Principal, accountId: string, permission: Permission): Promise<AccountScope> {
  return openAccountScope(ctx.deps, principal, { accountId, permission, gate: false });
}

/** A complete contact-information document (merchant-issue contacts included unless `merchant: false`). */
export function completeDocument(alertUserIds: string | string[], options: { merchant?: boolean } = {}) {
  return {
    alertContacts: [alertUserIds].flat().map((userId) => ({ userId })),
    technicalEmergencyContacts: [{ email: 'oncall@partner.example', name: 'Pager', phone: '+48 22 123 45 67' }],
    technicalNonEmergencyContacts: [{ email: 'dev@partner.example' }],
    merchantIssueContacts: options.merchant === false ? null : [{ email: 'merchants@partner.example' }],
    operationalContactsForPlatform: [{ email: 'ops@partner.example' }],
    operationalContactForUsers: { email: 'help@brand.example', url: 'https://brand.example/help' },
    operationalSupport: { alwaysOpen: false, windows: [{ timeZone: 'Europe/Warsaw', days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }] },
  };
}

/** Makes an account's contact information complete (saved by Liaison itself, the given members as alert contacts). */
export async function completeContactInfo(ctx: CommandContext, accountId: string, alertUserIds: string | string[], options: { merchant?: boolean } = {}) {
  const scope = await scopeFor(ctx, SYSTEM, accountId, 'contactInfo.write');
  const view = await saveContactInfo(ctx.deps, SYSTEM, { scope, env: 'production', document: completeDocument(alertUserIds, options) });
  expect(view.complete).toBe(true);
  return view;
}

/** Awaits a promise that must be refused with `code`; returns the error for further checks. */
export async function expectRefusal(promise: Promise<unknown>, code: ErrorCode): Promise<DomainError> {
  const outcome = await promise.then(
    (value) => ({ resolved: value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) throw new Error(`expected ${code}, but it resolved to ${JSON.stringify(outcome.resolved)}`);
  expect(outcome.error).toBeInstanceOf(DomainError);
  expect((outcome.error as DomainError).code).toBe(code);
  return outcome.error as DomainError;
}

const TABLES = [
  'users',
  'sessions',
  'sign_in_failures',
  'accounts',
  'account_integrations',
  'memberships',
  'invitations',
  'contact_info',
  'audit_log',
  'deliveries',
] as const satisfies readonly (keyof Database)[];

/** Every row of every table a command may write, in a stable order: equal snapshots mean nothing changed. */
export async function snapshot(db: Db): Promise<Record<string, string[]>> {
  const state: Record<string, string[]> = {};
  for (const table of TABLES) {
    const rows = await db.selectFrom(table).selectAll().execute();
    state[table] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return state;
}

/** Runs a refused command and checks that it wrote nothing at all. */
export async function expectRefusedWithoutChange(db: Db, run: () => Promise<unknown>, code: ErrorCode): Promise<DomainError> {
  const before = await snapshot(db);
  const error = await expectRefusal(run(), code);
  expect(await snapshot(db)).toEqual(before);
  return error;
}

/** The queued emails to one address, oldest first. */
export function deliveriesTo(db: Db, email: string) {
  return db.selectFrom('deliveries').selectAll().where('recipient', '=', email.toLowerCase()).orderBy('id').execute();
}

/** The invitation token in the last email queued to `email`. */
export async function invitationTokenFor(db: Db, email: string): Promise<string> {
  const mail = (await deliveriesTo(db, email)).at(-1);
  const match = mail && new RegExp(`${PUBLIC_URL.replace(/[.]/g, '\\.')}/invite/([A-Za-z0-9_-]+)`).exec(mail.text);
  if (!match) throw new Error(`no invitation link queued for ${email}`);
  return match[1]!;
}

/** The account's audit log, oldest first. */
export async function auditOf(db: Db, accountId: string): Promise<AuditEntry[]> {
  return (await listAudit(db, accountId, { limit: 200 })).items.reverse();
}

/** A person with a live session (as after signing in), and its principal: what profile commands need. */
export async function signedIn(ctx: CommandContext, person: Person, client: { userAgent?: string; address?: string } = {}) {
  const { createSession } = await import('../../src/storage/sessions');
  const { session } = await createSession(ctx.db, person.user.id, client);
  return userPrincipal(person.user, { id: session.id, csrfToken: session.csrfToken });
}
