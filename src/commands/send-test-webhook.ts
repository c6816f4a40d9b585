import { DomainError } from '../domain/errors';
import type { Principal } from '../domain/principal';
import { writeTransaction } from '../storage/db';
import { enqueueWebhookEvents } from '../storage/webhooks';
import type { Deps } from './deps';
import type { AccountScope } from './open-account-scope';
import { destinationOf } from './parts/webhook-destination';

/** Test events per destination and window. */
export const TEST_EVENT_LIMIT = { perWindow: 10, windowMs: 60 * 60 * 1000 };

/**
 * "Send test event": a signed `webhook.test` event through the outbox to one destination, even a
 * disabled one (a success enables it again). Its outcome shows in the destination's delivery log.
 */
export async function sendTestWebhook(
  deps: Deps,
  _principal: Principal,
  input: { scope: AccountScope; webhookId: string },
): Promise<{ deliveryId: string }> {
  const account = input.scope.account;
  return writeTransaction(deps.storage, async (tx) => {
    const destination = await destinationOf(tx, account.id, input.webhookId);
    const since = new Date(Date.now() - TEST_EVENT_LIMIT.windowMs).toISOString();
    const recent = await tx
      .selectFrom('deliveries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('webhook_id', '=', destination.id)
      .where('subject', '=', 'webhook.test')
      .where('created_at', '>', since)
      .executeTakeFirstOrThrow();
    if (Number(recent.n) >= TEST_EVENT_LIMIT.perWindow) throw new DomainError('rate_limited', [], { seconds: 60 });
    const [deliveryId] = await enqueueWebhookEvents(tx, [destination], {
      type: 'webhook.test',
      timestamp: new Date().toISOString(),
      data: { accountId: account.id, webhookId: destination.id },
    });
    return { deliveryId: deliveryId! };
  });
}
