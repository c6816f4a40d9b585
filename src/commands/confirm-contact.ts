import type { HealthField } from '../domain/contact-health';
import { DomainError } from '../domain/errors';
import type { Principal } from '../domain/principal';
import { findConfirmationTarget, setContactState, type ConfirmationTarget } from '../storage/contact-health';
import { writeTransaction } from '../storage/db';
import type { Deps } from './deps';

export type ContactConfirmationView = {
  accountName: string;
  email: string;
  field: HealthField;
  state: 'unconfirmed' | 'confirmed' | 'bouncing';
  confirmedAt: string | null;
  confirmedNow: boolean;
};

const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

function view(target: ConfirmationTarget, confirmedNow: boolean): ContactConfirmationView {
  return { accountName: target.accountName, email: target.address, field: target.purpose, state: target.state, confirmedAt: target.confirmedAt, confirmedNow };
}

/** What a confirmation link is about, for its page: reads only (mail scanners fetch links). 404 for an unknown token or an address no longer listed. */
export async function getContactConfirmation(deps: Deps, _principal: Principal, input: { token: string }): Promise<ContactConfirmationView> {
  const target = TOKEN.test(input.token) ? await findConfirmationTarget(deps.storage.db, input.token) : undefined;
  if (!target) throw new DomainError('not_found');
  return view(target, false);
}

/**
 * Confirms one address for one purpose with its link's token (no sign-in: the token is the
 * credential): it becomes `confirmed`, also when it was bouncing. Confirming again changes
 * nothing but the time.
 */
export async function confirmContact(deps: Deps, _principal: Principal, input: { token: string }): Promise<ContactConfirmationView> {
  return writeTransaction(deps.storage, async (tx) => {
    const target = TOKEN.test(input.token) ? await findConfirmationTarget(tx, input.token) : undefined;
    if (!target) throw new DomainError('not_found');
    const first = target.state !== 'confirmed';
    await setContactState(tx, { accountId: target.accountId, address: target.address, purpose: target.purpose, state: 'confirmed' });
    const after = await findConfirmationTarget(tx, input.token);
    return view(after ?? target, first);
  });
}
