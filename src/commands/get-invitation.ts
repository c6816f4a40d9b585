import type { Principal } from '../domain/principal';
import { findAccount } from '../storage/accounts';
import type { Deps } from './deps';
import { findOpenInvitation } from './parts/open-invitation';

/** What an invitation link is for: whom, which account, and whether the person already has a password. */
export async function getInvitation(deps: Deps, _principal: Principal, input: { token: string }) {
  const db = deps.storage.db;
  const { invitation, user, passwordHash } = await findOpenInvitation(db, input.token);
  const account = await findAccount(db, invitation.accountId);
  return {
    email: user.email,
    accountId: invitation.accountId,
    accountName: account?.name ?? '',
    existingUser: passwordHash !== null,
    expiresAt: invitation.expiresAt,
  };
}
