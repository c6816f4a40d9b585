import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getContactInfo } from '../../src/commands/get-contact-info';
import { getInvitation } from '../../src/commands/get-invitation';
import { inviteUser } from '../../src/commands/invite-user';
import { removeMember } from '../../src/commands/remove-member';
import { ANONYMOUS, type Principal } from '../../src/domain/principal';
import { findMember } from '../../src/storage/memberships';
import { findUserById } from '../../src/storage/users';
import {
  addMember,
  auditOf,
  completeContactInfo,
  createAccountWithAdmin,
  createCommandContext,
  expectRefusal,
  expectRefusedWithoutChange,
  invitationTokenFor,
  scopeFor,
  uniqueEmail,
  type CommandContext,
} from '../support/commands';
import { DIALECTS } from '../support/storage';

describe.each(DIALECTS)('removeMember on %s', (dialect) => {
  let ctx: CommandContext;
  beforeAll(async () => {
    ctx = await createCommandContext(dialect);
  });
  afterAll(() => ctx.storage.destroy());

  const remove = async (principal: Principal, accountId: string, userId: string) =>
    removeMember(ctx.deps, principal, { scope: await scopeFor(ctx, principal, accountId, 'users.manage'), userId });

  it('removes a member (the user stays, for their other accounts) and audits it', async () => {
    const account = await createAccountWithAdmin(ctx);
    const viewer = await addMember(ctx, account.id, 'viewer');
    await remove(account.admin.principal, account.id, viewer.user.id);
    expect(await findMember(ctx.db, account.id, viewer.user.id)).toBeUndefined();
    expect(await findUserById(ctx.db, viewer.user.id)).toEqual(viewer.user);
    expect((await auditOf(ctx.db, account.id)).at(-1)).toMatchObject({
      actor: { kind: 'user', id: account.admin.user.id, name: 'First Admin' },
      action: 'user.removed',
      changes: [
        { field: 'user', before: viewer.user.email, after: null },
        { field: 'role', before: 'viewer', after: null },
      ],
    });
  });

  it("revokes the removed person's open invitation", async () => {
    const account = await createAccountWithAdmin(ctx);
    const email = uniqueEmail('invitee');
    const scope = await scopeFor(ctx, account.admin.principal, account.id, 'users.manage');
    const invited = await inviteUser(ctx.deps, account.admin.principal, { scope, email, role: 'editor', locale: 'en' });
    const token = await invitationTokenFor(ctx.db, email);
    await remove(account.admin.principal, account.id, invited.userId);
    await expectRefusal(getInvitation(ctx.deps, ANONYMOUS, { token }), 'not_found');
  });

  it('keeps the last admin (last_admin), and lets one of two admins go', async () => {
    const account = await createAccountWithAdmin(ctx);
    await expectRefusedWithoutChange(ctx.db, () => remove(account.admin.principal, account.id, account.admin.user.id), 'last_admin');
    const second = await addMember(ctx, account.id, 'admin');
    await remove(second.principal, account.id, account.admin.user.id);
    expect(await findMember(ctx.db, account.id, account.admin.user.id)).toBeUndefined();
    await expectRefusedWithoutChange(ctx.db, () => remove(second.principal, account.id, second.user.id), 'last_admin');
  });

  it('keeps the sole alert contact (sole_alert_contact), changing nothing', async () => {
    const account = await createAccountWithAdmin(ctx);
    const editor = await addMember(ctx, account.id, 'editor');
    await completeContactInfo(ctx, account.id, editor.user.id);
    await expectRefusedWithoutChange(ctx.db, () => remove(account.admin.principal, account.id, editor.user.id), 'sole_alert_contact');
    expect(await findMember(ctx.db, account.id, editor.user.id)).toMatchObject({ role: 'editor' });
  });

  it('takes a leaving alert contact off the list when another remains, and the audit log says so', async () => {
    const account = await createAccountWithAdmin(ctx);
    const editor = await addMember(ctx, account.id, 'editor', { name: 'Eddie' });
    const saved = await completeContactInfo(ctx, account.id, [account.admin.user.id, editor.user.id]);
    await remove(account.admin.principal, account.id, editor.user.id);

    const scope = await scopeFor(ctx, account.admin.principal, account.id, 'contactInfo.read');
    const info = await getContactInfo(ctx.deps, account.admin.principal, { scope });
    expect(info.version).toBe(saved.version + 1);
    expect(info.complete).toBe(true);
    expect(info.alertContacts).toEqual([{ userId: account.admin.user.id, email: account.admin.user.email, name: 'First Admin' }]);
    expect(info.updatedBy).toEqual({ id: account.admin.user.id, name: 'First Admin' });

    const [contactChange, removal] = (await auditOf(ctx.db, account.id)).slice(-2);
    const admin = { userId: account.admin.user.id, email: account.admin.user.email, name: 'First Admin' };
    expect(contactChange).toMatchObject({
      actor: { kind: 'user', id: account.admin.user.id },
      action: 'contact_info.updated',
      changes: [{ field: 'alertContacts', before: [admin, { userId: editor.user.id, email: editor.user.email, name: 'Eddie' }], after: [admin] }],
    });
    expect(removal).toMatchObject({ action: 'user.removed', changes: [{ field: 'user', before: editor.user.email, after: null }, { field: 'role', before: 'editor', after: null }] });
  });

  it('answers not_found for a user who is not a member of this account', async () => {
    const account = await createAccountWithAdmin(ctx);
    const other = await createAccountWithAdmin(ctx);
    await expectRefusedWithoutChange(ctx.db, () => remove(account.admin.principal, account.id, other.admin.user.id), 'not_found');
    await expectRefusedWithoutChange(ctx.db, () => remove(account.admin.principal, account.id, 'u_doesnotexist'), 'not_found');
  });

  it('keeps an admin when two admins remove each other at the same time', async () => {
    const account = await createAccountWithAdmin(ctx);
    const second = await addMember(ctx, account.id, 'admin');
    const outcomes = await Promise.allSettled([
      remove(account.admin.principal, account.id, second.user.id),
      remove(second.principal, account.id, account.admin.user.id),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason.code)).toEqual(['last_admin']);
    const admins = await ctx.db.selectFrom('memberships').select('user_id').where('account_id', '=', account.id).where('role', '=', 'admin').execute();
    expect(admins).toHaveLength(1);
  });
});
