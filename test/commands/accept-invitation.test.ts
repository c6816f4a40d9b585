import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptInvitation } from '../../src/commands/accept-invitation';
import { inviteUser } from '../../src/commands/invite-user';
import { verifyPassword } from '../../src/commands/parts/passwords';
import { ANONYMOUS } from '../../src/domain/principal';
import { findMember } from '../../src/storage/memberships';
import { findSession } from '../../src/storage/sessions';
import { findCredentials } from '../../src/storage/users';
import {
  auditOf,
  createAccountWithAdmin,
  createCommandContext,
  expectRefusal,
  expectRefusedWithoutChange,
  invitationTokenFor,
  scopeFor,
  uniqueEmail,
  type AccountFixture,
  type CommandContext,
} from '../support/commands';
import { DIALECTS } from '../support/storage';

const NEW_PASSWORD = 'my-own-new-password';

describe.each(DIALECTS)('acceptInvitation on %s', (dialect) => {
  let ctx: CommandContext;
  let account: AccountFixture;
  beforeAll(async () => {
    ctx = await createCommandContext(dialect);
    account = await createAccountWithAdmin(ctx, { name: 'Bistro Group' });
  });
  afterAll(() => ctx.storage.destroy());

  /** Invites a new person to an account (by its first admin) and returns the link's token. */
  const invite = async (email: string, to: AccountFixture = account) => {
    const scope = await scopeFor(ctx, to.admin.principal, to.id, 'users.manage');
    const member = await inviteUser(ctx.deps, to.admin.principal, { scope, email, role: 'editor', locale: 'en' });
    return { userId: member.userId, token: await invitationTokenFor(ctx.db, email) };
  };
  const accept = async (input: { token: string; name?: string; password: string }) => {
    const outcome = await acceptInvitation(ctx.deps, ANONYMOUS, input);
    if (outcome.step !== 'done') throw new Error('a code is required');
    return outcome;
  };

  it('lets a new person set a name and password, uses the link up, and signs them in', async () => {
    const email = uniqueEmail('nina');
    const { userId, token } = await invite(email);
    const result = await accept({ token, name: 'Nina', password: NEW_PASSWORD });
    expect(result.user).toEqual({ id: userId, email, name: 'Nina', locale: 'en', isOperator: false });
    expect(result.csrfToken).toEqual(expect.any(String));
    expect(Date.parse(result.expiresAt)).toBeGreaterThan(Date.now());
    const session = await findSession(ctx.db, result.token);
    expect(session?.user.id).toBe(userId);
    expect(session?.session.csrfToken).toBe(result.csrfToken);

    const credentials = await findCredentials(ctx.db, email);
    expect(await verifyPassword(credentials?.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await findMember(ctx.db, account.id, userId)).toMatchObject({ status: 'active', name: 'Nina' });
    expect((await auditOf(ctx.db, account.id)).at(-1)).toMatchObject({
      actor: { kind: 'user', id: userId, name: 'Nina' },
      action: 'invitation.accepted',
      changes: [{ field: 'user', before: null, after: email }],
    });
    // The link works once.
    await expectRefusedWithoutChange(ctx.db, () => accept({ token, name: 'Nina again', password: 'another-password' }), 'not_found');
  });

  it('asks a person who already has a password to confirm it, keeping their name', async () => {
    const other = await createAccountWithAdmin(ctx, { name: 'Cafe Co' });
    const email = uniqueEmail('twice');
    const first = await invite(email);
    const second = await invite(email, other);
    await accept({ token: first.token, name: 'Tess', password: NEW_PASSWORD });

    await expectRefusedWithoutChange(ctx.db, () => accept({ token: second.token, password: 'a-wrong-password' }), 'invalid_credentials');
    const result = await accept({ token: second.token, name: 'Not Tess', password: NEW_PASSWORD });
    expect(result.user).toMatchObject({ id: first.userId, name: 'Tess' });
    expect((await findSession(ctx.db, result.token))?.user.id).toBe(first.userId);
    expect((await findCredentials(ctx.db, email))?.user.name).toBe('Tess');
    expect((await auditOf(ctx.db, other.id)).at(-1)).toMatchObject({ actor: { kind: 'user', id: first.userId, name: 'Tess' }, action: 'invitation.accepted' });
  });

  it('refuses a new person without a name (validation_failed on name), changing nothing', async () => {
    const { token } = await invite(uniqueEmail('nameless'));
    for (const name of [undefined, '']) {
      const error = await expectRefusedWithoutChange(ctx.db, () => accept({ token, name, password: NEW_PASSWORD }), 'validation_failed');
      expect(error.details).toEqual([{ path: 'name', code: 'required' }]);
    }
    // The link still works afterwards.
    expect((await accept({ token, name: 'Named', password: NEW_PASSWORD })).user.name).toBe('Named');
  });

  it('answers invitation_expired for a link older than its expiry, changing nothing', async () => {
    const { userId, token } = await invite(uniqueEmail('late'));
    await ctx.db.updateTable('invitations').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('user_id', '=', userId).execute();
    await expectRefusedWithoutChange(ctx.db, () => accept({ token, name: 'Late', password: NEW_PASSWORD }), 'invitation_expired');
  });

  it('answers not_found for an unknown token', async () => {
    await expectRefusal(accept({ token: 'no-such-token', name: 'Who', password: NEW_PASSWORD }), 'not_found');
    await expectRefusal(accept({ token: '', name: 'Who', password: NEW_PASSWORD }), 'not_found');
  });
});
