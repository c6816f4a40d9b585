import type { HealthField } from '../domain/contact-health';
import { DomainError } from '../domain/errors';
import type { Principal } from '../domain/principal';
import { contactHealthOf } from '../storage/contact-health';
import { writeTransaction } from '../storage/db';
import { enqueueEmails } from '../storage/deliveries';
import { recordFailures } from '../storage/sign-in-failures';
import type { Deps } from './deps';
import type { AccountScope } from './open-account-scope';
import { confirmationEmailFor } from './parts/contact-health';
import { checkLimit } from './sign-in';

/** Resends per address and account in an hour: enough for a lost email, too few to flood a mailbox. */
export const RESEND_LIMIT = { perAddress: 3, windowMs: 60 * 60 * 1000 };

/**
 * Sends an address its confirmation link again (a fresh token). 422 not_listed when the address
 * is not under that field; 429 after three resends to it within the hour.
 */
export async function resendContactConfirmation(
  deps: Deps,
  _principal: Principal,
  input: { scope: AccountScope; field: HealthField; email: string },
): Promise<{ email: string; field: HealthField }> {
  const account = input.scope.account;
  const address = input.email.trim().toLowerCase();
  const key = `resend:${account.id}:${address}`;
  await checkLimit(deps, key, RESEND_LIMIT.perAddress, RESEND_LIMIT.windowMs);
  return writeTransaction(deps.storage, async (tx) => {
    const row = (await contactHealthOf(tx, account.id)).find((r) => r.address === address && r.purpose === input.field);
    if (!row) throw new DomainError('not_listed');
    await enqueueEmails(tx, [await confirmationEmailFor(tx, deps.config, account, row)]);
    // Counted with the other rate limits (see sign-in.ts), in the same transaction as the email.
    await recordFailures(tx, [key], new Date().toISOString());
    return { email: row.address, field: row.purpose };
  });
}
