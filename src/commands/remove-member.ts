import { DomainError } from '../domain/errors';
import { actorOf, type Principal } from '../domain/principal';
import { recordAudit } from '../storage/audit-log';
import { writeTransaction } from '../storage/db';
import { revokeInvitations } from '../storage/invitations';
import { countAdmins, deleteMembership } from '../storage/memberships';
import type { Deps } from './deps';
import type { AccountScope } from './open-account-scope';
import { removeFromAlertContacts } from './parts/contact-info-document';
import { lockedMember } from './parts/locked-member';

/**
 * Removes a member and any open invitation of theirs. The last admin stays (409 last_admin);
 * an alert contact leaves that list too, unless they are its only entry (409 sole_alert_contact).
 */
export async function removeMember(deps: Deps, principal: Principal, input: { scope: AccountScope; userId: string }): Promise<void> {
  const accountId = input.scope.account.id;
  const actor = actorOf(principal);
  await writeTransaction(deps.storage, async (tx) => {
    const member = await lockedMember(tx, deps.storage.dialect, accountId, input.userId);
    if (member.role === 'admin' && (await countAdmins(tx, accountId)) <= 1) throw new DomainError('last_admin');
    await removeFromAlertContacts(tx, { accountId, userId: input.userId, actor });
    await deleteMembership(tx, accountId, input.userId);
    await revokeInvitations(tx, input.userId, accountId);
    await recordAudit(tx, {
      accountId,
      actor,
      action: 'user.removed',
      changes: [
        { field: 'user', before: member.email, after: null },
        { field: 'role', before: member.role, after: null },
      ],
    });
  });
}
