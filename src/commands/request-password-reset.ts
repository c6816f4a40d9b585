import type { Locale } from '../domain/locales';
import type { Principal } from '../domain/principal';
import { passwordResetEmail } from '../mail/security-emails';
import { writeTransaction } from '../storage/db';
import { enqueueEmails } from '../storage/deliveries';
import { insertPasswordReset, newSecretToken, revokePasswordResets, sha256 } from '../storage/own-access';
import { recordFailures } from '../storage/sign-in-failures';
import { findCredentials } from '../storage/users';
import type { Deps } from './deps';
import { localeOf } from './parts/own-access';
import { checkLimit } from './sign-in';

/** Reset links live one hour; requests are counted per email and per address (429 beyond). */
export const PASSWORD_RESET = { ttlMs: 60 * 60 * 1000, windowMs: 60 * 60 * 1000, perEmail: 3, perAddress: 10 };

/**
 * Sends a single-use password reset link to the address if it belongs to someone. The answer is
 * the same either way, so it never tells whether an address has an account; only the number of
 * requests (per email, per address) can refuse it.
 */
export async function requestPasswordReset(deps: Deps, _principal: Principal, input: { email: string; address: string; locale: Locale }): Promise<void> {
  const email = input.email.trim().toLowerCase();
  const keys = { email: `reset-email:${email}`, address: `reset-ip:${input.address}` };
  await checkLimit(deps, keys.email, PASSWORD_RESET.perEmail, PASSWORD_RESET.windowMs);
  await checkLimit(deps, keys.address, PASSWORD_RESET.perAddress, PASSWORD_RESET.windowMs);
  await writeTransaction(deps.storage, async (tx) => {
    // Every request counts, whether or not the address has an account.
    await recordFailures(tx, [keys.email, keys.address], new Date().toISOString());
    const credentials = await findCredentials(tx, email);
    // Someone invited who never set a password accepts the invitation instead.
    if (!credentials?.passwordHash) return;
    const token = newSecretToken();
    await revokePasswordResets(tx, credentials.user.id);
    await insertPasswordReset(tx, {
      userId: credentials.user.id,
      tokenHash: sha256(token),
      expiresAt: new Date(Date.now() + PASSWORD_RESET.ttlMs).toISOString(),
    });
    await enqueueEmails(tx, [
      passwordResetEmail({ to: credentials.user.email, locale: localeOf(credentials.user, input.locale), url: `${deps.config.publicUrl}/reset-password/${token}` }),
    ]);
  });
}
