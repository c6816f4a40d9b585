import { actorOf, type Principal } from '../domain/principal';
import { recordAudit } from '../storage/audit-log';
import { writeTransaction } from '../storage/db';
import { deleteWebhook as deleteStored } from '../storage/webhooks';
import type { Deps } from './deps';
import type { AccountScope } from './open-account-scope';
import { destinationOf } from './parts/webhook-destination';

/** Removes a destination; its deliveries still waiting are dropped, its log of sent ones stays. */
export async function deleteWebhook(deps: Deps, principal: Principal, input: { scope: AccountScope; webhookId: string }): Promise<void> {
  const account = input.scope.account;
  await writeTransaction(deps.storage, async (tx) => {
    const destination = await destinationOf(tx, account.id, input.webhookId);
    await deleteStored(tx, destination.id);
    await recordAudit(tx, { accountId: account.id, actor: actorOf(principal), action: 'webhook.deleted', changes: [{ field: 'webhook', before: destination.url, after: null }] });
  });
}
