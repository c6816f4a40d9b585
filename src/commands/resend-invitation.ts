import { DomainError } from '../domain/errors';
import type { Locale } from '../domain/locales';
import { actorOf, type Principal } from '../domain/principal';
import { writeTransaction } from '../storage/db';
import { revokeInvitations } from '../storage/invitations';
import type { Deps } from './deps';
import type { AccountScope } from './open-account-scope';
import { queueInvitation } from './parts/grant-access';
import { lockedMember } from './parts/locked-member';

/** Sends a fresh invitation link to a member who has not accepted yet (409 conflict otherwise); older links stop working. */
export async function resendInvitation(
  deps: Deps,
  principal: Principal,
  input: { scope: AccountScope; userId: string; locale: Locale },
): Promise<void> {
  const account = input.scope.account;
  await writeTransaction(deps.storage, async (tx) => {
    const member = await lockedMember(tx, deps.storage.dialect, account.id, input.userId);
    if (member.status !== 'invited') throw new DomainError('conflict');
    await revokeInvitations(tx, input.userId, account.id);
    await queueInvitation(tx, {
      to: member.email,
      userId: member.userId,
      account,
      role: member.role,
      locale: input.locale,
      actor: actorOf(principal),
      publicUrl: deps.config.publicUrl,
    });
  });
}
