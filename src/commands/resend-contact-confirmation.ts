import type { HealthField } from '../domain/contact-health';
import { DomainError } from '../domain/errors';
import type { Principal } from '../domain/principal';
import { contactHealthOf } from '../storage/contact-health';
import { writeTransaction } from '../storage/db';
import { enqueueEmails } from '../storage/deliveries';
import type { Deps } from './deps';
import type { AccountScope } from './open-account-scope';
import { confirmationEmailFor } from './parts/contact-health';

/** Sends an address its confirmation link again (a fresh token). 422 not_listed when the address is not under that field. */
export async function resendContactConfirmation(
  deps: Deps,
  _principal: Principal,
  input: { scope: AccountScope; field: HealthField; email: string },
): Promise<{ email: string; field: HealthField }> {
  const account = input.scope.account;
  const address = input.email.trim().toLowerCase();
  return writeTransaction(deps.storage, async (tx) => {
    const row = (await contactHealthOf(tx, account.id)).find((r) => r.address === address && r.purpose === input.field);
    if (!row) throw new DomainError('not_listed');
    await enqueueEmails(tx, [await confirmationEmailFor(tx, deps.config, account, row)]);
    return { email: row.address, field: row.purpose };
  });
}
