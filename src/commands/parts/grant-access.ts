import { DomainError } from '../../domain/errors';
import { isSupportedLocale, type Locale } from '../../domain/locales';
import type { Actor } from '../../domain/principal';
import type { Role } from '../../domain/roles';
import { addedToAccountEmail, invitationEmail } from '../../mail/templates';
import { recordAudit } from '../../storage/audit-log';
import type { Db } from '../../storage/db';
import { enqueueEmails } from '../../storage/deliveries';
import { insertInvitation } from '../../storage/invitations';
import { findMember, insertMembership, type Member } from '../../storage/memberships';
import { findCredentials, insertUser } from '../../storage/users';

export type GrantAccessInput = {
  account: { id: string; name: string };
  email: string;
  role: Role;
  name?: string;
  locale: Locale;
  actor: Actor;
  publicUrl: string;
};

/**
 * Gives a person access to an account, inside the caller's transaction (creating an account and
 * inviting a user both do it). Someone who already has a user gets the membership and a notice;
 * a new person gets a user (no password yet) and a single-use invitation link.
 */
export async function grantAccess(tx: Db, input: GrantAccessInput): Promise<Member> {
  const existing = await findCredentials(tx, input.email);
  if (existing && (await findMember(tx, input.account.id, existing.user.id))) throw new DomainError('already_member');

  const user =
    existing?.user ?? (await insertUser(tx, { email: input.email, name: input.name ?? '', passwordHash: null, locale: input.locale }));
  await insertMembership(tx, { accountId: input.account.id, userId: user.id, role: input.role });

  const hasPassword = Boolean(existing?.passwordHash);
  await recordAudit(tx, {
    accountId: input.account.id,
    actor: input.actor,
    action: hasPassword ? 'user.added' : 'user.invited',
    changes: [
      { field: 'user', before: null, after: user.email },
      { field: 'role', before: null, after: input.role },
    ],
  });
  if (hasPassword) {
    await enqueueEmails(tx, [
      addedToAccountEmail({
        to: user.email,
        // Someone who already uses the portal reads in the language they chose there.
        locale: isSupportedLocale(user.locale) ? user.locale : input.locale,
        inviterName: input.actor.name,
        accountName: input.account.name,
        role: input.role,
        url: `${input.publicUrl}/accounts/${input.account.id}`,
      }),
    ]);
  } else {
    await queueInvitation(tx, { ...input, userId: user.id, to: user.email });
  }
  return { userId: user.id, email: user.email, name: user.name, role: input.role, status: hasPassword ? 'active' : 'invited' };
}

/** Creates an invitation link and queues its email (also used to send a fresh one). */
export async function queueInvitation(
  tx: Db,
  input: { to: string; userId: string; account: { id: string; name: string }; role: Role; locale: Locale; actor: Actor; publicUrl: string },
): Promise<void> {
  const { token, invitation } = await insertInvitation(tx, { userId: input.userId, accountId: input.account.id, invitedBy: input.actor.id });
  await enqueueEmails(tx, [
    invitationEmail({
      to: input.to,
      locale: input.locale,
      inviterName: input.actor.name,
      accountName: input.account.name,
      role: input.role,
      url: `${input.publicUrl}/invite/${token}`,
      expiresAt: invitation.expiresAt,
    }),
  ]);
}
