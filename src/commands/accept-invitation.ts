import { DomainError } from '../domain/errors';
import { actorOf, type Principal } from '../domain/principal';
import { recordAudit } from '../storage/audit-log';
import { writeTransaction } from '../storage/db';
import { markInvitationUsed } from '../storage/invitations';
import { createSession } from '../storage/sessions';
import { setNameAndPassword } from '../storage/users';
import type { Deps } from './deps';
import { findOpenInvitation } from './parts/open-invitation';
import { hashPassword, verifyPassword } from './parts/passwords';
import type { SignInResult } from './sign-in';

/**
 * Accepts an invitation: a new person sets a name and password; someone who already has a
 * password confirms it. The link is then used up, and the person is signed in.
 */
export async function acceptInvitation(
  deps: Deps,
  _principal: Principal,
  input: { token: string; name?: string; password: string; client?: { userAgent?: string | null; address?: string | null } },
): Promise<SignInResult> {
  const { storage } = deps;
  const { invitation, user, passwordHash: existingHash } = await findOpenInvitation(storage.db, input.token);
  const hasPassword = existingHash !== null;
  if (!hasPassword && !input.name) throw new DomainError('validation_failed', [{ path: 'name', code: 'required' }]);
  if (hasPassword && !(await verifyPassword(existingHash, input.password))) throw new DomainError('invalid_credentials');
  const passwordHash = hasPassword ? undefined : await hashPassword(input.password);
  return writeTransaction(storage, async (tx) => {
    // Two tabs accepting at once: only the first uses the link.
    if (!(await markInvitationUsed(tx, invitation.id))) throw new DomainError('not_found');
    const updated = passwordHash ? await setNameAndPassword(tx, user.id, input.name!, passwordHash) : user;
    await recordAudit(tx, {
      accountId: invitation.accountId,
      actor: actorOf({ kind: 'user', user: updated }),
      action: 'invitation.accepted',
      changes: [{ field: 'user', before: null, after: user.email }],
    });
    // The device it was accepted on is listed on the profile page like any other session.
    const { token, session } = await createSession(tx, user.id, input.client);
    return { user: updated, token, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
  });
}
