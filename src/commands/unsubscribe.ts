import { DomainError } from '../domain/errors';
import type { Principal } from '../domain/principal';
import { isMandatory, type Category } from '../domain/routing';
import { findAccount } from '../storage/accounts';
import { writeTransaction } from '../storage/db';
import { addUnsubscribe, isOptedOut, unsubscribeSecret } from '../storage/unsubscribes';
import type { Deps } from './deps';
import { readUnsubscribeToken } from './parts/unsubscribe-link';

export type UnsubscribeView = { accountName: string; email: string; category: Category; mandatory: boolean; unsubscribed: boolean };

async function open(deps: Deps, input: { token: string; category: Category }) {
  const owner = readUnsubscribeToken(await unsubscribeSecret(deps.storage.db), input.token);
  const account = owner ? await findAccount(deps.storage.db, owner.accountId) : undefined;
  if (!owner || !account) throw new DomainError('not_found');
  return { owner, account };
}

/** What an unsubscribe link is about (the page's GET: changes nothing; mail scanners fetch links). */
export async function getUnsubscribe(deps: Deps, _principal: Principal, input: { token: string; category: Category }): Promise<UnsubscribeView> {
  const { owner, account } = await open(deps, input);
  return {
    accountName: account.name,
    email: owner.email,
    category: input.category,
    mandatory: isMandatory(input.category),
    unsubscribed: await isOptedOut(deps.storage.db, account.id, input.category, owner.email),
  };
}

/**
 * One-click unsubscribe (RFC 8058): the link's address stops receiving that optional category of
 * that account. Mandatory categories (emergencies) refuse with 422 category_mandatory. Repeats are fine.
 */
export async function unsubscribe(deps: Deps, _principal: Principal, input: { token: string; category: Category }): Promise<UnsubscribeView> {
  const { owner, account } = await open(deps, input);
  if (isMandatory(input.category)) throw new DomainError('category_mandatory');
  await writeTransaction(deps.storage, (tx) => addUnsubscribe(tx, { accountId: account.id, email: owner.email, category: input.category }));
  return { accountName: account.name, email: owner.email, category: input.category, mandatory: false, unsubscribed: true };
}
