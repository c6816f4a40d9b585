import { DomainError } from '../domain/errors';
import { actorOf, type Principal } from '../domain/principal';
import type { Category, Environment } from '../domain/routing';
import { recordAudit } from '../storage/audit-log';
import { lockAccount } from '../storage/accounts';
import { writeTransaction } from '../storage/db';
import { countWebhooks, insertWebhook, WEBHOOK_LIMIT, type Webhook } from '../storage/webhooks';
import { newWebhookSecret } from '../webhooks/signature';
import type { Deps } from './deps';
import type { AccountScope } from './open-account-scope';
import { checkDestinationUrl } from './parts/webhook-destination';

/**
 * Adds a webhook destination (at most WEBHOOK_LIMIT per account). Its host must resolve to public
 * addresses only (422 webhook_address_refused) unless WEBHOOK_ALLOW_PRIVATE. The secret is in
 * the answer, and never again.
 */
export async function createWebhook(
  deps: Deps,
  principal: Principal,
  input: { scope: AccountScope; url: string; categories: Category[]; env: Environment; deliveryEvents?: boolean },
): Promise<{ webhook: Webhook; secret: string }> {
  const account = input.scope.account;
  // DNS before the transaction: no lock is held while a resolver answers.
  const url = await checkDestinationUrl(input.url, deps.config.webhooks?.allowPrivate ?? false);
  return writeTransaction(deps.storage, async (tx) => {
    await lockAccount(tx, deps.storage.dialect, account.id);
    if ((await countWebhooks(tx, account.id)) >= WEBHOOK_LIMIT) throw new DomainError('webhook_limit_reached', [], { max: WEBHOOK_LIMIT });
    const secret = newWebhookSecret();
    const webhook = await insertWebhook(tx, { accountId: account.id, url, categories: [...new Set(input.categories)], env: input.env, secret, deliveryEvents: input.deliveryEvents });
    await recordAudit(tx, {
      accountId: account.id,
      actor: actorOf(principal),
      action: 'webhook.created',
      changes: [{ field: 'webhook', before: null, after: url }],
    });
    return { webhook, secret };
  });
}
