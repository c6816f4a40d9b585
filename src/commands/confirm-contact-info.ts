import { DEFAULT_REVIEW_INTERVAL_MS } from '../domain/contact-health';
import { DomainError } from '../domain/errors';
import { actorOf, type Principal } from '../domain/principal';
import { lockAccount } from '../storage/accounts';
import { recordAudit } from '../storage/audit-log';
import { restartReview } from '../storage/contact-health';
import { writeTransaction } from '../storage/db';
import type { Deps } from './deps';
import type { AccountScope } from './open-account-scope';
import { loadContactInfo } from './parts/contact-info-document';
import { presentContactHealth, type ContactHealthView } from './parts/contact-health';

/**
 * The periodic review: someone of the account confirms the whole contact information is still
 * right (one click). The review clock restarts and a stale account is no longer stale; audited.
 * 403 contact_info_required while it is incomplete.
 */
export async function confirmContactInfo(deps: Deps, principal: Principal, input: { scope: AccountScope }): Promise<ContactHealthView['review']> {
  const account = input.scope.account;
  return writeTransaction(deps.storage, async (tx) => {
    await lockAccount(tx, deps.storage.dialect, account.id);
    const { missing, stored } = await loadContactInfo(tx, deps.catalog, account);
    if (!stored || missing.length > 0) throw new DomainError('contact_info_required');
    await restartReview(tx, account.id, deps.config.contactReviewIntervalMs ?? DEFAULT_REVIEW_INTERVAL_MS);
    await recordAudit(tx, { accountId: account.id, actor: actorOf(principal), action: 'contact_info.confirmed', changes: [] });
    return (await presentContactHealth(tx, account.id)).review;
  });
}
