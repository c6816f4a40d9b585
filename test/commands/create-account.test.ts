import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../src/commands/create-account';
import { getInvitation } from '../../src/commands/get-invitation';
import { DomainError } from '../../src/domain/errors';
import { ANONYMOUS, SYSTEM, type Principal } from '../../src/domain/principal';
import { findAccount } from '../../src/storage/accounts';
import { findMember } from '../../src/storage/memberships';
import { findCredentials } from '../../src/storage/users';
import {
  auditOf,
  createAccountWithAdmin,
  createCommandContext,
  createPerson,
  deliveriesTo,
  expectRefusedWithoutChange,
  invitationTokenFor,
  PUBLIC_URL,
  snapshot,
  uniqueEmail,
  type CommandContext,
} from '../support/commands';
import { DIALECTS } from '../support/storage';

describe.each(DIALECTS)('createAccount on %s', (dialect) => {
  let ctx: CommandContext;
  beforeAll(async () => {
    ctx = await createCommandContext(dialect);
  });
  afterAll(() => ctx.storage.destroy());

  const input = (overrides: Partial<Parameters<typeof createAccount>[2]> = {}) => ({
    name: 'Bistro Group',
    integrations: ['reservations_e2e', 'ordering_redirect'],
    adminEmail: uniqueEmail('admin'),
    locale: 'en' as const,
    ...overrides,
  });

  it('creates the account, audits it as Liaison, and queues the invitation of its first admin in one go', async () => {
    const request = input({ adminEmail: uniqueEmail('New.Admin') });
    const account = await createAccount(ctx.deps, SYSTEM, request);
    expect(account).toEqual({
      id: expect.stringMatching(/^a_/),
      name: 'Bistro Group',
      integrations: [
        { type: 'reservations_e2e', status: 'enabled' },
        { type: 'ordering_redirect', status: 'enabled' },
      ],
      contactInfoComplete: false,
      language: 'en',
      missing: [
        'alertContacts',
        'technicalEmergencyContacts',
        'technicalNonEmergencyContacts',
        'merchantIssueContacts',
        'operationalContactsForPlatform',
        'operationalContactForUsers',
        'operationalSupport',
      ],
    });
    expect(await findAccount(ctx.db, account.id)).toMatchObject({ name: 'Bistro Group', contactInfoComplete: false });

    // The admin is a new person: a user without a password, an invited admin membership.
    const email = request.adminEmail.toLowerCase();
    const credentials = await findCredentials(ctx.db, email);
    expect(credentials?.passwordHash).toBeNull();
    expect(await findMember(ctx.db, account.id, credentials!.user.id)).toMatchObject({ role: 'admin', status: 'invited', email });

    const audit = await auditOf(ctx.db, account.id);
    expect(audit.map((e) => e.action)).toEqual(['account.created', 'user.invited']);
    for (const entry of audit) expect(entry.actor).toEqual({ kind: 'system', id: null, name: 'Liaison' });
    expect(audit[0]!.changes).toEqual([
      { field: 'name', before: null, after: 'Bistro Group' },
      { field: 'integrations', before: null, after: request.integrations },
    ]);
    expect(audit[1]!.changes).toEqual([
      { field: 'user', before: null, after: email },
      { field: 'role', before: null, after: 'admin' },
    ]);

    const [mail, ...more] = await deliveriesTo(ctx.db, email);
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ status: 'queued', subject: 'Liaison invited you to Bistro Group on Liaison', notification_id: null });
    expect(mail!.text).toContain(`${PUBLIC_URL}/invite/`);
    // The link in the email is a working invitation to this account.
    const invitation = await getInvitation(ctx.deps, ANONYMOUS, { token: await invitationTokenFor(ctx.db, email) });
    expect(invitation).toMatchObject({ email, accountId: account.id, accountName: 'Bistro Group', existingUser: false });
  });

  it("names the operator in the audit log and the email, and gives an existing person the membership at once", async () => {
    const operator = await createPerson(ctx.db, { isOperator: true, name: 'Olga Operator' });
    const existing = await createPerson(ctx.db, { name: 'Known Person' });
    const account = await createAccount(ctx.deps, operator.principal, input({ name: 'Known Co', integrations: ['ordering_redirect'], adminEmail: existing.user.email.toUpperCase() }));
    // No merchant-issue field for this integration.
    expect(account.missing).not.toContain('merchantIssueContacts');
    expect(await findMember(ctx.db, account.id, existing.user.id)).toMatchObject({ role: 'admin', status: 'active' });
    const audit = await auditOf(ctx.db, account.id);
    expect(audit.map((e) => e.action)).toEqual(['account.created', 'user.added']);
    for (const entry of audit) expect(entry.actor).toEqual({ kind: 'user', id: operator.user.id, name: 'Olga Operator' });
    const mails = await deliveriesTo(ctx.db, existing.user.email);
    expect(mails.map((m) => m.subject)).toEqual(['You now have access to Known Co on Liaison']);
    expect(mails[0]!.text).toContain(`${PUBLIC_URL}/accounts/${account.id}`);
    expect(mails[0]!.text).toContain('Olga Operator');
    expect(await ctx.db.selectFrom('invitations').selectAll().where('account_id', '=', account.id).execute()).toEqual([]);
  });

  it('writes the invitation in the requested language', async () => {
    const adminEmail = uniqueEmail('polish');
    await createAccount(ctx.deps, SYSTEM, input({ name: 'Pierogi', adminEmail, locale: 'pl' }));
    const [mail] = await deliveriesTo(ctx.db, adminEmail);
    expect(mail!.subject).toBe('Liaison zaprasza Cię do konta Pierogi w Liaison');
  });

  it('is not found for partner users, service tokens and anonymous callers, and creates nothing', async () => {
    const partner = await createAccountWithAdmin(ctx);
    const callers: Principal[] = [partner.admin.principal, { kind: 'service', token: { id: 't_1', name: 'Monitoring', accountId: null } }, ANONYMOUS];
    for (const principal of callers) {
      const adminEmail = uniqueEmail('refused');
      await expectRefusedWithoutChange(ctx.db, () => createAccount(ctx.deps, principal, input({ adminEmail })), 'not_found');
      expect(await deliveriesTo(ctx.db, adminEmail)).toEqual([]);
    }
  });

  it('refuses unknown and repeated integration types with every problem in the details, creating nothing', async () => {
    const adminEmail = uniqueEmail('invalid');
    const error = await expectRefusedWithoutChange(
      ctx.db,
      () => createAccount(ctx.deps, SYSTEM, input({ adminEmail, integrations: ['reservations_e2e', 'teleportation', 'reservations_e2e', 'Ordering_E2E'] })),
      'validation_failed',
    );
    expect(error.details).toEqual([
      { path: 'integrations.1', code: 'unknown_integration_type' },
      { path: 'integrations.3', code: 'unknown_integration_type' },
      { path: 'integrations.2', code: 'duplicate' },
    ]);
    expect(await findCredentials(ctx.db, adminEmail)).toBeUndefined();
  });

  it('answers an empty list of integrations with an account or a validation_failed, never a database error', async () => {
    // The HTTP contract asks for at least one; the command is also called without HTTP (CLI, router).
    const adminEmail = uniqueEmail('empty');
    const before = await snapshot(ctx.db);
    const outcome = await createAccount(ctx.deps, SYSTEM, input({ adminEmail, integrations: [] })).then(
      (account) => ({ account }),
      (error: unknown) => ({ error }),
    );
    if ('account' in outcome) {
      expect(outcome.account.integrations).toEqual([]);
    } else {
      expect(outcome.error).toBeInstanceOf(DomainError);
      expect((outcome.error as DomainError).code).toBe('validation_failed');
      expect(await snapshot(ctx.db)).toEqual(before);
    }
  });
});
