import { DomainError } from '../domain/errors';
import type { Locale } from '../domain/locales';
import type { Role } from '../domain/roles';
import { lockAccount } from '../storage/accounts';
import { writeTransaction, type Storage } from '../storage/db';
import { revokeInvitations } from '../storage/invitations';
import { recordAudit, type Actor } from '../storage/audit-log';
import { countAdmins, deleteMembership, findMember, updateRole, type Member } from '../storage/memberships';
import { removeFromAlertContacts } from './contact-info';
import { sendInvitation } from './invite-user';

/** Loads a member under the account lock; 404 when the user is not in this account. */
async function lockedMember(tx: Storage['db'], storage: Storage, accountId: string, userId: string): Promise<Member> {
  await lockAccount(tx, storage.dialect, accountId);
  const member = await findMember(tx, accountId, userId);
  if (!member) throw new DomainError('not_found');
  return member;
}

/** Changes a member's role; the last admin cannot stop being one (409 last_admin). */
export async function changeRole(
  storage: Storage,
  input: { accountId: string; userId: string; role: Role; actor: Actor },
): Promise<Member> {
  return writeTransaction(storage, async (tx) => {
    const member = await lockedMember(tx, storage, input.accountId, input.userId);
    if (member.role === 'admin' && input.role !== 'admin' && (await countAdmins(tx, input.accountId)) <= 1) {
      throw new DomainError('last_admin');
    }
    if (member.role !== input.role) {
      await updateRole(tx, input.accountId, input.userId, input.role);
      await recordAudit(tx, {
        accountId: input.accountId,
        actor: input.actor,
        action: 'user.role_changed',
        changes: [
          { field: 'user', before: member.email, after: member.email },
          { field: 'role', before: member.role, after: input.role },
        ],
      });
    }
    return { ...member, role: input.role };
  });
}

/**
 * Removes a member and any open invitation of theirs. The last admin stays (409 last_admin);
 * an alert contact leaves that list too, unless they are its only entry (409 sole_alert_contact).
 */
export async function removeMember(storage: Storage, input: { accountId: string; userId: string; actor: Actor }): Promise<void> {
  await writeTransaction(storage, async (tx) => {
    const member = await lockedMember(tx, storage, input.accountId, input.userId);
    if (member.role === 'admin' && (await countAdmins(tx, input.accountId)) <= 1) throw new DomainError('last_admin');
    await removeFromAlertContacts(tx, { accountId: input.accountId, userId: input.userId, actor: input.actor });
    await deleteMembership(tx, input.accountId, input.userId);
    await revokeInvitations(tx, input.userId, input.accountId);
    await recordAudit(tx, {
      accountId: input.accountId,
      actor: input.actor,
      action: 'user.removed',
      changes: [
        { field: 'user', before: member.email, after: null },
        { field: 'role', before: member.role, after: null },
      ],
    });
  });
}

/** Sends a fresh invitation link to a member who has not accepted yet; older links stop working. */
export async function resendInvitation(
  storage: Storage,
  input: { accountId: string; accountName: string; userId: string; locale: Locale; inviter: { id: string; name: string }; publicUrl: string },
): Promise<void> {
  await writeTransaction(storage, async (tx) => {
    const member = await lockedMember(tx, storage, input.accountId, input.userId);
    if (member.status !== 'invited') throw new DomainError('conflict');
    await revokeInvitations(tx, input.userId, input.accountId);
    await sendInvitation(tx, {
      to: member.email,
      userId: member.userId,
      accountId: input.accountId,
      accountName: input.accountName,
      role: member.role,
      locale: input.locale,
      inviterId: input.inviter.id,
      inviterName: input.inviter.name,
      publicUrl: input.publicUrl,
    });
  });
}
