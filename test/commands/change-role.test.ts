import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeRole } from '../../src/commands/change-role';
import { SYSTEM, type Principal } from '../../src/domain/principal';
import type { Role } from '../../src/domain/roles';
import { findRole } from '../../src/storage/memberships';
import {
  addMember,
  auditOf,
  createAccountWithAdmin,
  createCommandContext,
  createPerson,
  expectRefusedWithoutChange,
  scopeFor,
  type CommandContext,
} from '../support/commands';
import { DIALECTS } from '../support/storage';

describe.each(DIALECTS)('changeRole on %s', (dialect) => {
  let ctx: CommandContext;
  beforeAll(async () => {
    ctx = await createCommandContext(dialect);
  });
  afterAll(() => ctx.storage.destroy());

  const change = async (principal: Principal, accountId: string, userId: string, role: Role) =>
    changeRole(ctx.deps, principal, { scope: await scopeFor(ctx, principal, accountId, 'users.manage'), userId, role });

  it("changes a member's role and audits who did it, from what to what", async () => {
    const account = await createAccountWithAdmin(ctx);
    const viewer = await addMember(ctx, account.id, 'viewer', { name: 'Vera' });
    const changed = await change(account.admin.principal, account.id, viewer.user.id, 'editor');
    expect(changed).toEqual({ userId: viewer.user.id, email: viewer.user.email, name: 'Vera', role: 'editor', status: 'active' });
    expect(await findRole(ctx.db, account.id, viewer.user.id)).toBe('editor');
    expect((await auditOf(ctx.db, account.id)).at(-1)).toMatchObject({
      actor: { kind: 'user', id: account.admin.user.id, name: 'First Admin' },
      action: 'user.role_changed',
      changes: [
        { field: 'user', before: viewer.user.email, after: viewer.user.email },
        { field: 'role', before: 'viewer', after: 'editor' },
      ],
    });
  });

  it('audits Liaison itself as the actor when it changes a role', async () => {
    const account = await createAccountWithAdmin(ctx);
    const editor = await addMember(ctx, account.id, 'editor');
    await change(SYSTEM, account.id, editor.user.id, 'admin');
    expect((await auditOf(ctx.db, account.id)).at(-1)).toMatchObject({ actor: { kind: 'system', id: null, name: 'Liaison' }, action: 'user.role_changed' });
  });

  it('writes nothing when the role stays the same', async () => {
    const account = await createAccountWithAdmin(ctx);
    const editor = await addMember(ctx, account.id, 'editor');
    const entries = (await auditOf(ctx.db, account.id)).length;
    expect((await change(account.admin.principal, account.id, editor.user.id, 'editor')).role).toBe('editor');
    expect(await auditOf(ctx.db, account.id)).toHaveLength(entries);
  });

  it('lets one of two admins step down, but never the last admin (last_admin, nothing changed)', async () => {
    const account = await createAccountWithAdmin(ctx);
    await expectRefusedWithoutChange(ctx.db, () => change(account.admin.principal, account.id, account.admin.user.id, 'editor'), 'last_admin');
    const operator = await createPerson(ctx.db, { isOperator: true });
    await expectRefusedWithoutChange(ctx.db, () => change(operator.principal, account.id, account.admin.user.id, 'viewer'), 'last_admin');

    const second = await addMember(ctx, account.id, 'admin');
    expect((await change(account.admin.principal, account.id, account.admin.user.id, 'viewer')).role).toBe('viewer');
    await expectRefusedWithoutChange(ctx.db, () => change(second.principal, account.id, second.user.id, 'editor'), 'last_admin');
    expect(await findRole(ctx.db, account.id, second.user.id)).toBe('admin');
  });

  it('answers not_found for a user who is not a member of this account', async () => {
    const account = await createAccountWithAdmin(ctx);
    const other = await createAccountWithAdmin(ctx);
    const outsider = await addMember(ctx, other.id, 'viewer');
    await expectRefusedWithoutChange(ctx.db, () => change(account.admin.principal, account.id, outsider.user.id, 'editor'), 'not_found');
    await expectRefusedWithoutChange(ctx.db, () => change(account.admin.principal, account.id, 'u_doesnotexist', 'editor'), 'not_found');
    expect(await findRole(ctx.db, other.id, outsider.user.id)).toBe('viewer');
  });
});
