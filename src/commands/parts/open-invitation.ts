import { DomainError } from '../../domain/errors';
import type { Db } from '../../storage/db';
import { findInvitationByToken } from '../../storage/invitations';
import { findCredentials, findUserById } from '../../storage/users';

/** A pending invitation; 404 when unknown or already used, 410 invitation_expired when too old. */
export async function findOpenInvitation(db: Db, token: string) {
  const invitation = await findInvitationByToken(db, token);
  if (!invitation || invitation.usedAt) throw new DomainError('not_found');
  if (Date.parse(invitation.expiresAt) <= Date.now()) throw new DomainError('invitation_expired');
  const user = await findUserById(db, invitation.userId);
  if (!user) throw new DomainError('not_found');
  const credentials = await findCredentials(db, user.email);
  return { invitation, user, passwordHash: credentials?.passwordHash ?? null };
}
