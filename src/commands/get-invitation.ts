import type { Principal } from '../domain/principal';
import { findAccount } from '../storage/accounts';
import { findRole } from '../storage/memberships';
import { findUserById } from '../storage/users';
import type { Deps } from './deps';
import { findOpenInvitation } from './parts/open-invitation';

/** What an invitation link is for: whom, which account, with which role, who sent it, and whether the person already has a password. */
export async function getInvitation(deps: Deps, _principal: Principal, input: { token: string }) {
  const db = deps.storage.db;
  const { invitation, user, passwordHash } = await findOpenInvitation(db, input.token);
  const account = await findAccount(db, invitation.accountId);
  const role = await findRole(db, invitation.accountId, user.id);
  const inviter = invitation.invitedBy ? await findUserById(db, invitation.invitedBy) : undefined;
  return {
    email: user.email,
    accountId: invitation.accountId,
    accountName: account?.name ?? '',
    existingUser: passwordHash !== null,
    expiresAt: invitation.expiresAt,
    role,
    invitedBy: inviter ? { name: inviter.name, email: inviter.email } : null,
  };
}
