import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptInvitation } from '../../src/commands/accept-invitation';
import { getInvitation } from '../../src/commands/get-invitation';
import { inviteUser } from '../../src/commands/invite-user';
import { resendInvitation } from '../../src/commands/resend-invitation';
import { ANONYMOUS } from '../../src/domain/principal';
import {
  addMember,
  createAccountWithAdmin,
  createCommandContext,
  deliveriesTo,
  expectRefusal,
  expectRefusedWithoutChange,
  invitationTokenFor,
  PASSWORD,
  scopeFor,
  uniqueEmail,
  type AccountFixture,
  type CommandContext,
} from '../support/commands';
import { DIALECTS } from '../support/storage';

describe.each(DIALECTS)('resendInvitation on %s', (dialect) => {
  let ctx: CommandContext;
  let account: AccountFixture;
  beforeAll(async () => {
    ctx = await createCommandContext(dialect);
    account = await createAccountWithAdmin(ctx, { name: 'Bistro Group' });
  });
  afterAll(() => ctx.storage.destroy());

  const scope = () => scopeFor(ctx, account.admin.principal, account.id, 'users.manage');
  const resend = async (userId: string, locale: 'en' | 'he' | 'pl' = 'en') =>
    resendInvitation(ctx.deps, account.admin.principal, { scope: await scope(), userId, locale });
  const invite = async (email: string) => inviteUser(ctx.deps, account.admin.principal, { scope: await scope(), email, role: 'editor', locale: 'en' });

  it('queues a fresh link in the requested language; the older link stops working', async () => {
    const email = uniqueEmail('slow');
    const member = await invite(email);
    const first = await invitationTokenFor(ctx.db, email);
    await resend(member.userId, 'pl');
    const mails = await deliveriesTo(ctx.db, email);
    expect(mails.map((m) => m.subject)).toEqual(['First Admin invited you to Bistro Group on Liaison', 'First Admin zaprasza Cię do konta Bistro Group w Liaison']);
    const second = await invitationTokenFor(ctx.db, email);
    expect(second).not.toBe(first);
    await expectRefusal(getInvitation(ctx.deps, ANONYMOUS, { token: first }), 'not_found');
    await expectRefusal(acceptInvitation(ctx.deps, ANONYMOUS, { token: first, name: 'Slow', password: PASSWORD }), 'not_found');
    expect(await getInvitation(ctx.deps, ANONYMOUS, { token: second })).toMatchObject({ email: email.toLowerCase(), accountId: account.id });
    expect((await acceptInvitation(ctx.deps, ANONYMOUS, { token: second, name: 'Slow', password: PASSWORD })).user.id).toBe(member.userId);
  });

  it('answers conflict for an active member, and sends nothing', async () => {
    const active = await addMember(ctx, account.id, 'viewer');
    await expectRefusedWithoutChange(ctx.db, () => resend(active.user.id), 'conflict');
    await expectRefusedWithoutChange(ctx.db, () => resend(account.admin.user.id), 'conflict');
    expect(await deliveriesTo(ctx.db, active.user.email)).toEqual([]);
  });

  it('answers not_found for someone who is not a member of this account', async () => {
    const other = await createAccountWithAdmin(ctx);
    const pending = await addMember(ctx, other.id, 'viewer', { password: null });
    await expectRefusedWithoutChange(ctx.db, () => resend(pending.user.id), 'not_found');
    await expectRefusedWithoutChange(ctx.db, () => resend('u_doesnotexist'), 'not_found');
  });
});
