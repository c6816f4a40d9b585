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
import { PENDING_SIGN_IN_TTL_MS, type SignInOutcome } from './sign-in';
import { findTwoStep, insertPendingSignIn, newSecretToken, sha256 } from '../storage/own-access';

/**
 * Accepts an invitation: a new person sets a name and password; someone who already has a
 * password confirms it. The link is then used up, and the person is signed in, or, with
 * two-step sign-in on, handed a pending sign-in that their code completes.
 */
export async function acceptInvitation(
  deps: Deps,
  _principal: Principal,
  input: { token: string; name?: string; password: string; client?: { userAgent?: string | null; address?: string | null } },
): Promise<SignInOutcome> {
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
    // The password alone never opens a session of someone with two-step sign-in.
    if ((await findTwoStep(tx, user.id))?.secret) {
      const pendingToken = newSecretToken();
      const expiresAt = new Date(Date.now() + PENDING_SIGN_IN_TTL_MS).toISOString();
      await insertPendingSignIn(tx, { tokenHash: sha256(pendingToken), userId: user.id, expiresAt });
      return { step: 'code_required' as const, user: updated, pendingToken, expiresAt };
    }
    // The device it was accepted on is listed on the profile page like any other session.
    const { token, session } = await createSession(tx, user.id, input.client);
    return { step: 'done' as const, user: updated, token, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
  });
}
