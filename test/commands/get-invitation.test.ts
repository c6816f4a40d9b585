import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptInvitation } from '../../src/commands/accept-invitation';
import { getInvitation } from '../../src/commands/get-invitation';
import { inviteUser } from '../../src/commands/invite-user';
import { ANONYMOUS } from '../../src/domain/principal';
import { INVITATION_TTL_MS } from '../../src/storage/invitations';
import {
  createAccountWithAdmin,
  createCommandContext,
  expectRefusal,
  expectRefusedWithoutChange,
  invitationTokenFor,
  PASSWORD,
  scopeFor,
  snapshot,
  uniqueEmail,
  type AccountFixture,
  type CommandContext,
} from '../support/commands';
import { DIALECTS } from '../support/storage';

describe.each(DIALECTS)('getInvitation on %s', (dialect) => {
  let ctx: CommandContext;
  let account: AccountFixture;
  beforeAll(async () => {
    ctx = await createCommandContext(dialect);
    account = await createAccountWithAdmin(ctx, { name: 'Bistro Group' });
  });
  afterAll(() => ctx.storage.destroy());

  const invite = async (email: string, to: AccountFixture = account) => {
    const scope = await scopeFor(ctx, to.admin.principal, to.id, 'users.manage');
    const member = await inviteUser(ctx.deps, to.admin.principal, { scope, email, role: 'viewer', locale: 'en' });
    return { userId: member.userId, token: await invitationTokenFor(ctx.db, email) };
  };
  const read = (token: string) => getInvitation(ctx.deps, ANONYMOUS, { token });

  it('says whom a link is for, which account, until when, and that the person is new; reading it uses nothing up', async () => {
    const email = uniqueEmail('new');
    const before = Date.now();
    const { token } = await invite(email);
    const state = await snapshot(ctx.db);
    const invitation = await read(token);
    expect(invitation).toEqual({
      email,
      accountId: account.id,
      accountName: 'Bistro Group',
      existingUser: false,
      expiresAt: expect.any(String),
      role: 'viewer',
      invitedBy: { name: account.admin.user.name, email: account.admin.user.email },
    });
    const expiresAt = Date.parse(invitation.expiresAt);
    expect(expiresAt).toBeGreaterThanOrEqual(before + INVITATION_TTL_MS);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + INVITATION_TTL_MS);
    expect(await snapshot(ctx.db)).toEqual(state);
    expect(await read(token)).toEqual(invitation);
  });

  it('says so when the person already has a password', async () => {
    const other = await createAccountWithAdmin(ctx, { name: 'Cafe Co' });
    const email = uniqueEmail('known');
    const first = await invite(email);
    const second = await invite(email, other);
    expect((await read(second.token)).existingUser).toBe(false);
    await acceptInvitation(ctx.deps, ANONYMOUS, { token: first.token, name: 'Kim', password: PASSWORD });
    expect(await read(second.token)).toMatchObject({ email, accountId: other.id, accountName: 'Cafe Co', existingUser: true });
  });

  it('answers not_found for unknown and used links, invitation_expired for old ones', async () => {
    await expectRefusal(read('no-such-token'), 'not_found');
    const used = await invite(uniqueEmail('used'));
    await acceptInvitation(ctx.deps, ANONYMOUS, { token: used.token, name: 'Used', password: PASSWORD });
    await expectRefusedWithoutChange(ctx.db, () => read(used.token), 'not_found');
    const old = await invite(uniqueEmail('old'));
    await ctx.db.updateTable('invitations').set({ expires_at: new Date(Date.now() - 60_000).toISOString() }).where('user_id', '=', old.userId).execute();
    await expectRefusedWithoutChange(ctx.db, () => read(old.token), 'invitation_expired');
  });
});
