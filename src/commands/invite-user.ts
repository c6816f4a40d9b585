import { DomainError } from '../domain/errors';
import type { Locale } from '../domain/locales';
import type { Role } from '../domain/roles';
import { addedToAccountEmail, invitationEmail } from '../mail/templates';
import type { Db } from '../storage/db';
import { recordAudit } from '../storage/audit-log';
import { insertInvitation } from '../storage/invitations';
import { findMember, insertMembership, type Member } from '../storage/memberships';
import { enqueueMail } from '../storage/outbox';
import { findCredentials, insertUser } from '../storage/users';

export type InviteInput = {
  accountId: string;
  accountName: string;
  email: string;
  role: Role;
  name?: string;
  locale: Locale;
  inviter: { id: string | null; name: string };
  publicUrl: string;
};

/**
 * Gives a person access to an account, inside the caller's transaction. Someone who already
 * has a user gets the membership and a notice; a new person gets a user (no password yet) and
 * a single-use invitation link. The email is queued in the same transaction.
 */
export async function inviteUser(tx: Db, input: InviteInput): Promise<Member> {
  const existing = await findCredentials(tx, input.email);
  if (existing && (await findMember(tx, input.accountId, existing.user.id))) throw new DomainError('already_member');

  const user =
    existing?.user ?? (await insertUser(tx, { email: input.email, name: input.name ?? '', passwordHash: null, locale: input.locale }));
  await insertMembership(tx, { accountId: input.accountId, userId: user.id, role: input.role });

  const hasPassword = Boolean(existing?.passwordHash);
  const mailBase = {
    to: user.email,
    locale: input.locale,
    inviterName: input.inviter.name,
    accountName: input.accountName,
    role: input.role,
  };
  await recordAudit(tx, {
    accountId: input.accountId,
    actor: { id: input.inviter.id, name: input.inviter.name },
    action: hasPassword ? 'user.added' : 'user.invited',
    changes: [
      { field: 'user', before: null, after: user.email },
      { field: 'role', before: null, after: input.role },
    ],
  });
  if (hasPassword) {
    await enqueueMail(tx, addedToAccountEmail({ ...mailBase, url: `${input.publicUrl}/accounts/${input.accountId}` }));
  } else {
    await sendInvitation(tx, { ...mailBase, userId: user.id, accountId: input.accountId, inviterId: input.inviter.id, publicUrl: input.publicUrl });
  }
  return { userId: user.id, email: user.email, name: user.name, role: input.role, status: hasPassword ? 'active' : 'invited' };
}

/** Creates an invitation link and queues its email (also used to resend one). */
export async function sendInvitation(
  tx: Db,
  input: {
    to: string;
    userId: string;
    accountId: string;
    accountName: string;
    role: Role;
    locale: Locale;
    inviterId: string | null;
    inviterName: string;
    publicUrl: string;
  },
): Promise<void> {
  const { token, invitation } = await insertInvitation(tx, { userId: input.userId, accountId: input.accountId, invitedBy: input.inviterId });
  await enqueueMail(
    tx,
    invitationEmail({
      to: input.to,
      locale: input.locale,
      inviterName: input.inviterName,
      accountName: input.accountName,
      role: input.role,
      url: `${input.publicUrl}/invite/${token}`,
      expiresAt: invitation.expiresAt,
    }),
  );
}
