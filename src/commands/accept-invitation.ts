import { DomainError } from '../domain/errors';
import { recordAudit } from '../storage/audit-log';
import { writeTransaction, type Storage } from '../storage/db';
import { findInvitationByToken, markInvitationUsed } from '../storage/invitations';
import { createSession } from '../storage/sessions';
import { findCredentials, findUserById, setNameAndPassword, type User } from '../storage/users';
import { hashPassword, verifyPassword } from './passwords';

/** A pending invitation; 404 when unknown or already used, 410 invitation_expired when too old. */
export async function findOpenInvitation(storage: Storage, token: string) {
  const invitation = await findInvitationByToken(storage.db, token);
  if (!invitation || invitation.usedAt) throw new DomainError('not_found');
  if (Date.parse(invitation.expiresAt) <= Date.now()) throw new DomainError('invitation_expired');
  const user = await findUserById(storage.db, invitation.userId);
  if (!user) throw new DomainError('not_found');
  const credentials = await findCredentials(storage.db, user.email);
  return { invitation, user, hasPassword: Boolean(credentials?.passwordHash) };
}

/**
 * Accepts an invitation: a new person sets a name and password; someone who already has a
 * password confirms it. The link is then used up, and the person is signed in.
 */
export async function acceptInvitation(
  storage: Storage,
  input: { token: string; name?: string; password: string },
): Promise<{ user: User; token: string; csrfToken: string; expiresAt: string }> {
  const { invitation, user, hasPassword } = await findOpenInvitation(storage, input.token);
  if (!hasPassword && !input.name) throw new DomainError('validation_failed', [{ path: 'name', code: 'required' }]);
  if (hasPassword) {
    const credentials = await findCredentials(storage.db, user.email);
    if (!(await verifyPassword(credentials?.passwordHash, input.password))) throw new DomainError('invalid_credentials');
  }
  const passwordHash = hasPassword ? undefined : await hashPassword(input.password);
  return writeTransaction(storage, async (tx) => {
    // Two tabs accepting at once: only the first uses the link.
    if (!(await markInvitationUsed(tx, invitation.id))) throw new DomainError('not_found');
    const updated = passwordHash ? await setNameAndPassword(tx, user.id, input.name!, passwordHash) : user;
    await recordAudit(tx, {
      accountId: invitation.accountId,
      actor: { id: user.id, name: updated.name || user.email },
      action: 'invitation.accepted',
      changes: [{ field: 'user', before: null, after: user.email }],
    });
    const { token, session } = await createSession(tx, user.id);
    return { user: updated, token, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
  });
}
