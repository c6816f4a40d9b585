import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAccountScope } from '../../src/commands/open-account-scope';
import { ANONYMOUS, SYSTEM, type Principal } from '../../src/domain/principal';
import type { Permission } from '../../src/domain/roles';
import {
  addMember,
  completeContactInfo,
  createAccountWithAdmin,
  createCommandContext,
  createPerson,
  expectRefusal,
  type AccountFixture,
  type CommandContext,
  type Person,
} from '../support/commands';
import { DIALECTS } from '../support/storage';

describe.each(DIALECTS)('openAccountScope on %s', (dialect) => {
  let ctx: CommandContext;
  /** Contact information complete: no gate. */
  let open: AccountFixture;
  /** Contact information still incomplete: partner users are gated. */
  let incomplete: AccountFixture;
  let editor: Person;
  let viewer: Person;
  let incompleteViewer: Person;
  let operator: Person;
  const service = (accountId: string | null): Principal => ({ kind: 'service', token: { id: 't_1', name: 'Monitoring', accountId } });

  beforeAll(async () => {
    ctx = await createCommandContext(dialect);
    open = await createAccountWithAdmin(ctx, { name: 'Open Partner' });
    editor = await addMember(ctx, open.id, 'editor');
    viewer = await addMember(ctx, open.id, 'viewer');
    await completeContactInfo(ctx, open.id, open.admin.user.id);
    incomplete = await createAccountWithAdmin(ctx, { name: 'Incomplete Partner' });
    incompleteViewer = await addMember(ctx, incomplete.id, 'viewer');
    operator = await createPerson(ctx.db, { isOperator: true, name: 'Olga Operator' });
  });
  afterAll(() => ctx.storage.destroy());

  const scope = (principal: Principal, accountId: string, permission: Permission, gate?: boolean) =>
    openAccountScope(ctx.deps, principal, { accountId, permission, ...(gate === undefined ? {} : { gate }) });

  it('lets an operator with no membership do anything, on any account, without a role', async () => {
    for (const permission of ['account.read', 'users.manage', 'contactInfo.write', 'notifications.send', 'integrations.manage'] as const) {
      const result = await scope(operator.principal, incomplete.id, permission);
      expect(result.role).toBeNull();
      expect(result.account).toEqual({
        id: incomplete.id,
        name: 'Incomplete Partner',
        integrations: [{ type: 'reservations_e2e', status: 'enabled' }],
        contactInfoComplete: false,
        language: 'en',
      });
    }
  });

  it.each([
    ['admin', 'users.manage', 'allow'],
    ['admin', 'contactInfo.write', 'allow'],
    ['admin', 'notifications.send', 'forbidden'],
    ['admin', 'integrations.manage', 'forbidden'],
    ['editor', 'contactInfo.write', 'allow'],
    ['editor', 'users.read', 'allow'],
    ['editor', 'users.manage', 'forbidden'],
    ['viewer', 'contactInfo.read', 'allow'],
    ['viewer', 'auditLog.read', 'allow'],
    ['viewer', 'contactInfo.write', 'forbidden'],
    ['viewer', 'users.manage', 'forbidden'],
  ] as const)('gives a member with role %s and permission %s: %s', async (role, permission, expected) => {
    const person = { admin: open.admin, editor, viewer }[role];
    if (expected === 'allow') {
      const result = await scope(person.principal, open.id, permission);
      expect(result.role).toBe(role);
      expect(result.account.id).toBe(open.id);
      expect(result.account.contactInfoComplete).toBe(true);
    } else {
      await expectRefusal(scope(person.principal, open.id, permission), 'forbidden');
    }
  });

  it('tells an outsider nothing: another account is not found, whatever the permission', async () => {
    for (const permission of ['account.read', 'users.manage'] as const) {
      await expectRefusal(scope(incomplete.admin.principal, open.id, permission), 'not_found');
      await expectRefusal(scope(incompleteViewer.principal, open.id, permission), 'not_found');
    }
    // A partner user with no membership at all, too.
    const loner = await createPerson(ctx.db);
    await expectRefusal(scope(loner.principal, open.id, 'account.read'), 'not_found');
  });

  it('answers not_found for malformed and unknown ids, even to operators and to Liaison itself', async () => {
    for (const accountId of ['', 'a b', '../../etc/passwd', 'a_%00', 'x'.repeat(65), "a_1' or '1'='1"]) {
      await expectRefusal(scope(operator.principal, accountId, 'account.read'), 'not_found');
    }
    for (const principal of [operator.principal, SYSTEM, open.admin.principal]) {
      await expectRefusal(scope(principal, 'a_doesnotexist', 'account.read'), 'not_found');
    }
    // The longest well-formed id is looked up, and simply not found.
    await expectRefusal(scope(SYSTEM, 'x'.repeat(64), 'account.read'), 'not_found');
  });

  it('gates partner users of an incomplete account, unless the route says gate: false', async () => {
    for (const person of [incomplete.admin, incompleteViewer]) {
      await expectRefusal(scope(person.principal, incomplete.id, 'account.read'), 'contact_info_required');
      await expectRefusal(scope(person.principal, incomplete.id, 'auditLog.read', true), 'contact_info_required');
      const ungated = await scope(person.principal, incomplete.id, 'account.read', false);
      expect(ungated.account.contactInfoComplete).toBe(false);
    }
    expect((await scope(incomplete.admin.principal, incomplete.id, 'users.manage', false)).role).toBe('admin');
    expect((await scope(incompleteViewer.principal, incomplete.id, 'contactInfo.read', false)).role).toBe('viewer');
    // A complete account is not gated.
    expect((await scope(viewer.principal, open.id, 'auditLog.read', true)).role).toBe('viewer');
  });

  it('decides permission before the gate: a viewer is forbidden, an outsider not found, not gated', async () => {
    await expectRefusal(scope(incompleteViewer.principal, incomplete.id, 'contactInfo.write'), 'forbidden');
    await expectRefusal(scope(viewer.principal, incomplete.id, 'account.read'), 'not_found');
  });

  it('never gates operators, service tokens or Liaison itself', async () => {
    expect((await scope(operator.principal, incomplete.id, 'auditLog.read', true)).role).toBeNull();
    expect((await scope(service(null), incomplete.id, 'notifications.send', true)).role).toBeNull();
    expect((await scope(service(incomplete.id), incomplete.id, 'notifications.send', true)).account.id).toBe(incomplete.id);
    expect((await scope(SYSTEM, incomplete.id, 'users.manage', true)).role).toBeNull();
  });

  it('lets a service token raise notifications and nothing else; one bound to another account finds nothing', async () => {
    expect((await scope(service(null), open.id, 'notifications.send')).account.id).toBe(open.id);
    expect((await scope(service(open.id), open.id, 'notifications.send')).account.id).toBe(open.id);
    await expectRefusal(scope(service(incomplete.id), open.id, 'notifications.send'), 'not_found');
    for (const permission of ['account.read', 'contactInfo.read', 'users.manage', 'integrations.manage'] as const) {
      await expectRefusal(scope(service(null), open.id, permission), 'not_found');
    }
  });

  it('lets Liaison itself (the system principal) do anything', async () => {
    for (const permission of ['users.manage', 'contactInfo.write', 'integrations.manage', 'notifications.send'] as const) {
      const result = await scope(SYSTEM, open.id, permission);
      expect(result).toMatchObject({ role: null, account: { id: open.id, name: 'Open Partner', contactInfoComplete: true } });
    }
  });

  it('finds nothing for an anonymous caller', async () => {
    await expectRefusal(scope(ANONYMOUS, open.id, 'account.read'), 'not_found');
    await expectRefusal(scope(ANONYMOUS, open.id, 'contactInfo.read', false), 'not_found');
  });
});
