import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getInvitation } from '../../src/commands/get-invitation';
import { inviteUser } from '../../src/commands/invite-user';
import { ANONYMOUS, type Principal } from '../../src/domain/principal';
import type { Role } from '../../src/domain/roles';
import { findMember } from '../../src/storage/memberships';
import { findCredentials } from '../../src/storage/users';
import {
  addMember,
  auditOf,
  createAccountWithAdmin,
  createCommandContext,
  createPerson,
  deliveriesTo,
  expectRefusedWithoutChange,
  invitationTokenFor,
  PUBLIC_URL,
  scopeFor,
  uniqueEmail,
  type AccountFixture,
  type CommandContext,
} from '../support/commands';
import { DIALECTS } from '../support/storage';

describe.each(DIALECTS)('inviteUser on %s', (dialect) => {
  let ctx: CommandContext;
  let account: AccountFixture;
  beforeAll(async () => {
    ctx = await createCommandContext(dialect);
    account = await createAccountWithAdmin(ctx, { name: 'Bistro Group' });
  });
  afterAll(() => ctx.storage.destroy());

  const invite = async (input: { email: string; role: Role; name?: string; locale?: 'en' | 'he' | 'pl' }, principal: Principal = account.admin.principal) =>
    inviteUser(ctx.deps, principal, { scope: await scopeFor(ctx, principal, account.id, 'users.manage'), locale: 'en', ...input });
  const invitationsOf = (userId: string) => ctx.db.selectFrom('invitations').selectAll().where('user_id', '=', userId).execute();

  it('invites a new person: a user without a password, an invited membership, an audit entry and an invitation email in their language', async () => {
    const email = uniqueEmail('Nina');
    const member = await invite({ email, role: 'editor', name: 'Nina', locale: 'pl' });
    const lower = email.toLowerCase();
    expect(member).toEqual({ userId: expect.stringMatching(/^u_/), email: lower, name: 'Nina', role: 'editor', status: 'invited' });
    const credentials = await findCredentials(ctx.db, lower);
    expect(credentials).toEqual({ user: { id: member.userId, email: lower, name: 'Nina', locale: 'pl', isOperator: false }, passwordHash: null });
    expect(await findMember(ctx.db, account.id, member.userId)).toEqual(member);

    const [mail, ...more] = await deliveriesTo(ctx.db, lower);
    expect(more).toEqual([]);
    expect(mail!.subject).toBe('First Admin zaprasza Cię do konta Bistro Group w Liaison');
    expect(mail!.text).toContain(`${PUBLIC_URL}/invite/`);
    const invitation = await getInvitation(ctx.deps, ANONYMOUS, { token: await invitationTokenFor(ctx.db, lower) });
    expect(invitation).toMatchObject({ email: lower, accountId: account.id, existingUser: false });
    expect(await invitationsOf(member.userId)).toHaveLength(1);

    expect((await auditOf(ctx.db, account.id)).at(-1)).toMatchObject({
      actor: { kind: 'user', id: account.admin.user.id, name: 'First Admin' },
      action: 'user.invited',
      changes: [
        { field: 'user', before: null, after: lower },
        { field: 'role', before: null, after: 'editor' },
      ],
    });
  });

  it('gives a person who already has a password the membership at once, with an "added" email and no invitation', async () => {
    const existing = await createPerson(ctx.db, { name: 'Known Person' });
    const operator = await createPerson(ctx.db, { isOperator: true, name: 'Olga Operator' });
    const member = await invite({ email: existing.user.email.toUpperCase(), role: 'viewer', name: 'Ignored Name' }, operator.principal);
    expect(member).toEqual({ userId: existing.user.id, email: existing.user.email, name: 'Known Person', role: 'viewer', status: 'active' });
    const mails = await deliveriesTo(ctx.db, existing.user.email);
    expect(mails.map((m) => m.subject)).toEqual(['You now have access to Bistro Group on Liaison']);
    expect(mails[0]!.text).toContain(`${PUBLIC_URL}/accounts/${account.id}`);
    expect(await invitationsOf(existing.user.id)).toEqual([]);
    expect((await auditOf(ctx.db, account.id)).at(-1)).toMatchObject({
      actor: { kind: 'user', id: operator.user.id, name: 'Olga Operator' },
      action: 'user.added',
    });
  });

  it('invites (rather than adds) a person who was invited elsewhere and has no password yet', async () => {
    const other = await createAccountWithAdmin(ctx);
    const pending = await addMember(ctx, other.id, 'viewer', { name: 'Pending Person', password: null });
    const member = await invite({ email: pending.user.email, role: 'admin' });
    expect(member).toMatchObject({ userId: pending.user.id, name: 'Pending Person', role: 'admin', status: 'invited' });
    expect(await invitationsOf(pending.user.id)).toHaveLength(1);
    expect((await deliveriesTo(ctx.db, pending.user.email)).map((m) => m.subject)).toEqual(['First Admin invited you to Bistro Group on Liaison']);
  });

  it('refuses an existing member, active or invited, whatever the case of the email, with already_member and no change', async () => {
    const active = await addMember(ctx, account.id, 'viewer');
    const invited = await invite({ email: uniqueEmail('twice'), role: 'viewer' });
    for (const email of [active.user.email, active.user.email.toUpperCase(), invited.email, account.admin.user.email]) {
      const queued = (await deliveriesTo(ctx.db, email)).length;
      await expectRefusedWithoutChange(ctx.db, () => invite({ email, role: 'admin' }), 'already_member');
      expect(await deliveriesTo(ctx.db, email)).toHaveLength(queued);
    }
  });
});
