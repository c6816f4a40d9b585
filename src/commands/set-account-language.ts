import type { Locale } from '../domain/locales';
import { actorOf, type Principal } from '../domain/principal';
import { setAccountLanguage as storeLanguage } from '../storage/accounts';
import { recordAudit } from '../storage/audit-log';
import { writeTransaction } from '../storage/db';
import type { Deps } from './deps';
import { presentAccount, type AccountDetail } from './get-account';
import type { AccountScope } from './open-account-scope';

/**
 * Sets the account's default language: emails to its contacts that chose no language of their
 * own are written in it from now on. Recorded in the audit log when it changes.
 */
export async function setAccountLanguage(deps: Deps, principal: Principal, input: { scope: AccountScope; language: Locale }): Promise<AccountDetail> {
  const account = input.scope.account;
  await writeTransaction(deps.storage, async (tx) => {
    if (account.language === input.language) return;
    await storeLanguage(tx, account.id, input.language);
    await recordAudit(tx, {
      accountId: account.id,
      actor: actorOf(principal),
      action: 'account.language_changed',
      changes: [{ field: 'language', before: account.language, after: input.language }],
    });
  });
  return presentAccount(deps, { ...account, language: input.language });
}
